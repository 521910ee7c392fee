package io.meshwork.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.engine.compute.DuckDbSession;
import io.meshwork.engine.compute.TableFiles;
import io.meshwork.engine.storage.LocalTenantStorage;
import io.meshwork.engine.storage.ProductTables;
import io.meshwork.engine.storage.TenantStorage;
import io.meshwork.model.definition.Catalog;
import io.meshwork.model.definition.Engine;
import io.meshwork.model.definition.TableName;
import io.meshwork.model.parse.CatalogLoader;
import io.meshwork.model.parse.DirectoryDefinitionFiles;
import io.meshwork.model.sql.SqlTemplate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Write-audit-publish of a product an external engine computes, over the test catalogue with claims_clean moved to
 * athena for helvetia. Athena cannot run here: DuckDB stands in for it, writing the product's rows into the staging
 * table and committing them there as Athena's INSERT would; everything before and after is the real path.
 */
class StagedRunTest {

  private static final TableName CLAIMS_CLEAN = new TableName("claims", "claims_clean_v1");

  @TempDir
  Path home;
  @TempDir
  Path definitions;
  private io.meshwork.engine.pipeline.Engine engine;
  private StagedRun staged;

  @BeforeEach
  void open() throws Exception {
    Path source = Path.of("src/test/resources/pipeline-catalog");
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path target = definitions.resolve(source.relativize(file).toString());
        Files.createDirectories(target.getParent());
        Files.copy(file, target);
      }
    }
    Files.writeString(definitions.resolve("tenants/helvetia.yaml"), "engines:\n  claims_clean: athena\n",
        java.nio.file.StandardOpenOption.APPEND);
    Catalog catalog = CatalogLoader.load(new DirectoryDefinitionFiles(definitions));
    engine = new io.meshwork.engine.pipeline.Engine(catalog, tenant -> LocalTenantStorage.open(home, tenant),
        new DuckDbSession.Limits(2, "1GB"));
    staged = new StagedRun(engine, Engine.ATHENA);
    String sql = "SELECT CAST(claim_id AS VARCHAR) AS claim_id, CAST(canton AS VARCHAR) AS canton, CAST(amount_chf AS"
        + " DECIMAL(12,2)) AS amount_chf FROM (VALUES ('c1', 'ZH', 120.50), ('c2', 'ZH', 80.00), ('c4', 'BE',"
        + " 300.00), ('c5', 'GE', 5.00)) AS t(claim_id, canton, amount_chf)";
    new SourceDelivery(engine).deliver("helvetia", catalog.source("claims").orElseThrow(), sql, "test claims");
  }

  @AfterEach
  void close() throws Exception {
    engine.close();
  }

  @Test
  void prepareCreatesAStagingTableWithTheProductsFieldIdsAndPartitioning_underTheProductsLocation() {
    StagedQuery prepared = staged.prepare(new StepRequest("helvetia", "claims_clean", "Run-1"));

    Table product = table(CLAIMS_CLEAN);
    Table staging = storage().catalog().loadTable(TableIdentifier.of("meshwork_staging",
        "claims__claims_clean_v1__run_1"));
    assertThat(prepared.status()).isEqualTo(StagedQuery.Status.PREPARED);
    assertThat(prepared.stagingTable()).isEqualTo("claims__claims_clean_v1__run_1");
    assertThat(staging.schema().asStruct()).isEqualTo(product.schema().asStruct());
    assertThat(staging.spec().fields()).isEqualTo(product.spec().fields());
    assertThat(staging.location()).isEqualTo(product.location() + "/staging/claims__claims_clean_v1__run_1");
    long claims = table(new TableName("sources", "claims_v1")).currentSnapshot().snapshotId();
    assertThat(prepared.inputSnapshots()).containsExactly(java.util.Map.entry("claims", Long.toString(claims)));
    assertThat(prepared.query()).isEqualTo("""
        INSERT INTO "awsdatacatalog"."meshwork_staging"."claims__claims_clean_v1__run_1" ("claim_id", "canton", \
        "amount_chf")
        SELECT "claim_id", "canton", "amount_chf" FROM (
        WITH
        "claims" AS (SELECT * FROM "awsdatacatalog"."sources"."claims_v1" FOR VERSION AS OF %d)
        SELECT claim_id, canton, amount_chf
        FROM claims
        WHERE amount_chf > CAST(10.00 AS DECIMAL(12,2))
        ) AS "result\"""".formatted(claims));
  }

  @Test
  void committedStagingFilesGoToTheAuditBranch_thenValidateAndPublishAsForDuckDb_andDropKeepsTheFiles()
      throws Exception {
    StepRequest request = new StepRequest("helvetia", "claims_clean", "r1");
    StagedQuery prepared = staged.prepare(request);
    writeAsTheEngineWould(prepared);

    ComputeResult computed = staged.commit(prepared);
    ComputeResult retried = staged.commit(prepared);
    assertThat(staged.drop(prepared)).isTrue();
    ValidateResult validated = new ValidateService(engine).validate(computed);
    PublishResult published = new PublishService(engine).publish(validated);

    assertThat(computed.status()).isEqualTo(ComputeResult.Status.COMPUTED);
    assertThat(computed.rows()).isEqualTo(3);
    assertThat(computed.inputSnapshots()).isEqualTo(prepared.inputSnapshots());
    assertThat(retried.snapshotId()).isEqualTo(computed.snapshotId());
    assertThat(validated.passed()).isTrue();
    assertThat(published.status()).isEqualTo(PublishResult.Status.PUBLISHED);
    assertThat(storage().catalog().tableExists(TableIdentifier.of("meshwork_staging", prepared.stagingTable())))
        .isFalse();
    List<String> rows = new ArrayList<>();
    try (CloseableIterable<Record> records = IcebergGenerics.read(table(CLAIMS_CLEAN)).build()) {
      records.forEach(record -> rows.add(record.getField("claim_id") + " " + record.getField("amount_chf")));
    }
    assertThat(rows).containsExactlyInAnyOrder("c1 120.50", "c2 80.00", "c4 300.00");
  }

  @Test
  void aProductUpToDate_isSettledWithoutAStagingTable() {
    StagedQuery first = staged.prepare(new StepRequest("helvetia", "claims_clean", "r1"));
    writeAsTheEngineWould(first);
    ComputeResult computed = staged.commit(first);
    new PublishService(engine).publish(new ValidateService(engine).validate(computed));
    staged.drop(first);

    StagedQuery second = staged.prepare(new StepRequest("helvetia", "claims_clean", "r2"));

    assertThat(second.status()).isEqualTo(StagedQuery.Status.UP_TO_DATE);
    assertThat(second.stagingTable()).isNull();
    assertThat(second.settled().status()).isEqualTo(ComputeResult.Status.UP_TO_DATE);
    assertThat(storage().catalog().tableExists(TableIdentifier.of("meshwork_staging", "claims__claims_clean_v1__r2")))
        .isFalse();
  }

  /** What Athena's INSERT does: the product's rows as data files of the staging table, committed to it. */
  private void writeAsTheEngineWould(StagedQuery prepared) {
    TenantStorage storage = storage();
    Table staging = storage.catalog().loadTable(TableIdentifier.of(prepared.stagingDatabase(),
        prepared.stagingTable()));
    Table claims = table(new TableName("sources", "claims_v1"));
    var planned = engine.planned("helvetia", "claims_clean");
    try {
      List<DataFile> files = engine.compute().write(storage,
          List.of(TableFiles.of("claims", claims, Long.parseLong(prepared.inputSnapshots().get("claims")), storage)),
          SqlTemplate.render(planned.transform().sql(), planned.parameters()), staging, "test", Duration.ofMinutes(1));
      AppendFiles append = staging.newAppend();
      files.forEach(append::appendFile);
      append.commit();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private TenantStorage storage() {
    return engine.storage("helvetia");
  }

  private Table table(TableName name) {
    Table table = ProductTables.load(storage().catalog(), name).orElseThrow();
    table.refresh();
    return table;
  }
}
