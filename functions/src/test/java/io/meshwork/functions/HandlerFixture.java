package io.meshwork.functions;

import io.meshwork.engine.compute.DuckDbSession;
import io.meshwork.engine.pipeline.ComputeResult;
import io.meshwork.engine.pipeline.Engine;
import io.meshwork.engine.pipeline.PublishResult;
import io.meshwork.engine.pipeline.SnapshotIds;
import io.meshwork.engine.pipeline.SourceDelivery;
import io.meshwork.engine.pipeline.StepRequest;
import io.meshwork.engine.pipeline.ValidateResult;
import io.meshwork.engine.storage.LocalTenantStorage;
import io.meshwork.engine.storage.ProductTables;
import io.meshwork.engine.storage.TenantStorage;
import io.meshwork.model.definition.Catalog;
import io.meshwork.model.definition.TableName;
import io.meshwork.model.parse.CatalogLoader;
import io.meshwork.model.parse.DirectoryDefinitionFiles;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Function;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;

/**
 * The four handlers over a real engine (SQLite catalog, local warehouse, DuckDB) and the small test catalogue in
 * {@code engine/src/test/resources/pipeline-catalog}: tenant helvetia, source claims, products claims_clean (with a
 * blocking range rule: amount_chf at most 100000) and cost_by_canton, which reads claims_clean.
 */
final class HandlerFixture implements AutoCloseable {

  static final String TENANT = "helvetia";
  static final Path CATALOG = Path.of("../engine/src/test/resources/pipeline-catalog");
  static final TableName CLAIMS_CLEAN = new TableName("claims", "claims_clean_v1");
  static final TableName COST_BY_CANTON = new TableName("finance", "cost_by_canton_v1");

  final Catalog catalog = CatalogLoader.load(new DirectoryDefinitionFiles(CATALOG));
  final Engine engine;
  final PlanFunction plan;
  final ComputeFunction compute;
  final ValidateFunction validate;
  final PublishFunction publish;
  /** The mapper the Lambda runtime (de)serializes the handlers' inputs and outputs with. */
  final JsonMapper json = new LambdaSerializer().getJsonMapper();

  HandlerFixture(Path home) {
    this(tenant -> LocalTenantStorage.open(home, tenant));
  }

  /** Over the storage {@code storages} opens, e.g. one that stages its inputs. */
  HandlerFixture(Function<String, TenantStorage> storages) {
    engine = new Engine(catalog, storages, new DuckDbSession.Limits(2, "1GB"));
    plan = new PlanFunction(engine);
    compute = new ComputeFunction(engine);
    validate = new ValidateFunction(engine);
    publish = new PublishFunction(engine);
  }

  /** Delivers claims rows given as SQL VALUES tuples (claim_id, canton, amount_chf). */
  void deliverClaims(String values) {
    String sql = "SELECT CAST(claim_id AS VARCHAR) AS claim_id, CAST(canton AS VARCHAR) AS canton, "
        + "CAST(amount_chf AS DECIMAL(12,2)) AS amount_chf FROM (VALUES " + values + ") AS t(claim_id, canton, "
        + "amount_chf)";
    new SourceDelivery(engine).deliver(TENANT, catalog.source("claims").orElseThrow(), sql, "test claims");
  }

  String toJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  <T> T fromJson(String text, Class<T> type) {
    try {
      return json.readValue(text, Argument.of(type));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One product through Compute, Validate and Publish, each output passed on as JSON like Step Functions does. */
  PublishResult refresh(String stepRequestJson) {
    ComputeResult computed = compute.handleRequest(fromJson(stepRequestJson, StepRequest.class), null);
    ValidateResult validated = validate.handleRequest(fromJson(toJson(computed), ComputeResult.class), null);
    PublishResult published = publish.handleRequest(fromJson(toJson(validated), ValidateResult.class), null);
    return fromJson(toJson(published), PublishResult.class);
  }

  /** The snapshot id on main as the step records carry it, or null before the first publish. */
  String mainSnapshot(TableName name) {
    Table table = ProductTables.load(engine.storage(TENANT).catalog(), name).orElseThrow();
    table.refresh();
    Snapshot snapshot = table.currentSnapshot();
    return snapshot == null ? null : SnapshotIds.format(snapshot.snapshotId());
  }

  @Override
  public void close() throws IOException {
    plan.close();
    compute.close();
    validate.close();
    publish.close();
    engine.close();
  }
}
