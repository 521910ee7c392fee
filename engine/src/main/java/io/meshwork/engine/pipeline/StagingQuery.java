package io.meshwork.engine.pipeline;

import io.meshwork.model.definition.Column;
import io.meshwork.model.definition.Engine;
import io.meshwork.model.definition.TableName;
import io.meshwork.model.plan.PlannedProduct;
import io.meshwork.model.sql.SqlTemplate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The statement an external engine (Athena, Trino's dialect) runs for a product: its SQL for that engine, parameters
 * bound as typed literals, inside an {@code INSERT} into the run's staging table. Each input name the SQL reads is a
 * common table expression over the input's table at its pinned snapshot ({@code FOR VERSION AS OF}), so a bare name
 * in the product's SQL reads exactly what the run pinned, whatever is published meanwhile. Columns are inserted by
 * name in the contract's order, whatever order the SQL selects them in.
 */
public final class StagingQuery {

  private StagingQuery() {
  }

  /** An input table, and the snapshot of it the run reads. */
  public record PinnedTable(String name, TableName table, long snapshotId) {
  }

  /** The {@code INSERT} of {@code product}'s result into {@code staging}, reading {@code inputs} as pinned. */
  public static String render(PlannedProduct product, Engine engine, TableName staging, List<PinnedTable> inputs) {
    String columns = product.product().contract().columns().stream().map(Column::name).map(StagingQuery::quote)
        .collect(Collectors.joining(", "));
    StringBuilder sql = new StringBuilder("INSERT INTO ").append(qualified(staging)).append(" (").append(columns)
        .append(")\n");
    for (int i = 0; i < inputs.size(); i++) {
      PinnedTable input = inputs.get(i);
      sql.append(i == 0 ? "WITH " : ",\n     ").append(quote(input.name())).append(" AS (SELECT * FROM ")
          .append(qualified(input.table())).append(" FOR VERSION AS OF ").append(input.snapshotId()).append(")");
    }
    if (!inputs.isEmpty()) {
      sql.append('\n');
    }
    String body = SqlTemplate.render(product.transform().sqlFor(engine), product.parameters());
    return sql.append("SELECT ").append(columns).append(" FROM (\n").append(body.strip())
        .append("\n) AS \"result\"").toString();
  }

  private static String qualified(TableName table) {
    return quote(table.namespace()) + "." + quote(table.table());
  }

  private static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
