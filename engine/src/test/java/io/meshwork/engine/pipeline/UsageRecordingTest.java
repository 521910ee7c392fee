package io.meshwork.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.engine.usage.UsageHistory;
import io.meshwork.engine.usage.UsageRecord;
import io.meshwork.engine.usage.UsageStep;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsageRecordingTest {

  private static final String CLAIMS = "('c1', 'ZH', 120.50), ('c2', 'ZH', 80.00), ('c3', 'GE', 5.00), "
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
  void everyStepOfARefreshRecordsItsUsage_withTheRowsOfTheRunReport() {
    fixture.deliverClaims(CLAIMS);

    RunReport report = fixture.run("run-1");

    List<UsageRecord> usage = usage();
    assertThat(usage).extracting(record -> record.product() + ":" + record.step().label()).containsExactlyInAnyOrder(
        "claims_clean:compute", "claims_clean:validate", "claims_clean:publish",
        "cost_by_canton:compute", "cost_by_canton:validate", "cost_by_canton:publish");
    Map<String, Long> rowsOut = usage.stream().filter(record -> record.step() == UsageStep.COMPUTE)
        .collect(Collectors.toMap(UsageRecord::product, UsageRecord::rowsOut));
    assertThat(rowsOut).isEqualTo(report.outcomes().stream()
        .collect(Collectors.toMap(ProductOutcome::product, ProductOutcome::rows)));
    UsageRecord compute = usage.stream().filter(record -> record.product().equals("claims_clean")
        && record.step() == UsageStep.COMPUTE).findFirst().orElseThrow();
    assertThat(compute.rowsIn()).isEqualTo(4);
    assertThat(compute.bytesRead()).isPositive();
    assertThat(compute.bytesWritten()).isPositive();
    assertThat(compute.filesWritten()).isEqualTo(2); // one per canton partition: ZH and BE (c3 is filtered out)
    assertThat(compute.runId()).isEqualTo("run-1");
    assertThat(compute.version()).isEqualTo(report.outcomes().get(0).version());
    assertThat(compute.engine()).isEqualTo("duckdb");
    assertThat(compute.functionMemoryMb()).isNull();
    Duration recorded = usage.stream().filter(record -> record.product().equals("claims_clean"))
        .map(UsageRecord::duration).reduce(Duration.ZERO, Duration::plus);
    ProductOutcome outcome = report.outcomes().stream().filter(o -> o.product().equals("claims_clean")).findFirst()
        .orElseThrow();
    assertThat(recorded).isLessThanOrEqualTo(outcome.elapsed());
    assertThat(usage).filteredOn(record -> record.step() == UsageStep.PUBLISH)
        .extracting(UsageRecord::rowsOut).containsExactlyInAnyOrder(3L, 2L);
  }

  @Test
  void aProductUpToDateRecordsNoUsage() {
    fixture.deliverClaims(CLAIMS);
    fixture.run("run-1");
    int afterFirst = usage().size();

    RunReport second = fixture.run("run-2");

    assertThat(second.outcomes()).extracting(ProductOutcome::outcome)
        .containsOnly(ProductOutcome.Outcome.UP_TO_DATE);
    assertThat(usage()).hasSize(afterFirst).extracting(UsageRecord::runId).containsOnly("run-1");
  }

  private List<UsageRecord> usage() {
    return UsageHistory.read(fixture.engine.storage(PipelineFixture.TENANT), fixture.engine.compute(),
        Instant.EPOCH, Instant.now().plusSeconds(60));
  }
}
