package io.meshwork.localstack.orchestration;

import static io.meshwork.cdk.constructs.RefreshStateMachine.PLAN;
import static io.meshwork.cdk.constructs.RefreshStateMachine.PLAN_DEPENDENTS;
import static io.meshwork.cdk.constructs.RefreshStateMachine.REFRESH_SUCCEEDED;
import static io.meshwork.cdk.constructs.RefreshStateMachine.SCOPE_OF_REFRESH;
import static io.meshwork.cdk.constructs.RefreshStateMachine.WAVES;
import static io.meshwork.localstack.orchestration.DeployedTenant.outcomes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meshwork.demodata.SeedOptions;
import io.meshwork.engine.pipeline.SnapshotProperties;
import io.meshwork.localstack.emulators.EmulatorEndpoints;
import io.meshwork.localstack.emulators.EmulatorTest;
import io.meshwork.localstack.emulators.Eventually;
import io.meshwork.localstack.lambda.JavaRuntimeBootstrap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.apache.iceberg.Snapshot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * A tenant delivers its files, end to end in the emulator: a CSV put under {@code landing/<source>/} of the tenant's
 * bucket becomes S3's {@code Object Created} event on EventBridge (MiniStack sends it, as the bucket's synthesized
 * EventBridge notifications ask), the synthesized rule invokes the real Ingest handler (a {@code provided.al2023}
 * function, see {@link JavaRuntimeBootstrap}), the source publishes, and its {@code ProductPublished} event starts the
 * dependents' refresh through the synthesized dependents rule and state machine. A broken delivery leaves the
 * source's {@code main} as it was (by snapshot id) and lies in {@code rejected/} beside its report, and the
 * pipeline's topic hears of it. Not covered here: the bucket policy that only delivering principals may write {@code landing/} (MiniStack does
 * not evaluate IAM or bucket policies unless started with {@code AUTH=true}); it is asserted on the template by
 * {@code SourceDeliveriesTest} in cdk-app.
 */
@EmulatorTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SourceDeliveryTest {

  private static final String TENANT = "lemanic";
  private static final String SOURCE = "premiums";
  private static final SeedOptions CLEAN = new SeedOptions(500, 42);
  /** The first delivery starts the Ingest function's JVM; the dependents run starts one per step. */
  private static final Duration INGEST_TIMEOUT = Duration.ofMinutes(3);
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(4);
  private static final ObjectMapper JSON = new ObjectMapper();

  private Path work;
  private DeployedTenant tenant;
  private TenantAccount account;
  private PipelineDeployment deployment;
  private TenantData data;

  @BeforeAll
  void deployThePipelineWithItsDeliveryRules(EmulatorEndpoints endpoints, @TempDir Path work) {
    this.work = work;
    tenant = DeployedTenant.deploy(endpoints, TENANT, "deliveries", work);
    account = tenant.account;
    deployment = tenant.deployment;
    data = tenant.data;
    deployment.createRule(tenant.template, tenant.template.stack().pipeline().deliveries().orElseThrow().rule());
    deployment.createRule(tenant.template, tenant.template.stack().pipeline().dependentsRule().orElseThrow());
    data.deliverAll(CLEAN);
  }

  @AfterAll
  void removeThePipeline() throws IOException {
    if (tenant != null) {
      tenant.close();
    }
  }

  @Test
  @Order(1)
  void aCsvDeliveredUnderLanding_isIngestedByTheIngestFunction_andWhatReadsTheSourceRefreshes() throws Exception {
    long before = data.delivered(SOURCE).orElseThrow().snapshotId();
    // The premiums billing would export: the same months as delivered before (premiums append by month, so these
    // months are replaced), every person of the seeded insured persons.
    Path csv = TenantData.csv(SOURCE, CLEAN, Integer.MAX_VALUE, work.resolve("premiums.csv"));
    long rows = Files.readAllLines(csv).size() - 1;
    Instant delivered = Instant.now().minusSeconds(1);

    account.s3().putObject(request -> request.bucket(deployment.bucket()).key("landing/premiums/2026-12/premiums.csv"),
        RequestBody.fromFile(csv));

    Snapshot published = Eventually.within(INGEST_TIMEOUT, "the Ingest function to publish the delivery of "
        + SOURCE, () -> data.delivered(SOURCE).filter(snapshot -> snapshot.snapshotId() != before));
    assertThat(data.deliveredRows(SOURCE)).isEqualTo(rows);
    assertThat(published.summary().get(SnapshotProperties.RUN_ID)).startsWith("ingest-");
    ExecutionListItem started = Eventually.within(Duration.ofSeconds(60), "the dependents rule to start a refresh"
        + " after the delivery", () -> tenant.executionsStartedAfter(delivered).stream().findFirst());
    DescribeExecutionResponse dependents = StateMachines.awaitEnd(account.sfn(), started.executionArn(),
        RUN_TIMEOUT);

    assertThat(JSON.readTree(dependents.input()))
        .isEqualTo(JSON.readTree("{\"tenant\": \"lemanic\", \"dependentsOf\": \"premiums\"}"));
    assertThat(dependents.status()).as(dependents.error() + ": " + dependents.cause())
        .isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(StateMachines.statesEntered(account.sfn(), started.executionArn()))
        .containsSubsequence(SCOPE_OF_REFRESH, PLAN_DEPENDENTS, PLAN, WAVES, REFRESH_SUCCEEDED);
    // loss_ratio reads premiums; it runs with what it reads; cost_per_insured does not read premiums.
    assertThat(outcomes(JSON.readTree(dependents.output()).path("products"))).containsExactlyInAnyOrderEntriesOf(
        Map.of("claims_clean", "PUBLISHED", "insured_months", "PUBLISHED", "loss_ratio", "PUBLISHED"));
    assertThat(data.delivered(SOURCE).orElseThrow().snapshotId()).isEqualTo(published.snapshotId());
    System.out.println("[deliveries] " + SOURCE + " of " + TENANT + " published as snapshot "
        + published.snapshotId() + "; dependents run " + started.executionArn());
  }

  @Test
  @Order(2)
  void aBrokenDelivery_leavesMainUntouched_andLiesInRejectedBesideItsReport_andIsNotified() throws Exception {
    long before = data.delivered(SOURCE).orElseThrow().snapshotId();
    Instant delivered = Instant.now().minusSeconds(1);
    String broken = "insured_id,premium_month,canton\nP000001,2026-12-01,VD\n";
    String landing = "landing/premiums/2026-12/premiums-without-amount.csv";
    String rejected = "rejected/premiums/2026-12/premiums-without-amount.csv";

    account.s3().putObject(request -> request.bucket(deployment.bucket()).key(landing),
        RequestBody.fromString(broken));

    JsonNode report = Eventually.within(INGEST_TIMEOUT, "the report of the rejected delivery",
        () -> object(rejected + ".report.json").map(SourceDeliveryTest::parse));
    assertThat(report.path("status").asText()).isEqualTo("REJECTED");
    assertThat(report.path("tenant").asText()).isEqualTo(TENANT);
    assertThat(report.path("source").asText()).isEqualTo(SOURCE);
    assertThat(report.path("table").asText()).isEqualTo("sources.premiums_v2");
    assertThat(report.path("snapshotId").asText()).isEqualTo(Long.toString(before));
    assertThat(report.path("message").asText()).isEqualTo("Not published: premiums-without-amount.csv: required"
        + " column 'premium_chf' is missing (the file has insured_id, premium_month, canton). Deliver it, or make it"
        + " optional (required: false) in version 3.0.0 of source premiums, a breaking change for its consumers."
        + " main is unchanged.");
    assertThat(object(rejected)).contains(broken);
    assertThatThrownBy(() -> account.s3().headObject(request -> request.bucket(deployment.bucket()).key(landing)))
        .isInstanceOf(NoSuchKeyException.class);
    JsonNode notification = tenant.inbox.notification("the notification of the rejected delivery",
        message -> message.path("Message").asText().contains("premiums-without-amount"));
    assertThat(notification.path("Subject").asText()).isEqualTo("Meshwork delivery of tenant lemanic rejected: "
        + "premiums");
    JsonNode message = JSON.readTree(notification.path("Message").asText());
    String bucket = "s3://" + deployment.bucket() + "/";
    assertThat(message.path("outcome").asText()).isEqualTo("REJECTED");
    assertThat(message.path("delivery").asText()).isEqualTo(bucket + landing);
    assertThat(message.path("movedTo").asText()).isEqualTo(bucket + rejected);
    assertThat(message.path("report").asText()).isEqualTo(bucket + rejected + ".report.json");
    assertThat(message.path("message").asText()).isEqualTo(report.path("message").asText());

    assertThat(data.delivered(SOURCE).orElseThrow().snapshotId()).isEqualTo(before);
    assertThat(tenant.executionsStartedAfter(delivered)).isEmpty();
  }

  @Test
  @Order(3)
  void aRetryOfAnEventWhosePublishWentThrough_announcesThePublicationAgain() throws Exception {
    Snapshot main = data.delivered(SOURCE).orElseThrow();
    String runId = main.summary().get(SnapshotProperties.RUN_ID);
    assertThat(runId).startsWith("ingest-");
    // The event of the first test once more, as Lambda retries it when the announcement after the publish failed.
    String event = JSON.writeValueAsString(Map.of("id", runId.substring("ingest-".length()),
        "detail-type", "Object Created", "source", "aws.s3",
        "detail", Map.of("bucket", Map.of("name", deployment.bucket()),
            "object", Map.of("key", "landing/premiums/2026-12/premiums.csv"))));
    Instant retried = Instant.now().minusSeconds(1);

    JsonNode result = JSON.readTree(account.lambda().invoke(request -> request
        .functionName("meshwork-" + TENANT + "-ingest").qualifier("live")
        .payload(SdkBytes.fromUtf8String(event))).payload().asUtf8String());

    assertThat(result.path("status").asText()).as(result.toString()).isEqualTo("ALREADY_INGESTED");
    assertThat(result.path("snapshotId").asText()).isEqualTo(Long.toString(main.snapshotId()));
    ExecutionListItem started = Eventually.within(Duration.ofSeconds(60), "the announcement of the retry to start"
        + " a refresh", () -> tenant.executionsStartedAfter(retried).stream().findFirst());
    DescribeExecutionResponse dependents = StateMachines.awaitEnd(account.sfn(), started.executionArn(),
        RUN_TIMEOUT);
    assertThat(JSON.readTree(dependents.input()))
        .isEqualTo(JSON.readTree("{\"tenant\": \"lemanic\", \"dependentsOf\": \"premiums\"}"));
    assertThat(outcomes(JSON.readTree(dependents.output()).path("products"))).containsExactlyInAnyOrderEntriesOf(
        Map.of("claims_clean", "UP_TO_DATE", "insured_months", "UP_TO_DATE", "loss_ratio", "UP_TO_DATE"));
    assertThat(data.delivered(SOURCE).orElseThrow().snapshotId()).isEqualTo(main.snapshotId());
  }

  private Optional<String> object(String key) {
    try {
      return Optional.of(account.s3().getObjectAsBytes(request -> request.bucket(deployment.bucket()).key(key))
          .asUtf8String());
    } catch (NoSuchKeyException missing) {
      return Optional.empty();
    }
  }



  private static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new AssertionError("The report is not JSON: " + text, e);
    }
  }
}
