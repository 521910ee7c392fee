package io.meshwork.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.engine.pipeline.ProductOutcome.Outcome;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalRunnerTest {

  private static final String GOOD_CLAIMS = "('c1', 'ZH', 120.50), ('c2', 'ZH', 80.00), ('c3', 'GE', 5.00), "
      + "('c4', 'BE', 300.00)";

  @TempDir
  Path home;
  private PipelineFixture fixture;

  @BeforeEach
  void open() {
    fixture = new PipelineFixture(home);
  }

  @AfterEach
  void close() throws Exception {
    fixture.close();
  }

  @Test
  void fullRefreshPublishesEveryPlannedProduct() {
    fixture.deliverClaims(GOOD_CLAIMS);

    RunReport report = fixture.run("run-1");

    assertThat(outcomes(report)).isEqualTo(Map.of("claims_clean", Outcome.PUBLISHED, "cost_by_canton",
        Outcome.PUBLISHED));
    assertThat(report.outcomes()).filteredOn(outcome -> outcome.product().equals("claims_clean"))
        .extracting(ProductOutcome::rows).containsExactly(3L); // c3 is below min_amount_chf 10
    assertThat(fixture.table(PipelineFixture.COST_BY_CANTON).currentSnapshot().summary())
        .containsEntry(SnapshotProperties.RUN_ID, "run-1")
        .containsEntry(SnapshotProperties.ROWS, "2")
        .containsEntry(SnapshotProperties.QUALITY, "3 passed, 0 warned, 0 failed")
        .containsKey(SnapshotProperties.INPUTS);
  }

  @Test
  void secondRunIsUpToDate_whenNothingChanged() {
    fixture.deliverClaims(GOOD_CLAIMS);
    fixture.run("run-1");
    String published = fixture.mainSnapshot(PipelineFixture.COST_BY_CANTON);

    RunReport report = fixture.run("run-2");

    assertThat(outcomes(report)).isEqualTo(Map.of("claims_clean", Outcome.UP_TO_DATE, "cost_by_canton",
        Outcome.UP_TO_DATE));
    assertThat(fixture.mainSnapshot(PipelineFixture.COST_BY_CANTON)).isEqualTo(published);
  }

  @Test
  void changedSourceRefreshesItsDependents() {
    fixture.deliverClaims(GOOD_CLAIMS);
    fixture.run("run-1");
    fixture.deliverClaims(GOOD_CLAIMS + ", ('c5', 'VD', 40.00)");

    RunReport report = fixture.run("run-2");

    assertThat(outcomes(report)).isEqualTo(Map.of("claims_clean", Outcome.PUBLISHED, "cost_by_canton",
        Outcome.PUBLISHED));
    assertThat(fixture.table(PipelineFixture.COST_BY_CANTON).currentSnapshot().summary())
        .containsEntry(SnapshotProperties.ROWS, "3");
  }

  @Test
  void publishLeavesMainUntouched_whenQualityFails_andSkipsDependents() {
    fixture.deliverClaims(GOOD_CLAIMS);
    fixture.run("run-1");
    String claimsBefore = fixture.mainSnapshot(PipelineFixture.CLAIMS_CLEAN);
    String costBefore = fixture.mainSnapshot(PipelineFixture.COST_BY_CANTON);
    fixture.deliverClaims(GOOD_CLAIMS + ", ('c9', 'ZH', 250000.00)");

    RunReport report = fixture.run("run-2");

    assertThat(outcomes(report)).isEqualTo(Map.of("claims_clean", Outcome.BLOCKED, "cost_by_canton",
        Outcome.SKIPPED));
    ProductOutcome blocked = report.outcomes().get(0);
    assertThat(blocked.checks()).filteredOn(check -> !check.passed())
        .singleElement()
        .satisfies(check -> {
          assertThat(check.label()).isEqualTo("range(amount_chf)");
          assertThat(check.failingRows()).isEqualTo(1);
          assertThat(check.sample()).containsExactly("c9, ZH, 250000.00");
        });
    assertThat(fixture.mainSnapshot(PipelineFixture.CLAIMS_CLEAN)).isEqualTo(claimsBefore);
    assertThat(fixture.mainSnapshot(PipelineFixture.COST_BY_CANTON)).isEqualTo(costBefore);
    assertThat(fixture.table(PipelineFixture.CLAIMS_CLEAN).refs()).containsKey("audit-run-2");
    assertThat(report.succeeded()).isFalse();
  }

  @Test
  void aFailingTransformIsReported_andItsDependentsSkipped() {
    RunReport report = fixture.run("run-1"); // no source delivered yet

    assertThat(outcomes(report)).isEqualTo(Map.of("claims_clean", Outcome.FAILED, "cost_by_canton",
        Outcome.SKIPPED));
    assertThat(report.outcomes().get(0).message()).isEqualTo("Source claims of tenant helvetia has no data yet "
        + "(table sources.claims_v1). Deliver it first, e.g. mesh seed --tenant helvetia.");
  }

  private static Map<String, Outcome> outcomes(RunReport report) {
    return report.outcomes().stream().collect(Collectors.toMap(ProductOutcome::product, ProductOutcome::outcome));
  }

  static List<String> names(RunReport report) {
    return report.outcomes().stream().map(ProductOutcome::product).toList();
  }
}
