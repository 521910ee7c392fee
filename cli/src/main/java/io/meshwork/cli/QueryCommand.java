package io.meshwork.cli;

import io.meshwork.engine.compute.DuckDbSession;
import io.meshwork.engine.pipeline.Engine;
import io.meshwork.engine.query.PublishedTables;
import io.meshwork.model.definition.Catalog;
import java.io.PrintWriter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mesh query --tenant T "SQL"}: read-only SQL over a tenant's published tables. */
@Command(name = "query", description = "Run one read-only query over a tenant's published (main) tables.")
final class QueryCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  CatalogOption catalogOption;

  @Mixin
  HomeOption homeOption;

  @Mixin
  TenantOption tenantOption;

  @Option(names = "--max-rows", paramLabel = "N", defaultValue = "100",
      description = "Rows to print at most (default: ${DEFAULT-VALUE}).")
  int maxRows;

  @Parameters(index = "0", paramLabel = "SQL", description = "One SELECT. Tables are <domain>.<name>_v<major>, and "
      + "each product by its name for its newest major, e.g. \"SELECT * FROM loss_ratio\".")
  String sql;

  @Override
  public Integer call() throws Exception {
    Optional<String> problem = PublishedTables.readOnlyProblem(sql);
    if (problem.isPresent()) {
      throw new UserInputException("The query is not allowed: " + problem.get());
    }
    Catalog catalog = catalogOption.load();
    String tenant = tenantOption.require(catalog);
    PrintWriter out = spec.commandLine().getOut();
    try (Engine engine = homeOption.engine(catalog);
        DuckDbSession session = PublishedTables.open(engine.storage(tenant), engine.limits());
        Statement statement = session.connection().createStatement()) {
      ResultSet result;
      try {
        result = statement.executeQuery(sql);
      } catch (SQLException e) {
        throw new UserInputException("The query failed: " + firstLine(e.getMessage()) + " Tables of " + tenant
            + ": " + String.join(", ", tables(session)) + ".");
      }
      try (result) {
        QueryTable.print(result, maxRows, out);
      }
    }
    return 0;
  }

  private static java.util.List<String> tables(DuckDbSession session) throws SQLException {
    return session.rows("SELECT CASE WHEN schema_name = 'main' THEN view_name ELSE schema_name || '.' || view_name "
        + "END FROM duckdb_views() WHERE NOT internal ORDER BY 1").stream()
        .map(row -> String.valueOf(row.get(0))).toList();
  }

  private static String firstLine(String message) {
    String text = message == null ? "" : message.strip();
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
