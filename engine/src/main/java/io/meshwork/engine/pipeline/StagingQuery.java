package io.meshwork.engine.pipeline;

import io.meshwork.engine.compute.PinnedQuery;
import io.meshwork.engine.compute.TableFiles;
import io.meshwork.model.definition.Column;
import io.meshwork.model.definition.Engine;
import io.meshwork.model.definition.TableName;
import io.meshwork.model.plan.PlannedProduct;
import io.meshwork.model.sql.SqlTemplate;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.apache.iceberg.Schema;

/**
 * The statement an external engine (Athena, Trino's dialect) runs for a product: its SQL for that engine, parameters
 * bound as typed literals, each input pinned to its snapshot exactly as the Trino engine pins them
 * ({@link PinnedQuery}: a common table expression per input name over {@code FOR VERSION AS OF}), inside an
 * {@code INSERT} into the run's staging table. Columns are inserted by name in the contract's order, whatever order
 * the SQL selects them in, since no engine-side check of the result's shape runs before Athena's insert.
 */
public final class StagingQuery {

  private StagingQuery() {
  }

  /** An input table, its schema, and the snapshot of it the run reads. */
  public record PinnedTable(String name, TableName table, Schema schema, long snapshotId) {
  }

  /**
   * The {@code INSERT} of {@code product}'s result into {@code staging}, reading {@code inputs} as pinned, every
   * table named in the engine's catalog {@code catalog}.
   */
  public static String render(PlannedProduct product, Engine engine, String catalog, TableName staging,
      List<PinnedTable> inputs) {
    String columns = product.product().contract().columns().stream().map(Column::name).map(StagingQuery::quote)
        .collect(Collectors.joining(", "));
    List<TableFiles> pins = inputs.stream().map(input -> new TableFiles(input.name(), input.table().toString(),
        input.schema(), List.of(), false, OptionalLong.of(input.snapshotId()))).toList();
    String query = PinnedQuery.of(SqlTemplate.render(product.transform().sqlFor(engine), product.parameters()),
        pins, catalog);
    return "INSERT INTO " + quote(catalog) + "." + quote(staging.namespace()) + "." + quote(staging.table()) + " ("
        + columns + ")\nSELECT " + columns + " FROM (\n" + query.strip() + "\n) AS \"result\"";
  }

  private static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
