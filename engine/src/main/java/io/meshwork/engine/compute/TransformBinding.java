package io.meshwork.engine.compute;

import io.meshwork.engine.storage.IcebergSchemas;
import io.meshwork.model.definition.Catalog;
import io.meshwork.model.definition.Column;
import io.meshwork.model.definition.Contract;
import io.meshwork.model.definition.DataProduct;
import io.meshwork.model.definition.Input;
import io.meshwork.model.definition.Location;
import io.meshwork.model.definition.Parameter;
import io.meshwork.model.definition.ParameterValue;
import io.meshwork.model.definition.Problems;
import io.meshwork.model.definition.QualityRule;
import io.meshwork.model.definition.Scalar;
import io.meshwork.model.definition.Tenant;
import io.meshwork.model.definition.Transform;
import io.meshwork.model.sql.SqlTemplate;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Binds every transform, override and SQL quality rule in DuckDB against empty tables shaped like their inputs, so
 * that SQL that does not parse, names an unknown column or returns other columns than its contract is reported by
 * {@code mesh validate}, with its file, before any data is touched. A transform that binds is also checked for
 * decimal columns computed in floating point, which are warnings ({@link FloatingPointWarnings}).
 */
public final class TransformBinding {

  private static final Pattern LINE = Pattern.compile("LINE (\\d+):");

  private final Catalog catalog;
  private final Path workDirectory;
  private final Problems problems;
  private final Problems warnings;

  private TransformBinding(Catalog catalog, Path workDirectory, Problems problems, Problems warnings) {
    this.catalog = catalog;
    this.workDirectory = workDirectory;
    this.problems = problems;
    this.warnings = warnings;
  }

  /** Checks the whole catalogue; {@code workDirectory} is DuckDB's scratch space (nothing is written). */
  public static void check(Catalog catalog, Path workDirectory, Problems problems) {
    check(catalog, workDirectory, problems, new Problems());
  }

  /** As {@link #check(Catalog, Path, Problems)}, collecting what is valid but worth a warning in {@code warnings}. */
  public static void check(Catalog catalog, Path workDirectory, Problems problems, Problems warnings) {
    TransformBinding binding = new TransformBinding(catalog, workDirectory, problems, warnings);
    for (DataProduct product : catalog.products()) {
      binding.bind(product, product.transform(), "The transform");
    }
    for (Tenant tenant : catalog.tenants()) {
      for (Tenant.Override override : tenant.overrides()) {
        catalog.productVersions(override.product()).stream().filter(product -> !product.isCustom())
            .reduce((first, second) -> second)
            .ifPresent(product -> binding.bind(product, override.transform(), "The override by tenant "
                + tenant.id()));
      }
    }
  }

  private void bind(DataProduct product, Transform transform, String whose) {
    Map<String, Contract> tables = new LinkedHashMap<>();
    for (Input input : product.inputs()) {
      Optional<Contract> contract = catalog.source(input.name()).map(source -> source.contract())
          .or(() -> catalog.product(input.name(), input.versions()).map(DataProduct::contract));
      if (contract.isEmpty()) {
        return; // reported by the catalogue validation
      }
      tables.put(input.name(), contract.get());
    }
    Map<String, ParameterValue> defaults = product.parameters().stream()
        .collect(Collectors.toMap(Parameter::name, Parameter::defaultValue));
    try (DuckDbSession session = DuckDbSession.open(workDirectory, List.of(), new DuckDbSession.Limits(1, "256MB"))) {
      for (Map.Entry<String, Contract> table : tables.entrySet()) {
        session.execute(createTable(table.getKey(), table.getValue()));
      }
      String sql = SqlTemplate.render(transform.sql(), defaults);
      GuardedQuery query = guarded(session, sql, transform.sqlFile(), whose + " of " + product.name());
      List<String> actual = query == null ? null : describe(session, query, transform.sqlFile(),
          whose + " of " + product.name());
      if (actual == null) {
        return;
      }
      List<String> expected = product.contract().columns().stream()
          .map(column -> column.name() + " " + IcebergSchemas.duckDbType(column.type())).toList();
      if (!actual.equals(expected)) {
        problems.error(new Location(transform.sqlFile(), 1, 1), "%s of %s returns columns [%s], but its contract "
            + "declares [%s]. Select exactly the contract's columns, in order, with CAST(... AS type) where the type "
            + "differs.", whose, product.name(), String.join(", ", actual), String.join(", ", expected));
      } else {
        FloatingPointWarnings.check(session, query, transform.sqlFile(), transform.sql(),
            whose + " of " + product.name(), product.contract().columns(), warnings);
      }
      session.execute(createTable(product.name(), product.contract()));
      for (QualityRule rule : product.quality()) {
        Scalar ruleQuery = rule.settings().get("query");
        if (rule.kind() == QualityRule.Kind.SQL && ruleQuery != null) {
          describeRule(session, ruleQuery, product);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot bind the transform of " + product.name() + ": " + e.getMessage(), e);
    }
  }

  /** The query as the guard lets it run, or null after reporting why it may not. */
  private GuardedQuery guarded(DuckDbSession session, String sql, String file, String what) {
    try {
      return session.guard(sql);
    } catch (UnsafeSqlException e) {
      if (e.unparsable()) {
        problems.error(new Location(file, e.line(), 1), "%s does not bind in DuckDB: Parser Error: %s", what,
            e.parserError());
      } else {
        problems.error(new Location(file, 1, 1), "%s is not allowed: %s", what, e.getMessage());
      }
      return null;
    }
  }

  /** The result columns as "name TYPE", or null after reporting why DuckDB cannot bind the query. */
  private List<String> describe(DuckDbSession session, GuardedQuery query, String file, String what) {
    try {
      return session.describe(query);
    } catch (SQLException e) {
      String message = Messages.firstLine(e.getMessage());
      Matcher line = LINE.matcher(e.getMessage() == null ? "" : e.getMessage());
      problems.error(new Location(file, line.find() ? Integer.parseInt(line.group(1)) : 1, 1),
          "%s does not bind in DuckDB: %s", what, message);
      return null;
    }
  }

  private void describeRule(DuckDbSession session, Scalar query, DataProduct product) {
    try {
      session.describe(session.guard(query.text()));
    } catch (UnsafeSqlException e) {
      problems.error(query.location(), "The query of the sql rule of %s is not allowed: %s", product.name(),
          e.getMessage());
    } catch (SQLException e) {
      problems.error(query.location(), "The query of the sql rule of %s does not bind in DuckDB: %s", product.name(),
          Messages.firstLine(e.getMessage()));
    }
  }

  private static String createTable(String name, Contract contract) {
    return "CREATE TABLE " + DuckDbSession.quote(name) + " (" + contract.columns().stream()
        .map(TransformBinding::columnDefinition).collect(Collectors.joining(", ")) + ")";
  }

  private static String columnDefinition(Column column) {
    return DuckDbSession.quote(column.name()) + " " + IcebergSchemas.duckDbType(column.type());
  }
}
