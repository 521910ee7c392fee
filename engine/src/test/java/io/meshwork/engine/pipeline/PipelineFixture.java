package io.meshwork.engine.pipeline;

import io.meshwork.engine.compute.DuckDbSession;
import io.meshwork.engine.storage.LocalTenantStorage;
import io.meshwork.engine.storage.ProductTables;
import io.meshwork.model.definition.Catalog;
import io.meshwork.model.definition.TableName;
import io.meshwork.model.parse.CatalogLoader;
import io.meshwork.model.parse.DirectoryDefinitionFiles;
import java.nio.file.Path;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;

/**
 * A real engine (SQLite catalog, local warehouse, DuckDB) over the small test catalogue in
 * {@code src/test/resources/pipeline-catalog}: tenant helvetia, source claims, products claims_clean (partitioned by
 * canton, with a blocking range rule on amount_chf) and cost_by_canton.
 */
final class PipelineFixture implements AutoCloseable {

  static final String TENANT = "helvetia";
  static final TableName CLAIMS_CLEAN = new TableName("claims", "claims_clean_v1");
  static final TableName COST_BY_CANTON = new TableName("finance", "cost_by_canton_v1");

  final Catalog catalog = CatalogLoader.load(new DirectoryDefinitionFiles(Path.of("src/test/resources/pipeline-catalog")));
  final Path home;
  final Engine engine;

  PipelineFixture(Path home) {
    this.home = home;
    this.engine = new Engine(catalog, tenant -> LocalTenantStorage.open(home, tenant), new DuckDbSession.Limits(2, "1GB"));
  }

  /** Delivers claims rows given as SQL VALUES tuples (claim_id, canton, amount_chf). */
  long deliverClaims(String values) {
    String sql = "SELECT CAST(claim_id AS VARCHAR) AS claim_id, CAST(canton AS VARCHAR) AS canton, "
        + "CAST(amount_chf AS DECIMAL(12,2)) AS amount_chf FROM (VALUES " + values + ") AS t(claim_id, canton, amount_chf)";
    return new SourceDelivery(engine).deliver(TENANT, catalog.source("claims").orElseThrow(), sql, "test claims");
  }

  RunReport run(String runId) {
    return new LocalRunner(engine, 2, (tenant, outcome) -> { }).run(TENANT, java.util.Optional.empty(), runId);
  }

  Table table(TableName name) {
    Table table = ProductTables.load(engine.storage(TENANT).catalog(), name).orElseThrow();
    table.refresh();
    return table;
  }

  /** The snapshot id on main as the step records carry it, or null before the first publish. */
  String mainSnapshot(TableName name) {
    Snapshot snapshot = table(name).currentSnapshot();
    return snapshot == null ? null : SnapshotIds.format(snapshot.snapshotId());
  }

  @Override
  public void close() throws java.io.IOException {
    engine.close();
  }
}
