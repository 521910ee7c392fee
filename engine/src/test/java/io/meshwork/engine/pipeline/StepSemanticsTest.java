package io.meshwork.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshwork.engine.pipeline.ProductOutcome.Outcome;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.parquet.GenericParquetReaders;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.parquet.Parquet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The write-audit-publish guarantees under crashes, retries and concurrent runs. */
class StepSemanticsTest {

  private static final String CLAIMS = "('c1', 'ZH', 120.50), ('c2', 'ZH', 80.00), ('c4', 'BE', 300.00)";

  @TempDir
  Path home;
  private PipelineFixture fixture;
  private ComputeService compute;
  private ValidateService validate;
  private PublishService publish;

  @BeforeEach
  void open() {
    fixture = new PipelineFixture(home);
    compute = new ComputeService(fixture.engine);
    validate = new ValidateService(fixture.engine);
    publish = new PublishService(fixture.engine);
    fixture.deliverClaims(CLAIMS);
  }

  @AfterEach
  void close() throws Exception {
    fixture.close();
  }

  @Test
  void crashBetweenCommitAndPublish_leavesMainUnchanged_andTheNextRunConverges() {
    ComputeResult computed = compute.compute(request("claims_clean", "crashed"));
    // the process dies here: nothing validated or published

    assertThat(computed.status()).isEqualTo(ComputeResult.Status.COMPUTED);
    assertThat(fixture.mainSnapshot(PipelineFixture.CLAIMS_CLEAN)).isNull();
    assertThat(fixture.table(PipelineFixture.CLAIMS_CLEAN).refs()).containsKey("audit-crashed");

    RunReport next = fixture.run("next");

    assertThat(next.outcomes()).extracting(ProductOutcome::outcome).containsOnly(Outcome.PUBLISHED);
    assertThat(fixture.table(PipelineFixture.CLAIMS_CLEAN).currentSnapshot().summary())
        .containsEntry(SnapshotProperties.RUN_ID, "next").containsEntry(SnapshotProperties.ROWS, "3");
  }

  @Test
  void retriedStepsOfTheSameRun_reuseTheirWork_andPublishOnce() {
    ComputeResult first = compute.compute(request("claims_clean", "r1"));
    ComputeResult retried = compute.compute(request("claims_clean", "r1"));
    assertThat(retried.snapshotId()).isEqualTo(first.snapshotId());

    PublishResult published = publish.publish(validate.validate(retried));
    PublishResult again = publish.publish(validate.validate(retried));
    ComputeResult afterPublish = compute.compute(request("claims_clean", "r1"));

    assertThat(published.status()).isEqualTo(PublishResult.Status.PUBLISHED);
    assertThat(again.status()).isEqualTo(PublishResult.Status.UNCHANGED);
    assertThat(again.snapshotId()).isEqualTo(published.snapshotId());
    assertThat(afterPublish.status()).isEqualTo(ComputeResult.Status.ALREADY_PUBLISHED);
    assertThat(fixture.mainSnapshot(PipelineFixture.CLAIMS_CLEAN)).isEqualTo(published.snapshotId());
  }

  @Test
  void concurrentRunsOfOneProduct_oneWins_theOtherReportsTheConflict() {
    ValidateResult first = validate.validate(compute.compute(request("claims_clean", "a")));
    ValidateResult second = validate.validate(compute.compute(request("claims_clean", "b")));

    PublishResult winner = publish.publish(first);
    PublishResult loser = publish.publish(second);

    assertThat(winner.status()).isEqualTo(PublishResult.Status.PUBLISHED);
    assertThat(loser.status()).isEqualTo(PublishResult.Status.CONFLICT);
    assertThat(loser.message()).isEqualTo("run a published claims.claims_clean_v1 first; this run's result stays on "
        + "branch audit-b.");
    assertThat(fixture.mainSnapshot(PipelineFixture.CLAIMS_CLEAN)).isEqualTo(winner.snapshotId());
  }

  @Test
  void twoRunnersAtOnce_publishEachProductOnce_withoutCorruption() throws Exception {
    CompletableFuture<RunReport> left = CompletableFuture.supplyAsync(() -> fixture.run("left"));
    CompletableFuture<RunReport> right = CompletableFuture.supplyAsync(() -> fixture.run("right"));
    List<ProductOutcome> outcomes = new ArrayList<>(left.get().outcomes());
    outcomes.addAll(right.get().outcomes());

    assertThat(outcomes).extracting(ProductOutcome::outcome)
        .allMatch(outcome -> outcome == Outcome.PUBLISHED || outcome == Outcome.UP_TO_DATE
            || outcome == Outcome.CONFLICT || outcome == Outcome.SKIPPED);
    assertThat(outcomes).filteredOn(outcome -> outcome.product().equals("claims_clean"))
        .filteredOn(outcome -> outcome.outcome() == Outcome.PUBLISHED).hasSizeLessThanOrEqualTo(2);
    RunReport settled = fixture.run("settled");
    assertThat(settled.outcomes()).extracting(ProductOutcome::outcome)
        .allMatch(outcome -> outcome == Outcome.PUBLISHED || outcome == Outcome.UP_TO_DATE);
    assertThat(readWithIceberg(fixture.table(PipelineFixture.COST_BY_CANTON))).hasSize(2);
  }

  @Test
  void publishedTablesAreReadableByIcebergsOwnReader_withTheSameCountsAndSums() throws Exception {
    fixture.run("r1");

    List<GenericRecord> claims = readWithIceberg(fixture.table(PipelineFixture.CLAIMS_CLEAN));
    List<GenericRecord> costs = readWithIceberg(fixture.table(PipelineFixture.COST_BY_CANTON));

    assertThat(claims).hasSize(3);
    assertThat(claims.stream().map(row -> (BigDecimal) row.getField("amount_chf")).reduce(BigDecimal.ZERO,
        BigDecimal::add)).isEqualByComparingTo("500.50");
    assertThat(costs).extracting(row -> row.getField("canton") + "=" + row.getField("total_chf"))
        .containsExactlyInAnyOrder("ZH=200.50", "BE=300.00");
  }

  @Test
  void afterASourceColumnIsRenamed_filesAreReadByFieldId_andTheRefreshStillSeesEveryValue() {
    Table claims = fixture.table(new io.meshwork.model.definition.TableName("sources", "claims_v1"));
    claims.updateSchema().renameColumn("canton", "canton_code").commit();
    claims.updateSchema().renameColumn("canton_code", "canton").addColumn("note", org.apache.iceberg.types.Types
        .StringType.get()).commit();

    RunReport report = fixture.run("after-evolution");

    assertThat(report.outcomes()).extracting(ProductOutcome::outcome).containsOnly(Outcome.PUBLISHED);
    assertThat(fixture.table(PipelineFixture.COST_BY_CANTON).currentSnapshot().summary())
        .containsEntry(SnapshotProperties.ROWS, "2");
  }

  @Test
  void unknownProductIsRefused_withTheTenantNamed() {
    assertThatThrownBy(() -> compute.compute(request("loss_ratio", "r1"))).isInstanceOf(StepException.class)
        .hasMessage("Product loss_ratio is not planned for tenant helvetia: the tenant neither subscribes to it nor "
            + "receives it through a subscription.");
  }

  @Test
  void runIdsThatCouldEscapeTheBranchNameAreRefused() {
    assertThatThrownBy(() -> request("claims_clean", "../main")).isInstanceOf(StepException.class)
        .hasMessage("Invalid run id '../main': use up to 80 letters, digits, '.', '_' and '-', starting with a letter "
            + "or digit.");
  }

  private static StepRequest request(String product, String runId) {
    return new StepRequest(PipelineFixture.TENANT, product, runId);
  }

  /** Reads main with Iceberg's generic Parquet reader, file by file as Iceberg plans them. */
  static List<GenericRecord> readWithIceberg(Table table) throws Exception {
    List<GenericRecord> rows = new ArrayList<>();
    try (var tasks = table.newScan().planFiles()) {
      for (var task : tasks) {
        try (CloseableIterable<GenericRecord> records = Parquet.read(table.io().newInputFile(task.file().location()))
            .project(table.schema())
            .createReaderFunc(fileSchema -> GenericParquetReaders.buildReader(table.schema(), fileSchema))
            .build()) {
          records.forEach(record -> rows.add(record.copy()));
        }
      }
    }
    return rows;
  }

}
