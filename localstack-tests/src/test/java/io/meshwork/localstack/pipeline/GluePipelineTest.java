package io.meshwork.localstack.pipeline;

import static io.meshwork.localstack.pipeline.GlueTenant.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.engine.pipeline.ComputeResult;
import io.meshwork.engine.pipeline.Engine;
import io.meshwork.engine.pipeline.PublishResult;
import io.meshwork.engine.pipeline.SnapshotProperties;
import io.meshwork.engine.pipeline.StepRequest;
import io.meshwork.engine.pipeline.ValidateResult;
import io.meshwork.demodata.SeedOptions;
import io.meshwork.functions.PublishFunction;
import io.meshwork.functions.ValidateFunction;
import io.meshwork.localstack.emulators.EmulatorEndpoints;
import io.meshwork.localstack.emulators.EmulatorTest;
import io.meshwork.localstack.iceberg.GlueCommitRace;
import io.meshwork.localstack.pipeline.LambdaHandlers.ProductRun;
import io.meshwork.model.plan.PlannedProduct;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Compute → Validate → Publish through the real Lambda handlers on Iceberg's GlueCatalog and S3FileIO in the
 * emulator: each test works in a fresh account holding tenant alpina's warehouse bucket and Data Catalog, with
 * sources seeded by the engine's generator. The handlers are built with Lambda's no-argument constructors and
 * configured only by the function environment the tenant stack sets, so this is the path a deployed function takes
 * (short of the Lambda runtime itself, which MiniStack cannot run for Java).
 */
@EmulatorTest
class GluePipelineTest {

  private static final SeedOptions CLEAN = new SeedOptions(300, 7);
  private static final SeedOptions WITH_DEFECTS = new SeedOptions(300, 7, SeedOptions.DEFAULT_FIRST_YEAR,
      SeedOptions.DEFAULT_LAST_YEAR, true);
  private static final String CLAIMS_CLEAN = "claims_clean";
  /** Reads claims_clean and the cantons source: the smallest plan with a product downstream of claims_clean. */
  private static final String COST_BY_PROVIDER_TYPE = "cost_by_provider_type";

  @TempDir
  Path home;
  private EmulatorEndpoints endpoints;
  private GlueTenant tenant;
  private LambdaEnvironment environment;

  @BeforeEach
  void openTenant(EmulatorEndpoints endpoints) {
    this.endpoints = endpoints;
    tenant = GlueTenant.create(endpoints, home);
    environment = LambdaEnvironment.apply(tenant.lambdaEnvironment());
  }

  @AfterEach
  void closeTenant() throws IOException {
    try {
      tenant.close();
    } finally {
      environment.close();
    }
  }

  @Test
  void refresh_publishesMainWithTheRunRecord_keepsTheAuditBranch_andRecordsQuality() throws Exception {
    tenant.seed(CLEAN, "claims", "providers", "cantons");

    LambdaHandlers.Refresh refresh;
    try (LambdaHandlers handlers = new LambdaHandlers(home.resolve("functions"))) {
      refresh = handlers.refresh(TENANT, "r1", COST_BY_PROVIDER_TYPE);
    }

    assertThat(refresh.plan().stepRequests()).containsExactly(List.of(new StepRequest(TENANT, CLAIMS_CLEAN, "r1")),
        List.of(new StepRequest(TENANT, COST_BY_PROVIDER_TYPE, "r1")));
    for (String product : List.of(CLAIMS_CLEAN, COST_BY_PROVIDER_TYPE)) {
      ProductRun run = refresh.product(product);
      PlannedProduct planned = tenant.planned(product);
      Table table = tenant.table(product);
      Snapshot main = table.currentSnapshot();
      assertThat(run.publish().status()).as(product).isEqualTo(PublishResult.Status.PUBLISHED);
      assertThat(run.publish().snapshotId()).as(product).isEqualTo(Long.toString(main.snapshotId()));
      assertThat(main.summary()).as(product)
          .containsEntry(SnapshotProperties.RUN_ID, "r1")
          .containsEntry(SnapshotProperties.PRODUCT, product)
          .containsEntry(SnapshotProperties.VERSION, planned.version().toString())
          .containsEntry(SnapshotProperties.FINGERPRINT, planned.fingerprint())
          .containsEntry(SnapshotProperties.INPUTS, SnapshotProperties.inputs(currentInputs(planned)))
          .containsEntry(SnapshotProperties.ROWS, Long.toString(run.compute().rows()))
          .containsEntry(SnapshotProperties.QUALITY, run.validation().summary())
          .containsEntry(SnapshotProperties.STAGE, "published");
      // Publish stamped the computed snapshot on the audit branch, then fast-forwarded main to the stamp.
      assertThat(main.parentId()).as(product).isEqualTo(Long.parseLong(run.compute().snapshotId()));
      assertThat(table.refs().get("audit-r1").snapshotId()).as(product).isEqualTo(main.snapshotId());
      assertThat(tenant.query("SELECT count(*) FROM " + planned.tableName()))
          .containsExactly(List.of(run.compute().rows()));
      assertThat(tenant.query("SELECT count(*), count(DISTINCT audit_snapshot_id), min(audit_snapshot_id), "
          + "bool_and(passed OR NOT blocking) FROM meshwork.quality_results_v1 WHERE run_id = 'r1' AND product = '"
          + product + "'")).as(product).containsExactly(List.of((long) run.validation().checks().size(), 1L,
              Long.parseLong(run.compute().snapshotId()), true));
    }
    assertThat(refresh.product(CLAIMS_CLEAN).compute().rows()).isPositive();
    assertStoredInGlueAndS3(tenant.table(CLAIMS_CLEAN), "claims", "claims_clean_v1");
  }

  @Test
  void seededDefect_blocksClaimsClean_leavesMainUntouched_andSkipsItsDependent() throws Exception {
    tenant.seed(CLEAN, "claims", "providers", "cantons");
    try (LambdaHandlers handlers = new LambdaHandlers(home.resolve("functions"))) {
      assertThat(handlers.refresh(TENANT, "clean", COST_BY_PROVIDER_TYPE).products().values())
          .extracting(run -> run.publish().status()).containsOnly(PublishResult.Status.PUBLISHED);
      long claimsCleanBefore = tenant.table(CLAIMS_CLEAN).currentSnapshot().snapshotId();
      long costBefore = tenant.table(COST_BY_PROVIDER_TYPE).currentSnapshot().snapshotId();
      tenant.seed(WITH_DEFECTS, "claims");

      LambdaHandlers.Refresh refresh = handlers.refresh(TENANT, "defects", COST_BY_PROVIDER_TYPE);

      ProductRun claimsClean = refresh.product(CLAIMS_CLEAN);
      assertThat(claimsClean.compute().status()).isEqualTo(ComputeResult.Status.REJECTED);
      assertThat(claimsClean.validation().passed()).isFalse();
      assertThat(claimsClean.publish().status()).isEqualTo(PublishResult.Status.BLOCKED);
      assertThat(claimsClean.publish().snapshotId()).isNull();
      assertThat(claimsClean.publish().message()).isEqualTo("Not published: 0 passed, 0 warned, 1 failed. main is "
          + "unchanged; nothing was committed, as rows leave required columns empty.");
      Table claimsCleanTable = tenant.table(CLAIMS_CLEAN);
      assertThat(claimsCleanTable.currentSnapshot().snapshotId()).isEqualTo(claimsCleanBefore);
      assertThat(claimsCleanTable.refs()).doesNotContainKey("audit-defects");
      // The two claim lines without insured_id leave claims_clean's required insured_id empty.
      assertThat(tenant.query("SELECT check_name, check_columns, failing_rows FROM meshwork.quality_results_v1 "
          + "WHERE run_id = 'defects' AND product = 'claims_clean' AND blocking AND NOT passed ORDER BY "
          + "check_position")).containsExactly(List.of("required", "insured_id", 2L));

      ProductRun cost = refresh.product(COST_BY_PROVIDER_TYPE);
      assertThat(cost.compute().status()).isEqualTo(ComputeResult.Status.UPSTREAM_FAILED);
      assertThat(cost.compute().message()).isEqualTo("Skipped: input claims_clean did not publish its current "
          + "definition and inputs (it failed, was blocked or was skipped). It runs again once claims_clean is "
          + "published.");
      assertThat(cost.validation().checks()).isEmpty();
      assertThat(cost.publish().status()).isEqualTo(PublishResult.Status.SKIPPED);
      assertThat(tenant.table(COST_BY_PROVIDER_TYPE).currentSnapshot().snapshotId()).isEqualTo(costBefore);
    }
  }

  /**
   * Two runs of claims_clean in two functions at once. Each race holds the second function's first Glue
   * UpdateTable until the first function's step has committed, so that update carries a stale VersionId: Glue rejects
   * it and Iceberg retries. Validate's appends of quality results then both land; Publish's stamp lands on its audit
   * branch, but its fast-forward has lost, since main moved to the other run's snapshot: CONFLICT, as designed.
   * Each step then appends its usage record, one more Glue update of the usage table.
   */
  @Test
  void concurrentRuns_glueRejectsTheStaleCommit_icebergRetries_andTheLaterPublishIsAConflict() throws Exception {
    tenant.seed(CLEAN, "claims", "providers");
    try (LambdaHandlers first = new LambdaHandlers(home.resolve("first-functions"))) {
      ComputeResult computedOne = first.compute(new StepRequest(TENANT, CLAIMS_CLEAN, "race-1"));
      ComputeResult computedTwo = first.compute(new StepRequest(TENANT, CLAIMS_CLEAN, "race-2"));

      AtomicReference<ValidateResult> validatedOne = new AtomicReference<>();
      ValidateResult validatedTwo;
      try (GlueCommitRace race = GlueCommitRace.start(endpoints.aws(),
              () -> validatedOne.set(first.validate(computedOne)));
          Engine engine = tenant.engine(glueThrough(race), home.resolve("second-validate"));
          ValidateFunction second = new ValidateFunction(engine)) {
        validatedTwo = second.handleRequest(computedTwo, null);

        assertThat(race.competingCommitFailure()).isEmpty();
        // The stale commit, its retry, then the step's own usage record (another table, committed after the race).
        assertThat(race.updateTableOutcomes()).containsExactly("400 ConcurrentModificationException", "200 ok",
            "200 ok");
      }
      assertThat(tenant.query("SELECT run_id, count(*) FROM meshwork.quality_results_v1 GROUP BY run_id "
          + "ORDER BY run_id")).containsExactly(List.of("race-1", (long) validatedOne.get().checks().size()),
              List.of("race-2", (long) validatedTwo.checks().size()));

      AtomicReference<PublishResult> publishedOne = new AtomicReference<>();
      PublishResult publishedTwo;
      try (GlueCommitRace race = GlueCommitRace.start(endpoints.aws(),
              () -> publishedOne.set(first.publish(validatedOne.get())));
          Engine engine = tenant.engine(glueThrough(race), home.resolve("second-publish"));
          PublishFunction second = new PublishFunction(engine)) {
        publishedTwo = second.handleRequest(validatedTwo, null);

        assertThat(race.competingCommitFailure()).isEmpty();
        // The stale commit, its retry, then the step's own usage record (another table, committed after the race).
        assertThat(race.updateTableOutcomes()).containsExactly("400 ConcurrentModificationException", "200 ok",
            "200 ok");
      }
      assertThat(publishedOne.get().status()).isEqualTo(PublishResult.Status.PUBLISHED);
      assertThat(publishedTwo.status()).isEqualTo(PublishResult.Status.CONFLICT);
      assertThat(publishedTwo.message()).isEqualTo("run race-1 published claims.claims_clean_v1 first; this run's "
          + "result stays on branch audit-race-2.");
      Table table = tenant.table(CLAIMS_CLEAN);
      assertThat(table.currentSnapshot().snapshotId()).isEqualTo(Long.parseLong(publishedOne.get().snapshotId()));
      Snapshot stampedTwo = table.snapshot(table.refs().get("audit-race-2").snapshotId());
      assertThat(stampedTwo.summary()).containsEntry(SnapshotProperties.RUN_ID, "race-2")
          .containsEntry(SnapshotProperties.STAGE, "published");
      assertThat(stampedTwo.parentId()).isEqualTo(Long.parseLong(computedTwo.snapshotId()));
    }
  }

  /** The tenant's catalog properties with Glue reached through {@code race}; S3 is reached directly. */
  private Map<String, String> glueThrough(GlueCommitRace race) {
    Map<String, String> properties = new HashMap<>(tenant.catalogProperties());
    properties.put("glue.endpoint", race.endpoint().toString());
    return properties;
  }

  /** The current main snapshot of each input of {@code planned}, by input name. */
  private Map<String, Long> currentInputs(PlannedProduct planned) {
    Map<String, Long> inputs = new TreeMap<>();
    for (PlannedProduct.ResolvedInput input : planned.inputs()) {
      inputs.put(input.name(), tenant.table(input.tableName()).currentSnapshot().snapshotId());
    }
    return inputs;
  }

  /** Glue holds the table as an Iceberg table whose metadata and data files are in the tenant's bucket. */
  private void assertStoredInGlueAndS3(Table table, String database, String name) throws IOException {
    String location = "s3://" + tenant.bucket() + "/warehouse/" + database + ".db/" + name;
    try (GlueClient glue = tenant.account().client(GlueClient.builder()).build()) {
      Map<String, String> parameters = glue.getTable(request -> request.databaseName(database).name(name)).table()
          .parameters();
      assertThat(parameters).containsEntry("table_type", "ICEBERG");
      assertThat(parameters.get("metadata_location"))
          .isEqualTo(((HasTableOperations) table).operations().current().metadataFileLocation())
          .startsWith(location + "/metadata/");
    }
    List<DataFile> files = new ArrayList<>();
    try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
      tasks.forEach(task -> files.add(task.file()));
    }
    assertThat(files).isNotEmpty();
    try (S3Client s3 = tenant.account().s3()) {
      for (DataFile file : files) {
        assertThat(file.location()).startsWith(location + "/data/");
        String key = file.location().substring(("s3://" + tenant.bucket() + "/").length());
        assertThat(s3.headObject(request -> request.bucket(tenant.bucket()).key(key)).contentLength())
            .isEqualTo(file.fileSizeInBytes());
      }
    }
  }
}
