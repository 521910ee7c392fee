package io.meshwork.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshwork.engine.pipeline.ComputeResult;
import io.meshwork.engine.pipeline.StepRequest;
import io.meshwork.engine.quality.CheckResult;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A result Compute refused (rows left a required column empty) crosses the Lambda boundary to Validate with the
 * failed checks, which Validate records; nothing else carries them, so they must survive the round trip.
 */
class RejectedComputeJsonTest {

  private final JsonMapper json = new LambdaSerializer().getJsonMapper();

  @Test
  void aRejectedResult_keepsItsRefusedChecks_acrossTheRoundTrip() throws IOException {
    ComputeResult rejected = new ComputeResult(new StepRequest("helvetia", "cost_by_canton", "exec-1"),
        ComputeResult.Status.REJECTED, "1.2.0", "finance.cost_by_canton_v1", "audit-exec-1", null, 3,
        Map.of("claims_clean", "42"), "fingerprint", "Nothing was committed.", List.of(new CheckResult("required",
            List.of("canton"), true, 1, 3, false, List.of("null, 40.00"),
            "1 of 3 rows fail: canton must not be empty (the contract marks it required)")));

    String text = json.writeValueAsString(rejected);

    assertThat(text).contains("\"status\":\"REJECTED\"").contains("\"refusals\":[{\"check\":\"required\"");
    assertThat(json.readValue(text, Argument.of(ComputeResult.class))).isEqualTo(rejected);
  }

  @Test
  void aRejectedResultNamesItsChecks_andOnlyARejectedResultHasRefusals() {
    StepRequest request = new StepRequest("helvetia", "cost_by_canton", "exec-1");
    CheckResult refusal = new CheckResult("required", List.of("canton"), true, 1, 3, false, List.of(), "1 of 3");

    assertThatThrownBy(() -> new ComputeResult(request, ComputeResult.Status.REJECTED, "1.2.0", "t", "b", null, 3,
        Map.of(), "f", "m", List.of())).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("A REJECTED result names the checks that failed");
    assertThatThrownBy(() -> new ComputeResult(request, ComputeResult.Status.COMPUTED, "1.2.0", "t", "b", "1", 3,
        Map.of(), "f", "m", List.of(refusal))).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Only a REJECTED result has refusals, not COMPUTED");
  }
}
