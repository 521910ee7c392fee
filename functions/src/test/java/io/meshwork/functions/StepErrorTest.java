package io.meshwork.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.engine.pipeline.StepException;
import io.meshwork.model.definition.Diagnostic;
import io.meshwork.model.definition.InvalidDefinitionException;
import io.meshwork.model.definition.Location;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.util.List;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.junit.jupiter.api.Test;

/** The error class names the state machine's Retry and Catch match on, and the log line of each invocation. */
class StepErrorTest {

  @Test
  void eachStepFailureKind_becomesItsOwnErrorClass_keepingTheMessage() {
    assertThat(StepError.of(step(StepException.Kind.TRANSFORM_FAILED))).isInstanceOf(TransformFailedError.class)
        .hasMessage("TRANSFORM_FAILED happened");
    assertThat(StepError.of(step(StepException.Kind.INPUT_MISSING))).isInstanceOf(InputMissingError.class);
    assertThat(StepError.of(step(StepException.Kind.INVALID_REQUEST))).isInstanceOf(InvalidRequestError.class);
    assertThat(StepError.of(step(StepException.Kind.CONFLICT))).isInstanceOf(ConflictError.class)
        .hasCauseInstanceOf(StepException.class);
  }

  @Test
  void lostCommitRace_isARetryableConflict_andAnUnknownTenantAnInvalidRequest() {
    RuntimeException race = new IllegalStateException("commit", new CommitFailedException("table changed"));
    RuntimeException tenant = new InvalidDefinitionException(List.of(
        new Diagnostic(Location.of("tenants"), "Unknown tenant 'nobody'.")));

    assertThat(StepError.of(race)).isInstanceOf(ConflictError.class).hasMessageContaining("table changed");
    assertThat(StepError.of(tenant)).isInstanceOf(InvalidRequestError.class);
  }

  @Test
  void internalErrors_passThroughUnchanged() {
    RuntimeException bug = new NullPointerException("bug");

    assertThat(StepError.of(bug)).isSameAs(bug);
  }

  @Test
  void logLine_isOneJsonObjectWithTheInvocationsFields() throws IOException {
    JsonMapper json = new LambdaSerializer().getJsonMapper();
    InvocationLog log = new InvocationLog(StepErrorTest.class, json);

    String line = log.line("Compute", new InvocationLog.Subject("helvetia", "claims_clean", "r1"), "ERROR", 12,
        new InputMissingError("Source \"claims\"\nhas no data yet.", null));
    JsonNode fields = json.readValue(line, Argument.of(JsonNode.class));

    assertThat(line).doesNotContain("\n");
    assertThat(fields.get("step").getStringValue()).isEqualTo("Compute");
    assertThat(fields.get("tenant").getStringValue()).isEqualTo("helvetia");
    assertThat(fields.get("product").getStringValue()).isEqualTo("claims_clean");
    assertThat(fields.get("runId").getStringValue()).isEqualTo("r1");
    assertThat(fields.get("status").getStringValue()).isEqualTo("ERROR");
    assertThat(fields.get("durationMillis").getLongValue()).isEqualTo(12);
    assertThat(fields.get("error").getStringValue()).isEqualTo("io.meshwork.functions.InputMissingError");
    assertThat(fields.get("message").getStringValue()).isEqualTo("Source \"claims\"\nhas no data yet.");
  }

  private static StepException step(StepException.Kind kind) {
    return new StepException(kind, kind + " happened");
  }
}
