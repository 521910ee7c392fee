package io.meshwork.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.meshwork.engine.pipeline.ComputeResult;
import io.meshwork.engine.pipeline.PublishResult;
import io.meshwork.engine.pipeline.StepRequest;
import io.meshwork.engine.pipeline.ValidateResult;
import io.meshwork.engine.quality.CheckResult;
import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The handlers as the state machine drives them: every input arrives as JSON and every output leaves as JSON, which
 * is what the next state receives, so the records' serde mapping is part of what is tested.
 */
class StateMachineFlowTest {

  private static final String CLAIMS = "('c1', 'ZH', 120.50), ('c2', 'ZH', 80.00), ('c3', 'GE', 5.00), "
      + "('c4', 'BE', 300.00)";

  @TempDir
  Path home;
  private HandlerFixture fixture;

  @BeforeEach
  void open() {
    fixture = new HandlerFixture(home);
  }

  @AfterEach
  void close() throws IOException {
    fixture.close();
  }

  @Test
  void planComputeValidatePublish_throughJson_publishesBothProductsWaveByWave() throws IOException {
    fixture.deliverClaims(CLAIMS);

    String planJson = fixture.toJson(fixture.plan.handleRequest(
        fixture.fromJson("{\"tenant\":\"helvetia\",\"runId\":\"exec-1\"}", PlanRequest.class), null));
    List<List<String>> waves = mapStates(planJson);
    Map<String, PublishResult> published = new LinkedHashMap<>();
    for (List<String> wave : waves) {
      for (String item : wave) {
        PublishResult result = refresh(item);
        published.put(result.validation().compute().request().product(), result);
      }
    }

    assertThat(fixture.fromJson(planJson, PlanResponse.class).stepRequests()).containsExactly(
        List.of(new StepRequest("helvetia", "claims_clean", "exec-1")),
        List.of(new StepRequest("helvetia", "cost_by_canton", "exec-1")));
    assertThat(published).containsOnlyKeys("claims_clean", "cost_by_canton");
    assertThat(published.values()).extracting(PublishResult::status).containsOnly(PublishResult.Status.PUBLISHED);
    assertThat(published.get("claims_clean").validation().compute().rows()).isEqualTo(3);
    assertThat(published.get("cost_by_canton").validation().compute().inputSnapshots()).containsOnlyKeys(
        "claims_clean");
    assertThat(fixture.mainSnapshot(HandlerFixture.CLAIMS_CLEAN))
        .isEqualTo(published.get("claims_clean").snapshotId());
    assertThat(fixture.mainSnapshot(HandlerFixture.COST_BY_CANTON))
        .isEqualTo(published.get("cost_by_canton").snapshotId());
  }

  @Test
  void planCarriesEachProductsEngineAndComputeSize_measuredFromItsInputs() throws IOException {
    fixture.deliverClaims(CLAIMS);

    String planJson = fixture.toJson(fixture.plan.handleRequest(
        fixture.fromJson("{\"tenant\":\"helvetia\",\"runId\":\"exec-5\"}", PlanRequest.class), null));
    PlannedStep claims = fixture.fromJson(planJson, PlanResponse.class).waves().get(0).get(0);
    PlannedStep cost = fixture.fromJson(planJson, PlanResponse.class).waves().get(1).get(0);

    assertThat(planJson).contains("\"engine\":\"duckdb\"", "\"compute\":\"standard\"");
    assertThat(claims.product()).isEqualTo("claims_clean");
    assertThat(claims.compute()).isEqualTo("standard");
    assertThat(claims.memoryMiB()).isEqualTo(3008);
    assertThat(claims.tmpMiB()).isEqualTo(512);
    assertThat(claims.sizeReason()).matches("inputs measure [0-9.]+ (B|KiB), needing 1 MiB of /tmp: fits the"
        + " SnapStart Compute \\(3008 MiB memory, 512 MiB /tmp\\)");
    assertThat(cost.sizeReason()).startsWith("inputs not measured: ");
  }

  @Test
  void rerunWithUnchangedInputs_computesNothing_andPublishReportsUnchanged() {
    fixture.deliverClaims(CLAIMS);
    refresh(fixture.toJson(new StepRequest("helvetia", "claims_clean", "first")));

    PublishResult again = refresh(fixture.toJson(new StepRequest("helvetia", "claims_clean", "second")));

    assertThat(again.validation().compute().status()).isEqualTo(ComputeResult.Status.UP_TO_DATE);
    assertThat(again.validation().checks()).isEmpty();
    assertThat(again.status()).isEqualTo(PublishResult.Status.UNCHANGED);
  }

  @Test
  void failingBlockingQualityCheck_publishReturnsBlocked_andMainStaysUnpublished() {
    fixture.deliverClaims("('c1', 'ZH', 120.50), ('c9', 'VD', 250000.00)");

    PublishResult result = refresh(fixture.toJson(new StepRequest("helvetia", "claims_clean", "exec-2")));

    assertThat(result.status()).isEqualTo(PublishResult.Status.BLOCKED);
    assertThat(result.snapshotId()).isNull();
    assertThat(result.validation().passed()).isFalse();
    assertThat(result.validation().checks()).filteredOn(check -> !check.passed())
        .extracting(CheckResult::check, CheckResult::blocking, CheckResult::failingRows)
        .containsExactly(tuple("range", true, 1L));
    assertThat(result.message()).contains("branch audit-exec-2");
    assertThat(fixture.mainSnapshot(HandlerFixture.CLAIMS_CLEAN)).isNull();
  }

  @Test
  void planOfOneProduct_containsOnlyItAndWhatItReads() {
    PlanResponse claimsOnly = fixture.plan.handleRequest(
        new PlanRequest("helvetia", "exec-3", "claims_clean", null), null);
    PlanResponse withUpstream = fixture.plan.handleRequest(
        new PlanRequest("helvetia", "exec-3", "cost_by_canton", null), null);

    assertThat(claimsOnly.stepRequests()).containsExactly(List.of(new StepRequest("helvetia", "claims_clean", "exec-3")));
    assertThat(withUpstream.stepRequests()).extracting(wave -> wave.get(0).product())
        .containsExactly("claims_clean", "cost_by_canton");
  }

  @Test
  void planAfterAProductPublished_containsItsDependentsAndWhatTheyRead() {
    PlanResponse afterClaims = fixture.plan.handleRequest(fixture.fromJson(
        "{\"tenant\":\"helvetia\",\"runId\":\"event-1\",\"dependentsOf\":\"claims_clean\"}", PlanRequest.class), null);
    PlanResponse afterCost = fixture.plan.handleRequest(
        new PlanRequest("helvetia", "event-2", null, "cost_by_canton"), null);

    assertThat(afterClaims.stepRequests()).containsExactly(List.of(new StepRequest("helvetia", "claims_clean", "event-1")),
        List.of(new StepRequest("helvetia", "cost_by_canton", "event-1")));
    assertThat(afterCost.stepRequests()).isEmpty();
  }

  @Test
  void planAfterASourceDeliveryPublished_containsEveryProductReadingIt_waveByWave() {
    PlanResponse afterDelivery = fixture.plan.handleRequest(fixture.fromJson(
        "{\"tenant\":\"helvetia\",\"runId\":\"event-3\",\"dependentsOf\":\"claims\"}", PlanRequest.class), null);

    assertThat(afterDelivery.stepRequests()).containsExactly(List.of(new StepRequest("helvetia", "claims_clean", "event-3")),
        List.of(new StepRequest("helvetia", "cost_by_canton", "event-3")));
  }

  @Test
  void planWithBothProductAndDependentsOf_throwsInvalidRequestError() {
    assertThatThrownBy(() -> fixture.plan.handleRequest(
        new PlanRequest("helvetia", "exec-8", "claims_clean", "claims_clean"), null))
        .isInstanceOf(InvalidRequestError.class).hasMessage("A plan request takes product or dependentsOf, not "
            + "both; got product claims_clean and dependentsOf claims_clean.");
  }

  @Test
  void unknownProduct_throwsInvalidRequestError_withTheEnginesMessage() {
    String message = "Product no_such_product is not planned for tenant helvetia: the tenant neither subscribes to "
        + "it nor receives it through a subscription.";

    assertThatThrownBy(() -> fixture.plan.handleRequest(
        new PlanRequest("helvetia", "exec-4", "no_such_product", null), null))
        .isInstanceOf(InvalidRequestError.class).hasMessage(message);
    assertThatThrownBy(() -> fixture.plan.handleRequest(
        new PlanRequest("helvetia", "exec-4", null, "no_such_product"), null))
        .isInstanceOf(InvalidRequestError.class).hasMessage(message);
    assertThatThrownBy(() -> fixture.compute.handleRequest(
        fixture.fromJson("{\"tenant\":\"helvetia\",\"product\":\"no_such_product\",\"runId\":\"exec-4\"}",
            StepRequest.class), null))
        .isInstanceOf(InvalidRequestError.class).hasMessage(message);
  }

  @Test
  void unknownTenant_throwsInvalidRequestError() {
    assertThatThrownBy(() -> fixture.plan.handleRequest(new PlanRequest("nobody", "exec-5", null, null), null))
        .isInstanceOf(InvalidRequestError.class).hasMessageContaining("Unknown tenant 'nobody'");
  }

  @Test
  void sourceNeverDelivered_throwsInputMissingError() {
    assertThatThrownBy(() -> fixture.compute.handleRequest(new StepRequest("helvetia", "claims_clean", "exec-6"), null))
        .isInstanceOf(InputMissingError.class)
        .hasMessageStartingWith("Source claims of tenant helvetia has no data yet");
  }

  @Test
  void everyPropertyIsWritten_soChoiceStatesAlwaysFindTheSameShape() throws IOException {
    ComputeResult alreadyPublished = new ComputeResult(new StepRequest("helvetia", "claims_clean", "exec-7"),
        ComputeResult.Status.ALREADY_PUBLISHED, "1.0.0", "claims.claims_clean_v1", "audit-exec-7", null, 0,
        Map.of(), "fingerprint", "Run exec-7 already published claims.claims_clean_v1.", List.of());
    ValidateResult validation = new ValidateResult(alreadyPublished, true, List.of());

    String json = fixture.toJson(validation);
    JsonNode compute = fixture.json.readValue(json, Argument.of(JsonNode.class)).get("compute");

    assertThat(compute.get("snapshotId").isNull()).isTrue();
    assertThat(compute.get("inputSnapshots").isObject()).isTrue();
    assertThat(fixture.json.readValue(json, Argument.of(JsonNode.class)).get("checks").isArray()).isTrue();
    assertThat(fixture.fromJson(json, ValidateResult.class)).isEqualTo(validation);
  }

  /** What the two nested Map states hand to Compute: each item of each wave, as JSON. */
  private List<List<String>> mapStates(String planJson) throws IOException {
    JsonNode plan = fixture.json.readValue(planJson, Argument.of(JsonNode.class));
    List<List<String>> waves = new ArrayList<>();
    for (JsonNode wave : plan.get("waves").values()) {
      List<String> items = new ArrayList<>();
      for (JsonNode item : wave.values()) {
        items.add(fixture.json.writeValueAsString(item));
      }
      waves.add(items);
    }
    return waves;
  }

  private PublishResult refresh(String stepRequestJson) {
    return fixture.refresh(stepRequestJson);
  }
}
