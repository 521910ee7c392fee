package io.meshwork.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meshwork.engine.pipeline.ComputeResult;
import io.meshwork.engine.pipeline.ComputeService;
import io.meshwork.engine.pipeline.StepRequest;
import io.meshwork.engine.usage.UsageHistory;
import io.meshwork.engine.usage.UsageRecord;
import io.meshwork.engine.usage.UsageStep;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A function's usage: a row in the tenant's usage table and an EMF line in its log, per step. */
class FunctionUsageTest {

  @TempDir
  Path home;

  @Test
  void aComputeRecordsItsUsageInTheTable_andLogsItAsEmfMetrics() throws Exception {
    List<String> log = new ArrayList<>();
    try (HandlerFixture fixture = new HandlerFixture(home)) {
      fixture.deliverClaims("('c1', 'ZH', 120.50), ('c2', 'BE', 80.00)");
      ComputeService compute = new ComputeService(fixture.engine, new FunctionUsage(fixture.engine, fixture.json,
          log::add, Optional.empty(), Optional.empty()));

      ComputeResult result = compute.compute(new StepRequest(HandlerFixture.TENANT, "claims_clean", "r1"));

      List<UsageRecord> usage = UsageHistory.read(fixture.engine.storage(HandlerFixture.TENANT),
          fixture.engine.compute(), Instant.EPOCH, Instant.now().plusSeconds(60));
      assertThat(usage).singleElement().satisfies(record -> {
        assertThat(record.step()).isEqualTo(UsageStep.COMPUTE);
        assertThat(record.rowsOut()).isEqualTo(result.rows());
        assertThat(record.peakMemoryBytes()).isPositive(); // the JVM's high-water mark on Linux
      });
      assertThat(log).hasSize(1);
      JsonNode line = new ObjectMapper().readTree(log.get(0));
      JsonNode directive = line.get("_aws").get("CloudWatchMetrics").get(0);
      assertThat(directive.get("Namespace").asText()).isEqualTo("Meshwork/Usage");
      assertThat(directive.get("Dimensions").toString()).isEqualTo("[[\"Tenant\",\"Product\",\"Step\"]]");
      assertThat(line.get("Tenant").asText()).isEqualTo("helvetia");
      assertThat(line.get("Product").asText()).isEqualTo("claims_clean");
      assertThat(line.get("Step").asText()).isEqualTo("compute");
      assertThat(line.get("RowsOut").asLong()).isEqualTo(2);
      assertThat(line.get("runId").asText()).isEqualTo("r1");
    }
  }
}
