package io.meshwork.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshwork.engine.pipeline.ComputeResult;
import io.meshwork.engine.pipeline.PublishResult;
import io.meshwork.engine.pipeline.StepException;
import io.meshwork.engine.pipeline.StepRequest;
import io.meshwork.engine.pipeline.ValidateResult;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Snapshot ids cross the Lambda boundary as JSON strings: Step Functions reads JSON numbers as doubles, which hold
 * integers exactly only up to 2^53, and Iceberg's ids use 63 bits.
 */
class SnapshotIdJsonTest {

  /** 2^53 + 1: the smallest positive integer a double cannot hold. */
  private static final String ID = "9007199254740993";

  private final JsonMapper json = new LambdaSerializer().getJsonMapper();

  @Test
  void snapshotIdsAbove2Pow53_areWrittenAsStrings_andSurviveTheRoundTrip() throws IOException {
    ComputeResult computed = new ComputeResult(new StepRequest("helvetia", "cost_by_canton", "exec-1"),
        ComputeResult.Status.COMPUTED, "1.0.0", "finance.cost_by_canton_v1", "audit-exec-1", ID, 3,
        Map.of("claims_clean", ID), "fingerprint", "Computed 3 rows into branch audit-exec-1.", List.of());
    PublishResult published = new PublishResult(new ValidateResult(computed, true, List.of()),
        PublishResult.Status.PUBLISHED, ID, "Published 3 rows.");

    String text = json.writeValueAsString(published);
    JsonNode tree = json.readValue(text, Argument.of(JsonNode.class));

    assertThat((long) (double) Long.parseLong(ID)).as("what a JSON number would become").isNotEqualTo(
        Long.parseLong(ID));
    assertThat(text).contains("\"snapshotId\":\"" + ID + "\"").contains("\"claims_clean\":\"" + ID + "\"");
    assertThat(tree.get("snapshotId").isString()).isTrue();
    assertThat(tree.get("validation").get("compute").get("snapshotId").getStringValue()).isEqualTo(ID);
    assertThat(tree.get("validation").get("compute").get("inputSnapshots").get("claims_clean").getStringValue())
        .isEqualTo(ID);
    assertThat(json.readValue(text, Argument.of(PublishResult.class))).isEqualTo(published);
  }

  @Test
  void aSnapshotIdThatIsNoInteger_isRejectedWithTheFieldNamed() {
    assertThatThrownBy(() -> new ComputeResult(new StepRequest("helvetia", "claims_clean", "exec-1"),
        ComputeResult.Status.COMPUTED, "1.0.0", "claims.claims_clean_v1", "audit-exec-1", "1", 1,
        Map.of("claims", "9.007199254740993E15"), "fingerprint", "Computed.", List.of()))
        .isInstanceOf(StepException.class)
        .hasMessage("Invalid inputSnapshots.claims '9.007199254740993E15': a snapshot id is a decimal integer "
            + "written as a JSON string, e.g. \"9007199254740993\".");
  }
}
