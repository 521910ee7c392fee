package io.meshwork.cdk;

import static io.meshwork.cdk.constructs.RefreshStateMachine.ANNOUNCE_PUBLICATION;
import static io.meshwork.cdk.constructs.RefreshStateMachine.ANYTHING_TO_REFRESH;
import static io.meshwork.cdk.constructs.RefreshStateMachine.ANY_PRODUCT_FAILED;
import static io.meshwork.cdk.constructs.RefreshStateMachine.BLOCKED;
import static io.meshwork.cdk.constructs.RefreshStateMachine.CHECKS_PASSED;
import static io.meshwork.cdk.constructs.RefreshStateMachine.COMPUTE;
import static io.meshwork.cdk.constructs.RefreshStateMachine.COMPUTE_LARGE;
import static io.meshwork.cdk.constructs.RefreshStateMachine.COMPUTE_STATUS;
import static io.meshwork.cdk.constructs.RefreshStateMachine.DOES_NOT_FIT;
import static io.meshwork.cdk.constructs.RefreshStateMachine.COUNT_PUBLICATION;
import static io.meshwork.cdk.constructs.RefreshStateMachine.NOTHING_TO_PUBLISH;
import static io.meshwork.cdk.constructs.RefreshStateMachine.NOTHING_TO_REFRESH;
import static io.meshwork.cdk.constructs.RefreshStateMachine.NOTIFY_FAILURE;
import static io.meshwork.cdk.constructs.RefreshStateMachine.NOT_PUBLISHED;
import static io.meshwork.cdk.constructs.RefreshStateMachine.PLAN;
import static io.meshwork.cdk.constructs.RefreshStateMachine.PLAN_DEPENDENTS;
import static io.meshwork.cdk.constructs.RefreshStateMachine.PLAN_EVERYTHING;
import static io.meshwork.cdk.constructs.RefreshStateMachine.PLAN_PRODUCT;
import static io.meshwork.cdk.constructs.RefreshStateMachine.PRODUCTS;
import static io.meshwork.cdk.constructs.RefreshStateMachine.PUBLISH;
import static io.meshwork.cdk.constructs.RefreshStateMachine.PUBLISHED;
import static io.meshwork.cdk.constructs.RefreshStateMachine.PUBLISH_STATUS;
import static io.meshwork.cdk.constructs.RefreshStateMachine.RECORD_FAILURE;
import static io.meshwork.cdk.constructs.RefreshStateMachine.REFRESH_FAILED;
import static io.meshwork.cdk.constructs.RefreshStateMachine.REFRESH_PRODUCT;
import static io.meshwork.cdk.constructs.RefreshStateMachine.REFRESH_SUCCEEDED;
import static io.meshwork.cdk.constructs.RefreshStateMachine.SCOPE_OF_REFRESH;
import static io.meshwork.cdk.constructs.RefreshStateMachine.SUMMARISE_RUN;
import static io.meshwork.cdk.constructs.RefreshStateMachine.UNEXPECTED_COMPUTE_STATUS;
import static io.meshwork.cdk.constructs.RefreshStateMachine.UNEXPECTED_PUBLISH_STATUS;
import static io.meshwork.cdk.constructs.RefreshStateMachine.VALIDATE;
import static io.meshwork.cdk.constructs.RefreshStateMachine.WAVES;
import static io.meshwork.cdk.constructs.RefreshStateMachine.WHERE_IT_RUNS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meshwork.cdk.constructs.PipelineFunction;
import io.meshwork.cdk.constructs.TenantPipeline;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The refresh state machine of demo tenant alpina, asserted on its Amazon States Language definition. */
class RefreshStateMachineTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static TenantStack stack;
  private static Template template;
  private static JsonNode definition;
  private static JsonNode top;
  private static JsonNode waves;
  private static JsonNode products;
  private static JsonNode chain;

  @BeforeAll
  static void readAlpinasDefinition() {
    stack = PipelineStacks.stack("alpina");
    template = PipelineStacks.template("alpina");
    definition = PipelineStacks.definition(template);
    top = definition.get("States");
    waves = top.get(WAVES);
    products = waves.get("ItemProcessor").get("States").get(PRODUCTS);
    chain = products.get("ItemProcessor").get("States").get(REFRESH_PRODUCT).get("Branches").get(0).get("States");
  }

  @Test
  void stateNamesAreTheDocumentedOnesAtTheirLevels() {
    assertThat(definition.get("StartAt").asText()).isEqualTo(SCOPE_OF_REFRESH);
    assertThat(names(top)).containsExactlyInAnyOrder(SCOPE_OF_REFRESH, PLAN_DEPENDENTS, PLAN_PRODUCT, PLAN_EVERYTHING,
        PLAN, ANYTHING_TO_REFRESH, NOTHING_TO_REFRESH, WAVES, SUMMARISE_RUN, ANY_PRODUCT_FAILED, REFRESH_FAILED,
        REFRESH_SUCCEEDED);
    assertThat(names(waves.get("ItemProcessor").get("States"))).containsExactly(PRODUCTS);
    assertThat(names(products.get("ItemProcessor").get("States")))
        .containsExactlyInAnyOrder(REFRESH_PRODUCT, RECORD_FAILURE, NOTIFY_FAILURE);
    assertThat(names(chain)).containsExactlyInAnyOrder(WHERE_IT_RUNS, COMPUTE, COMPUTE_LARGE, DOES_NOT_FIT,
        COMPUTE_STATUS, NOTHING_TO_PUBLISH,
        UNEXPECTED_COMPUTE_STATUS, VALIDATE, CHECKS_PASSED, BLOCKED, PUBLISH, PUBLISH_STATUS, NOT_PUBLISHED,
        UNEXPECTED_PUBLISH_STATUS, ANNOUNCE_PUBLICATION, COUNT_PUBLICATION, PUBLISHED);
    assertThat(types(chain)).containsEntry(COMPUTE, "Task").containsEntry(COMPUTE_STATUS, "Choice")
        .containsEntry(NOTHING_TO_PUBLISH, "Pass").containsEntry(UNEXPECTED_COMPUTE_STATUS, "Fail")
        .containsEntry(BLOCKED, "Pass").containsEntry(ANNOUNCE_PUBLICATION, "Task")
        .containsEntry(COUNT_PUBLICATION, "Task").containsEntry(PUBLISHED, "Pass");
  }

  @Test
  void usesOnlyClassicJsonPath() {
    assertThat(definition.has("QueryLanguage")).isFalse();
    assertThat(definition.toString()).doesNotContain("{%").doesNotContain("\"Arguments\"").doesNotContain("Assign");
  }

  @Test
  void scopeChoiceBuildsPlansRequestWithTheExecutionNameAsRunId() {
    JsonNode scope = top.get(SCOPE_OF_REFRESH);
    assertThat(scope.get("Type").asText()).isEqualTo("Choice");
    assertThat(json(scope.get("Choices"))).isEqualTo(json(List.of(
        Map.of("Variable", "$.dependentsOf", "IsPresent", true, "Next", PLAN_DEPENDENTS),
        Map.of("Variable", "$.product", "IsPresent", true, "Next", PLAN_PRODUCT))));
    assertThat(scope.get("Default").asText()).isEqualTo(PLAN_EVERYTHING);
    assertThat(json(top.get(PLAN_DEPENDENTS).get("Parameters"))).isEqualTo(json(Map.of("tenant.$", "$.tenant",
        "runId.$", "$$.Execution.Name", "dependentsOf.$", "$.dependentsOf")));
    assertThat(json(top.get(PLAN_PRODUCT).get("Parameters"))).isEqualTo(json(Map.of("tenant.$", "$.tenant",
        "runId.$", "$$.Execution.Name", "product.$", "$.product")));
    assertThat(json(top.get(PLAN_EVERYTHING).get("Parameters"))).isEqualTo(json(Map.of("tenant.$", "$.tenant",
        "runId.$", "$$.Execution.Name")));
    List.of(PLAN_DEPENDENTS, PLAN_PRODUCT, PLAN_EVERYTHING)
        .forEach(state -> assertThat(top.get(state).get("Next").asText()).isEqualTo(PLAN));
    assertThat(top.get(PLAN).has("Parameters")).isFalse();
    assertThat(top.get(PLAN).get("Next").asText()).isEqualTo(ANYTHING_TO_REFRESH);
    assertThat(json(top.get(ANYTHING_TO_REFRESH).get("Choices"))).isEqualTo(json(List.of(
        Map.of("Variable", "$.waves[0]", "IsPresent", true, "Next", WAVES))));
    assertThat(top.get(ANYTHING_TO_REFRESH).get("Default").asText()).isEqualTo(NOTHING_TO_REFRESH);
    assertThat(top.get(NOTHING_TO_REFRESH).get("Type").asText()).isEqualTo("Succeed");
  }

  @Test
  void wavesRunOneAfterAnotherAndTheProductsOfAWaveFourAtATime() {
    assertThat(waves.get("Type").asText()).isEqualTo("Map");
    assertThat(waves.get("ItemsPath").asText()).isEqualTo("$.waves");
    assertThat(waves.get("MaxConcurrency").asInt()).isEqualTo(1);
    assertThat(json(waves.get("ItemSelector"))).isEqualTo(json(Map.of("wave.$", "$$.Map.Item.Value")));
    assertThat(json(waves.get("ResultSelector"))).isEqualTo(json(Map.of("products.$", "$[*][*]",
        "outcomes.$", "$[*][*].outcome")));
    assertThat(waves.get("ResultPath").asText()).isEqualTo("$.results");
    assertThat(waves.get("Next").asText()).isEqualTo(SUMMARISE_RUN);
    assertThat(products.get("Type").asText()).isEqualTo("Map");
    assertThat(products.get("ItemsPath").asText()).isEqualTo("$.wave");
    assertThat(products.get("MaxConcurrency").asInt()).isEqualTo(4);
    assertThat(products.get("ItemProcessor").get("StartAt").asText()).isEqualTo(REFRESH_PRODUCT);
  }

  @Test
  void everyLambdaTaskInvokesTheLiveAliasAndRetriesTransientErrorsWithJitteredBackoff() {
    TenantPipeline pipeline = stack.pipeline();
    Map<String, PipelineFunction> tasks = Map.of(PLAN, pipeline.plan(), COMPUTE, pipeline.compute(),
        COMPUTE_LARGE, pipeline.computeLarge(), VALIDATE, pipeline.validate(), PUBLISH, pipeline.publish());
    JsonNode expectedRetry = json(List.of(Map.of(
        "ErrorEquals", List.of("Lambda.ServiceException", "Lambda.AWSLambdaException", "Lambda.SdkClientException",
            "Lambda.TooManyRequestsException", "io.meshwork.functions.ConflictError"),
        "IntervalSeconds", 2, "BackoffRate", 2, "MaxAttempts", 4, "JitterStrategy", "FULL")));
    tasks.forEach((name, function) -> {
      JsonNode task = name.equals(PLAN) ? top.get(PLAN) : chain.get(name);
      String alias = stack.getLogicalId((CfnElement) function.alias().getNode().getDefaultChild());
      assertThat(task.get("Type").asText()).as(name).isEqualTo("Task");
      assertThat(task.get("Resource").asText()).as(name).isEqualTo("${Ref:" + alias + "}");
      assertThat(task.get("Retry")).as(name).isEqualTo(expectedRetry);
      assertThat(task.has("ResultPath") || task.has("OutputPath") || task.has("ResultSelector")).as(name).isFalse();
    });
    template.hasResourceProperties("AWS::Lambda::Alias", Match.objectLike(Map.of("Name", "live")));
  }

  @Test
  void productChainBranchesOnComputeChecksAndPublishStatus() {
    assertThat(chain.get(COMPUTE).get("Next").asText()).isEqualTo(COMPUTE_STATUS);
    assertThat(json(chain.get(COMPUTE_STATUS).get("Choices"))).isEqualTo(json(List.of(
        Map.of("Or", statusIn("COMPUTED", "REJECTED"), "Next", VALIDATE),
        Map.of("Or", statusIn("UP_TO_DATE", "ALREADY_PUBLISHED", "UPSTREAM_FAILED"), "Next", NOTHING_TO_PUBLISH))));
    assertThat(chain.get(COMPUTE_STATUS).get("Default").asText()).isEqualTo(UNEXPECTED_COMPUTE_STATUS);
    assertThat(chain.get(VALIDATE).get("Next").asText()).isEqualTo(CHECKS_PASSED);
    assertThat(json(chain.get(CHECKS_PASSED).get("Choices"))).isEqualTo(json(List.of(
        Map.of("Variable", "$.passed", "BooleanEquals", true, "Next", PUBLISH))));
    assertThat(chain.get(CHECKS_PASSED).get("Default").asText()).isEqualTo(BLOCKED);
    assertThat(chain.get(PUBLISH).get("Next").asText()).isEqualTo(PUBLISH_STATUS);
    assertThat(json(chain.get(PUBLISH_STATUS).get("Choices"))).isEqualTo(json(List.of(
        Map.of("Variable", "$.status", "StringEquals", "PUBLISHED", "Next", ANNOUNCE_PUBLICATION),
        Map.of("Or", statusIn("UNCHANGED", "SKIPPED", "CONFLICT", "BLOCKED"), "Next", NOT_PUBLISHED))));
    assertThat(chain.get(PUBLISH_STATUS).get("Default").asText()).isEqualTo(UNEXPECTED_PUBLISH_STATUS);
    assertThat(json(chain.get(NOTHING_TO_PUBLISH).get("Parameters"))).isEqualTo(json(Map.of(
        "product.$", "$.request.product", "outcome.$", "$.status")));
    assertThat(json(chain.get(BLOCKED).get("Parameters"))).isEqualTo(json(Map.of(
        "product.$", "$.compute.request.product", "outcome", "BLOCKED")));
    assertThat(json(chain.get(NOT_PUBLISHED).get("Parameters"))).isEqualTo(json(Map.of(
        "product.$", "$.validation.compute.request.product", "outcome.$", "$.status")));
    assertThat(json(chain.get(PUBLISHED).get("Parameters"))).isEqualTo(json(Map.of(
        "product.$", "$.validation.compute.request.product", "outcome", "PUBLISHED", "snapshotId.$", "$.snapshotId")));
    List.of(NOTHING_TO_PUBLISH, BLOCKED, NOT_PUBLISHED, PUBLISHED)
        .forEach(state -> assertThat(chain.get(state).get("End").asBoolean()).as(state).isTrue());
    assertThat(chain.get(UNEXPECTED_COMPUTE_STATUS).get("Error").asText()).isEqualTo("UnexpectedStatus");
  }

  @Test
  void anyFailureOfAProductIsCaughtRecordedAndNotifiedWhileTheOthersGoOn() {
    JsonNode refresh = products.get("ItemProcessor").get("States").get(REFRESH_PRODUCT);
    assertThat(refresh.get("Type").asText()).isEqualTo("Parallel");
    assertThat(refresh.get("Branches")).hasSize(1);
    assertThat(refresh.get("OutputPath").asText()).isEqualTo("$[0]");
    assertThat(json(refresh.get("Catch"))).isEqualTo(json(List.of(Map.of("ErrorEquals", List.of("States.ALL"),
        "ResultPath", "$.failure", "Next", RECORD_FAILURE))));
    JsonNode record = products.get("ItemProcessor").get("States").get(RECORD_FAILURE);
    assertThat(json(record.get("Parameters"))).isEqualTo(json(Map.of("tenant.$", "$.tenant", "runId.$", "$.runId",
        "product.$", "$.product", "outcome", "FAILED", "error.$", "$.failure.Error", "cause.$", "$.failure.Cause")));
    assertThat(record.get("Next").asText()).isEqualTo(NOTIFY_FAILURE);
    JsonNode notify = products.get("ItemProcessor").get("States").get(NOTIFY_FAILURE);
    String topic = stack.getLogicalId((CfnElement) stack.pipeline().notifications().getNode().getDefaultChild());
    assertThat(notify.get("Resource").asText()).isEqualTo("arn:${AWS::Partition}:states:::sns:publish");
    assertThat(json(notify.get("Parameters"))).isEqualTo(json(Map.of("TopicArn", "${Ref:" + topic + "}",
        "Message.$", "States.JsonToString($)",
        "Subject", "Meshwork refresh of tenant alpina: a product failed")));
    assertThat(notify.get("ResultPath").isNull()).isTrue();
    assertThat(notify.get("End").asBoolean()).isTrue();
  }

  @Test
  void publicationIsAnnouncedOnTheDefaultBusAndCounted() {
    JsonNode announce = chain.get(ANNOUNCE_PUBLICATION);
    assertThat(announce.get("Resource").asText()).isEqualTo("arn:${AWS::Partition}:states:::events:putEvents");
    assertThat(json(announce.get("Parameters"))).isEqualTo(json(Map.of("Entries", List.of(Map.of(
        "Source", "meshwork.pipeline",
        "DetailType", "ProductPublished",
        "Detail", Map.of(
            "tenant.$", "$.validation.compute.request.tenant",
            "product.$", "$.validation.compute.request.product",
            "version.$", "$.validation.compute.version",
            "table.$", "$.validation.compute.table",
            "snapshotId.$", "$.snapshotId",
            "runId.$", "$.validation.compute.request.runId",
            "request.$", "$$.Execution.Input"))))));
    assertThat(announce.get("ResultPath").isNull()).isTrue();
    assertThat(announce.get("Next").asText()).isEqualTo(COUNT_PUBLICATION);
    JsonNode count = chain.get(COUNT_PUBLICATION);
    assertThat(count.get("Resource").asText())
        .isEqualTo("arn:${AWS::Partition}:states:::aws-sdk:cloudwatch:putMetricData");
    assertThat(json(count.get("Parameters"))).isEqualTo(json(Map.of("Namespace", "Meshwork", "MetricData", List.of(
        Map.of("MetricName", "Published", "Unit", "Count", "Value", 1, "Dimensions", List.of(
            Map.of("Name", "Tenant", "Value", "alpina"),
            Map.of("Name", "Product", "Value.$", "$.validation.compute.request.product")))))));
    assertThat(count.get("ResultPath").asText()).isEqualTo("$.metric");
    assertThat(count.get("Next").asText()).isEqualTo(PUBLISHED);
    List.of(announce, count).forEach(task -> assertThat(json(task.get("Retry"))).isEqualTo(json(List.of(Map.of(
        "ErrorEquals", List.of("States.TaskFailed"), "IntervalSeconds", 1, "BackoffRate", 2, "MaxAttempts", 3,
        "JitterStrategy", "FULL")))));
  }

  @Test
  void runFailsAtTheEndWhenAProductFailedOrWasBlocked() {
    assertThat(json(top.get(SUMMARISE_RUN).get("Parameters"))).isEqualTo(json(Map.of(
        "tenant.$", "$.tenant", "runId.$", "$.runId", "products.$", "$.results.products",
        "failed.$", "States.ArrayContains($.results.outcomes, 'FAILED')",
        "blocked.$", "States.ArrayContains($.results.outcomes, 'BLOCKED')")));
    assertThat(json(top.get(ANY_PRODUCT_FAILED).get("Choices"))).isEqualTo(json(List.of(Map.of(
        "Or", List.of(
            Map.of("Variable", "$.failed", "BooleanEquals", true),
            Map.of("Variable", "$.blocked", "BooleanEquals", true)),
        "Next", REFRESH_FAILED))));
    assertThat(top.get(ANY_PRODUCT_FAILED).get("Default").asText()).isEqualTo(REFRESH_SUCCEEDED);
    assertThat(json(top.get(REFRESH_FAILED))).isEqualTo(json(Map.of("Type", "Fail", "Error", "ProductsFailed",
        "CausePath", "States.JsonToString($.products)")));
    assertThat(top.get(REFRESH_SUCCEEDED).get("Type").asText()).isEqualTo("Succeed");
  }

  @Test
  void standardStateMachineLogsEverythingEncryptedAndTraces() {
    String logGroup = stack.getLogicalId((CfnElement) stack.pipeline().refresh().logGroup().getNode()
        .getDefaultChild());
    String key = stack.getLogicalId((CfnElement) ((software.constructs.IConstruct) stack.pipeline().operationsKey())
        .getNode().getDefaultChild());
    template.hasResourceProperties("AWS::StepFunctions::StateMachine", Match.objectLike(Map.of(
        "StateMachineName", "meshwork-alpina-refresh",
        "StateMachineType", "STANDARD",
        "TracingConfiguration", Map.of("Enabled", true),
        "LoggingConfiguration", Map.of("Level", "ALL", "IncludeExecutionData", true, "Destinations", List.of(Map.of(
            "CloudWatchLogsLogGroup", Map.of("LogGroupArn", Map.of("Fn::GetAtt", List.of(logGroup, "Arn")))))))));
    template.hasResourceProperties("AWS::Logs::LogGroup", Map.of(
        "LogGroupName", "/aws/vendedlogs/states/meshwork-alpina-refresh",
        "RetentionInDays", 365,
        "KmsKeyId", Map.of("Fn::GetAtt", List.of(key, "Arn"))));
  }

  private static List<Map<String, String>> statusIn(String... values) {
    return java.util.Arrays.stream(values).map(value -> Map.of("Variable", "$.status", "StringEquals", value))
        .toList();
  }

  private static JsonNode json(Object value) {
    return JSON.valueToTree(value);
  }

  private static List<String> names(JsonNode states) {
    List<String> names = new ArrayList<>();
    states.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static Map<String, String> types(JsonNode states) {
    Map<String, String> types = new java.util.LinkedHashMap<>();
    for (String name : names(states)) {
      types.put(name, states.get(name).get("Type").asText());
    }
    return types;
  }
}
