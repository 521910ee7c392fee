package io.meshwork.localstack.orchestration;

import static io.meshwork.cdk.constructs.RefreshStateMachine.ANYTHING_TO_REFRESH;
import static io.meshwork.cdk.constructs.RefreshStateMachine.ANY_PRODUCT_FAILED;
import static io.meshwork.cdk.constructs.RefreshStateMachine.PLAN;
import static io.meshwork.cdk.constructs.RefreshStateMachine.PLAN_DEPENDENTS;
import static io.meshwork.cdk.constructs.RefreshStateMachine.PLAN_EVERYTHING;
import static io.meshwork.cdk.constructs.RefreshStateMachine.PLAN_PRODUCT;
import static io.meshwork.cdk.constructs.RefreshStateMachine.REFRESH_FAILED;
import static io.meshwork.cdk.constructs.RefreshStateMachine.REFRESH_SUCCEEDED;
import static io.meshwork.cdk.constructs.RefreshStateMachine.SCOPE_OF_REFRESH;
import static io.meshwork.cdk.constructs.RefreshStateMachine.SUMMARISE_RUN;
import static io.meshwork.cdk.constructs.RefreshStateMachine.WAVES;
import static io.meshwork.localstack.orchestration.DeployedTenant.outcomes;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meshwork.demodata.SeedOptions;
import io.meshwork.localstack.emulators.EmulatorEndpoints;
import io.meshwork.localstack.emulators.EmulatorTest;
import io.meshwork.localstack.emulators.Eventually;
import io.meshwork.localstack.lambda.JavaRuntimeBootstrap;
import io.meshwork.model.definition.Catalog;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.Snapshot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * The tenant's refresh pipeline as synthesized, run by the emulator: the state machine from the template's definition,
 * its Lambda tasks running the real handlers (see {@link JavaRuntimeBootstrap}) on the tenant's Glue catalog and S3
 * bucket, its schedule and its dependents rule. The tests follow one tenant through a day, in order: a full refresh,
 * a scheduled product refresh, a product refresh whose publication starts its dependents, and a delivery that fails.
 * Tenant lemanic: its four products in two waves cover every state at the smallest cost.
 */
@EmulatorTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TenantRefreshTest {

  private static final String TENANT = "lemanic";
  private static final SeedOptions CLEAN = new SeedOptions(500, 42);
  /** The first run starts a JVM per function and concurrent product; later runs reuse them. */
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(4);
  /** MiniStack sweeps schedules every 10 s and fires a cron() at the first sweep after its minute. */
  private static final Duration SCHEDULE_TIMEOUT = Duration.ofSeconds(100);
  private static final ObjectMapper JSON = new ObjectMapper();

  private Path work;
  private DeployedTenant tenant;
  private Catalog catalog;
  private TenantTemplate template;
  private TenantAccount account;
  private PipelineDeployment deployment;
  private TenantData data;
  private NotificationInbox inbox;
  private final List<Runnable> cleanups = new ArrayList<>();

  @BeforeAll
  void deployTheSynthesizedPipeline(EmulatorEndpoints endpoints, @TempDir Path work) {
    this.work = work;
    tenant = DeployedTenant.deploy(endpoints, TENANT, "data", work);
    catalog = tenant.catalog;
    template = tenant.template;
    account = tenant.account;
    deployment = tenant.deployment;
    data = tenant.data;
    inbox = tenant.inbox;
    data.deliverAll(CLEAN);
  }

  @AfterAll
  void removeThePipeline() throws IOException {
    Collections.reverse(cleanups);
    cleanups.forEach(Runnable::run);
    if (tenant != null) {
      tenant.close();
    }
  }

  @Test
  @Order(1)
  void refreshPublishesEveryProductWithTheRowCountsOfTheLocalPipeline() throws Exception {
    Map<String, Long> local = TenantData.localPipelineRows(catalog, TENANT, CLEAN, work.resolve("local"));

    String run = tenant.start("{\"tenant\": \"" + TENANT + "\"}");
    DescribeExecutionResponse execution = StateMachines.awaitEnd(account.sfn(), run, RUN_TIMEOUT);

    assertThat(execution.status()).as(execution.error() + ": " + execution.cause())
        .isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(outcomes(JSON.readTree(execution.output()).path("products"))).containsExactlyInAnyOrderEntriesOf(Map.of(
        "claims_clean", "PUBLISHED", "insured_months", "PUBLISHED",
        "loss_ratio", "PUBLISHED", "cost_per_insured", "PUBLISHED"));
    // MiniStack's history has no events of the states inside a Map's iterations (AWS's has): the products' states
    // show in their records instead, e.g. only Published makes a PUBLISHED record with the snapshot Publish made.
    assertThat(StateMachines.statesEntered(account.sfn(), run)).containsSubsequence(SCOPE_OF_REFRESH,
            PLAN_EVERYTHING, PLAN, ANYTHING_TO_REFRESH, WAVES, SUMMARISE_RUN, ANY_PRODUCT_FAILED, REFRESH_SUCCEEDED)
        .doesNotContain(REFRESH_FAILED);
    for (JsonNode record : JSON.readTree(execution.output()).path("products")) {
      String product = record.path("product").asText();
      assertThat(record.path("snapshotId").asText()).as(product)
          .isEqualTo(Long.toString(data.published(product).orElseThrow().snapshotId()));
    }
    assertThat(local).hasSize(4).allSatisfy((product, rows) -> assertThat(rows).as(product).isPositive());
    assertThat(data.publishedRows()).containsExactlyEntriesOf(local);
    System.out.println("[orchestration] rows on main of " + TENANT + " after the emulator's refresh, equal to the"
        + " local pipeline's for scale " + CLEAN.scale() + ", seed " + CLEAN.seed() + ": " + local);
  }

  @Test
  @Order(2)
  void scheduleStartsAProductRefreshWithItsSynthesizedInput() throws Exception {
    String scheduleId = template.logicalId(template.stack().pipeline().schedules().get("loss_ratio"));
    JsonNode schedule = deployment.tokens().resolve(template.properties(scheduleId), scheduleId);
    assertThat(schedule.path("ScheduleExpression").asText()).isEqualTo("cron(0 7 * * ? *)");
    ZoneId zone = ZoneId.of(schedule.path("ScheduleExpressionTimezone").asText());
    assertThat(zone).isEqualTo(ZoneId.of("Europe/Zurich"));
    // Due at the next minute in Zurich at least 15 s away: MiniStack only notes a new cron() schedule at its first
    // sweep. MiniStack reads cron() in UTC and ignores the time zone, so the hour is left open: Zurich is whole hours
    // from UTC, so the minute comes at the same instant under either reading.
    ZonedDateTime due = ZonedDateTime.now(zone).plusSeconds(15).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
    String expression = "cron(" + due.getMinute() + " * * * ? *)";
    String name = schedule.path("Name").asText();
    String group = schedule.path("GroupName").asText();
    JsonNode target = schedule.path("Target");
    account.scheduler().createSchedule(request -> request.name(name).groupName(group)
        .description(schedule.path("Description").asText())
        .scheduleExpression(expression)
        .scheduleExpressionTimezone(zone.getId())
        .flexibleTimeWindow(window -> window.mode(schedule.path("FlexibleTimeWindow").path("Mode").asText()))
        .target(scheduled -> scheduled.arn(target.path("Arn").asText()).roleArn(target.path("RoleArn").asText())
            .input(target.path("Input").asText())));
    ExecutionListItem started;
    try {
      started = Eventually.within(SCHEDULE_TIMEOUT, "the schedule " + expression + " to start a run",
          () -> tenant.executionsStartedAfter(due.toInstant().minusSeconds(1)).stream().findFirst());
    } finally {
      // It would fire again every hour; later tests count the runs they start.
      account.scheduler().deleteSchedule(request -> request.name(name).groupName(group));
    }
    DescribeExecutionResponse execution = StateMachines.awaitEnd(account.sfn(), started.executionArn(),
        RUN_TIMEOUT);

    assertThat(JSON.readTree(execution.input())).isEqualTo(JSON.readTree(target.path("Input").asText()))
        .isEqualTo(JSON.readTree("{\"tenant\": \"lemanic\", \"product\": \"loss_ratio\"}"));
    assertThat(execution.status()).as(execution.error() + ": " + execution.cause())
        .isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(StateMachines.statesEntered(account.sfn(), started.executionArn()))
        .containsSubsequence(SCOPE_OF_REFRESH, PLAN_PRODUCT, PLAN, WAVES, REFRESH_SUCCEEDED)
        .doesNotContain(PLAN_EVERYTHING);
    assertThat(outcomes(JSON.readTree(execution.output()).path("products"))).containsExactlyInAnyOrderEntriesOf(Map.of(
        "claims_clean", "UP_TO_DATE", "insured_months", "UP_TO_DATE", "loss_ratio", "UP_TO_DATE"));
  }

  @Test
  @Order(3)
  void publishingAProductOthersReadStartsARefreshOfItsDependents() throws Exception {
    deployment.createRule(template, template.stack().pipeline().dependentsRule().orElseThrow());
    data.deliver("claims", new SeedOptions(CLEAN.scale(), CLEAN.seed() + 1));
    Instant before = Instant.now().minusSeconds(1);

    String productRun = tenant.start("{\"tenant\": \"" + TENANT + "\", \"product\": \"claims_clean\"}");
    DescribeExecutionResponse product = StateMachines.awaitEnd(account.sfn(), productRun, RUN_TIMEOUT);
    assertThat(product.status()).as(product.error() + ": " + product.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(outcomes(JSON.readTree(product.output()).path("products")))
        .containsExactlyEntriesOf(Map.of("claims_clean", "PUBLISHED"));

    ExecutionListItem started = Eventually.within(Duration.ofSeconds(30), "the rule to start a dependents run",
        () -> tenant.executionsStartedAfter(before).stream()
            .filter(execution -> !execution.executionArn().equals(productRun)).findFirst());
    DescribeExecutionResponse dependents = StateMachines.awaitEnd(account.sfn(), started.executionArn(),
        RUN_TIMEOUT);

    assertThat(JSON.readTree(dependents.input()))
        .isEqualTo(JSON.readTree("{\"tenant\": \"lemanic\", \"dependentsOf\": \"claims_clean\"}"));
    assertThat(dependents.status()).as(dependents.error() + ": " + dependents.cause())
        .isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(StateMachines.statesEntered(account.sfn(), started.executionArn()))
        .containsSubsequence(SCOPE_OF_REFRESH, PLAN_DEPENDENTS, PLAN, WAVES, REFRESH_SUCCEEDED);
    assertThat(outcomes(JSON.readTree(dependents.output()).path("products"))).containsExactlyInAnyOrderEntriesOf(
        Map.of("claims_clean", "UP_TO_DATE", "insured_months", "UP_TO_DATE",
            "loss_ratio", "PUBLISHED", "cost_per_insured", "PUBLISHED"));
    // The dependents run published too, but its events do not match: only product refreshes start dependents.
    assertThat(tenant.executionsStartedAfter(before)).extracting(ExecutionListItem::executionArn)
        .containsExactlyInAnyOrder(productRun, started.executionArn());
  }

  @Test
  @Order(4)
  void failedAndBlockedProductsEndTheRunInRefreshFailed_andLeaveMainUntouched() throws Exception {
    Map<String, Long> publishedBefore = publishedSnapshots();
    data.deliver("claims", new SeedOptions(CLEAN.scale(), CLEAN.seed(), SeedOptions.DEFAULT_FIRST_YEAR,
        SeedOptions.DEFAULT_LAST_YEAR, true));
    data.dropSource("insured_persons");

    String run = tenant.start("{\"tenant\": \"" + TENANT + "\"}");
    DescribeExecutionResponse execution = StateMachines.awaitEnd(account.sfn(), run, RUN_TIMEOUT);

    assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(execution.error()).isEqualTo("ProductsFailed");
    JsonNode products = JSON.readTree(execution.cause());
    assertThat(outcomes(products)).containsExactlyInAnyOrderEntriesOf(Map.of(
        "claims_clean", "BLOCKED", "insured_months", "FAILED",
        "loss_ratio", "UPSTREAM_FAILED", "cost_per_insured", "UPSTREAM_FAILED"));
    JsonNode failure = record(products, "insured_months");
    assertThat(failure.path("error").asText()).isEqualTo("io.meshwork.functions.InputMissingError");
    assertThat(JSON.readTree(failure.path("cause").asText()).path("errorMessage").asText()).isEqualTo(
        "Source insured_persons of tenant lemanic has no data yet (table sources.insured_persons_v2). Deliver it"
            + " first, e.g. mesh seed --tenant lemanic.");
    assertThat(StateMachines.statesEntered(account.sfn(), run))
        .containsSubsequence(SCOPE_OF_REFRESH, PLAN_EVERYTHING, PLAN, WAVES, SUMMARISE_RUN, ANY_PRODUCT_FAILED,
            REFRESH_FAILED)
        .doesNotContain(REFRESH_SUCCEEDED);
    JsonNode notification = inbox.notification("the failure notification of insured_months",
        message -> message.path("Message").asText().contains("\"insured_months\""));
    assertThat(notification.path("Subject").asText())
        .isEqualTo("Meshwork refresh of tenant lemanic: a product failed");
    assertThat(JSON.readTree(notification.path("Message").asText()).path("error").asText())
        .isEqualTo("io.meshwork.functions.InputMissingError");
    assertThat(publishedSnapshots()).isEqualTo(publishedBefore);
  }

  @Test
  @Order(5)
  void retryAndCatchMatchTheHandlersOwnErrorTypes() throws Exception {
    // The synthesized Retry names io.meshwork.functions.ConflictError, which a run cannot be made to raise on
    // demand; a request without run id makes Plan raise InvalidRequestError, which this definition retries once.
    String definition = """
        {"StartAt": "Plan", "States": {
          "Plan": {"Type": "Task", "Resource": "%s",
            "Retry": [{"ErrorEquals": ["io.meshwork.functions.InvalidRequestError"], "IntervalSeconds": 1,
              "MaxAttempts": 1}],
            "Catch": [{"ErrorEquals": ["io.meshwork.functions.InvalidRequestError"], "ResultPath": "$.failure",
              "Next": "Rejected"}],
            "End": true},
          "Rejected": {"Type": "Pass", "End": true}}}
        """.formatted(deployment.aliasArn("meshwork-" + TENANT + "-plan"));
    String machine = account.sfn().createStateMachine(request -> request.name("meshwork-" + TENANT + "-retry-check")
        .roleArn(account.arn("iam", "role/meshwork-retry-check")).definition(definition)).stateMachineArn();
    cleanups.add(() -> account.sfn().deleteStateMachine(request -> request.stateMachineArn(machine)));

    String run = account.sfn().startExecution(request -> request.stateMachineArn(machine)
        .input("{\"tenant\": \"lemanic\"}")).executionArn();
    DescribeExecutionResponse execution = StateMachines.awaitEnd(account.sfn(), run, RUN_TIMEOUT);

    assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    JsonNode failure = JSON.readTree(execution.output()).path("failure");
    assertThat(failure.path("Error").asText()).isEqualTo("io.meshwork.functions.InvalidRequestError");
    assertThat(JSON.readTree(failure.path("Cause").asText()).path("errorMessage").asText()).isEqualTo(
        "A plan request needs a tenant and a runId; got PlanRequest[tenant=lemanic, runId=null, product=null,"
            + " dependentsOf=null].");
    assertThat(StateMachines.failedTasks(account.sfn(), run)).containsExactly(
        "io.meshwork.functions.InvalidRequestError", "io.meshwork.functions.InvalidRequestError");
    assertThat(StateMachines.statesEntered(account.sfn(), run)).containsExactly("Plan", "Rejected");
  }



  /** The snapshot id on main of each product. */
  private Map<String, Long> publishedSnapshots() {
    Map<String, Long> snapshots = new LinkedHashMap<>();
    for (String product : List.of("claims_clean", "insured_months", "loss_ratio", "cost_per_insured")) {
      snapshots.put(product, data.published(product).map(Snapshot::snapshotId).orElse(null));
    }
    return snapshots;
  }


  private static JsonNode record(JsonNode products, String product) {
    for (JsonNode record : products) {
      if (product.equals(record.path("product").asText())) {
        return record;
      }
    }
    throw new AssertionError("No record of " + product + " in " + products);
  }
}
