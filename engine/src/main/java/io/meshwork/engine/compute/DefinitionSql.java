package io.meshwork.engine.compute;

import io.meshwork.model.definition.Catalog;
import io.meshwork.model.definition.DataProduct;
import io.meshwork.model.definition.Location;
import io.meshwork.model.definition.Parameter;
import io.meshwork.model.definition.ParameterValue;
import io.meshwork.model.definition.Problems;
import io.meshwork.model.definition.QualityRule;
import io.meshwork.model.definition.Scalar;
import io.meshwork.model.definition.Tenant;
import io.meshwork.model.definition.Transform;
import io.meshwork.model.sql.SqlTemplate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Asks DuckDB's parser about every SQL text of a catalogue before anything runs: each transform (with its default
 * parameters), each tenant's override, each custom product and each SQL quality rule must be exactly one query
 * that a session may run. Parsing runs no part of the text.
 */
public final class DefinitionSql {

  private DefinitionSql() {
  }

  /** Reports every SQL text of {@code catalog} that is not one allowed query, at its file. */
  public static void check(Catalog catalog, Problems problems) {
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("SET enable_external_access = false");
        statement.execute("SET lock_configuration = true");
      }
      for (DataProduct product : catalog.products()) {
        String whose = product.isCustom() ? "The custom product of tenant " + product.tenant().get() : "The transform";
        transform(connection, product, product.transform(), whose, problems);
        for (QualityRule rule : product.quality()) {
          Scalar query = rule.settings().get("query");
          if (rule.kind() == QualityRule.Kind.SQL && query != null) {
            check(connection, query.text(), query.location(), "The query of the sql rule of " + product.name(),
                problems);
          }
        }
      }
      for (Tenant tenant : catalog.tenants()) {
        for (Tenant.Override override : tenant.overrides()) {
          catalog.productVersions(override.product()).stream().filter(product -> !product.isCustom())
              .reduce((first, second) -> second)
              .ifPresent(product -> transform(connection, product, override.transform(), "The override by tenant "
                  + tenant.id(), problems));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot start DuckDB to check the catalogue's SQL: " + e.getMessage(), e);
    }
  }

  private static void transform(Connection connection, DataProduct product, Transform transform, String whose,
      Problems problems) {
    Map<String, ParameterValue> defaults = product.parameters().stream()
        .collect(Collectors.toMap(Parameter::name, Parameter::defaultValue));
    String sql;
    try {
      sql = SqlTemplate.render(transform.sql(), defaults);
    } catch (RuntimeException e) {
      return; // unreadable SQL or unknown parameters: reported by the catalogue validation
    }
    check(connection, sql, new Location(transform.sqlFile(), 1, 1), whose + " of " + product.name(), problems);
  }

  private static void check(Connection connection, String sql, Location location, String what, Problems problems) {
    try {
      SqlGuard.check(connection, sql);
    } catch (UnsafeSqlException e) {
      if (!e.unparsable()) { // a syntax error is reported with its line by binding, and runs nothing
        problems.error(location, "%s is not allowed: %s", what, e.getMessage());
      }
    }
  }
}
