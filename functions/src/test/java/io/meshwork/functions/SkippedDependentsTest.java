package io.meshwork.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.engine.pipeline.ComputeResult;
import io.meshwork.engine.pipeline.PublishResult;
import io.meshwork.engine.pipeline.StepRequest;
import io.meshwork.engine.pipeline.ValidateResult;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The state machine runs wave after wave without memory, so Compute itself skips a product whose input product did
 * not publish in the run: UPSTREAM_FAILED, passed through Validate (not passed, no checks) and Publish (SKIPPED).
 */
class SkippedDependentsTest {

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
  void dependentOfABlockedProduct_isSkippedWithUpstreamFailed_andItsMainStaysAsItWas() {
    fixture.deliverClaims("('c1', 'ZH', 120.50), ('c2', 'GE', 80.00)");
    fixture.refresh(step("claims_clean", "good"));
    fixture.refresh(step("cost_by_canton", "good"));
    String costBefore = fixture.mainSnapshot(HandlerFixture.COST_BY_CANTON);
    fixture.deliverClaims("('c1', 'ZH', 120.50), ('c9', 'VD', 250000.00)");

    PublishResult claims = fixture.refresh(step("claims_clean", "bad"));
    ComputeResult computed = fixture.compute.handleRequest(
        fixture.fromJson(step("cost_by_canton", "bad"), StepRequest.class), null);
    ValidateResult validated = fixture.validate.handleRequest(
        fixture.fromJson(fixture.toJson(computed), ComputeResult.class), null);
    PublishResult published = fixture.publish.handleRequest(
        fixture.fromJson(fixture.toJson(validated), ValidateResult.class), null);

    String message = "Skipped: input claims_clean did not publish its current definition and inputs (it failed, was "
        + "blocked or was skipped). It runs again once claims_clean is published.";
    assertThat(claims.status()).isEqualTo(PublishResult.Status.BLOCKED);
    assertThat(computed.status()).isEqualTo(ComputeResult.Status.UPSTREAM_FAILED);
    assertThat(computed.message()).isEqualTo(message);
    assertThat(computed.snapshotId()).isNull();
    assertThat(computed.inputSnapshots()).isEmpty();
    assertThat(validated.passed()).isFalse();
    assertThat(validated.checks()).isEmpty();
    assertThat(published.status()).isEqualTo(PublishResult.Status.SKIPPED);
    assertThat(published.snapshotId()).isNull();
    assertThat(published.message()).isEqualTo(message);
    assertThat(fixture.mainSnapshot(HandlerFixture.COST_BY_CANTON)).isEqualTo(costBefore);
    assertThat(fixture.engine.storage(HandlerFixture.TENANT).catalog().loadTable(
        io.meshwork.engine.storage.ProductTables.identifier(HandlerFixture.COST_BY_CANTON)).refs())
        .doesNotContainKey("audit-bad");
  }

  @Test
  void dependentOfANeverPublishedProduct_isSkipped_namingIt() {
    fixture.deliverClaims("('c1', 'ZH', 120.50)");

    PublishResult result = fixture.refresh(step("cost_by_canton", "first"));

    assertThat(result.validation().compute().status()).isEqualTo(ComputeResult.Status.UPSTREAM_FAILED);
    assertThat(result.status()).isEqualTo(PublishResult.Status.SKIPPED);
    assertThat(result.message()).isEqualTo("Skipped: input claims_clean has never been published. It runs again "
        + "once claims_clean is published.");
  }

  @Test
  void dependentOfAProductPublishedInTheRun_isComputed() {
    fixture.deliverClaims("('c1', 'ZH', 120.50)");
    fixture.refresh(step("claims_clean", "one"));
    fixture.refresh(step("cost_by_canton", "one"));
    fixture.deliverClaims("('c1', 'ZH', 120.50), ('c2', 'GE', 5.00)");

    PublishResult claims = fixture.refresh(step("claims_clean", "two"));
    PublishResult cost = fixture.refresh(step("cost_by_canton", "two"));

    assertThat(claims.status()).isEqualTo(PublishResult.Status.PUBLISHED);
    assertThat(cost.status()).isEqualTo(PublishResult.Status.PUBLISHED);
    assertThat(cost.validation().compute().inputSnapshots()).containsEntry("claims_clean", claims.snapshotId());
  }

  private String step(String product, String runId) {
    return fixture.toJson(new StepRequest(HandlerFixture.TENANT, product, runId));
  }
}
