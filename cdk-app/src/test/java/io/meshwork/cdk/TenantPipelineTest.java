package io.meshwork.cdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meshwork.cdk.constructs.AccessReconciler;
import io.meshwork.cdk.constructs.ScheduledMaintenance;
import io.meshwork.cdk.constructs.FunctionSize;
import io.meshwork.cdk.constructs.TenantPipeline;
import io.meshwork.cdk.constructs.TenantPipelineProps;
import io.meshwork.cdk.constructs.PipelineFunction;
import io.meshwork.model.definition.DataProduct;
import io.meshwork.model.definition.InvalidDefinitionException;
import io.meshwork.model.definition.Schedule;
import io.meshwork.model.definition.Sla;
import io.meshwork.model.definition.Tenant;
import io.meshwork.model.plan.PlannedProduct;
import io.meshwork.model.plan.Planner;
import io.meshwork.model.plan.TenantPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.s3.Bucket;
import software.constructs.IConstruct;

/** The pipeline of the demo tenants' stacks: functions, schedules, the dependents rule, alarms and permissions. */
class TenantPipelineTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, String> HANDLERS = Map.of("plan", "PlanFunction", "compute", "ComputeFunction",
      "validate", "ValidateFunction", "publish", "PublishFunction", "freshness", "FreshnessFunction",
      "ingest", "IngestFunction");

  @TempDir
  Path temporary;

  @Test
  void functionsRunTheHandlersOnJava25WithSnapStartBehindTheLiveAlias() {
    TenantStack stack = PipelineStacks.stack("alpina");
    Template template = PipelineStacks.template("alpina");
    HANDLERS.forEach((step, handler) -> {
      assertThat(template.findResources("AWS::Lambda::Function", Map.of("Properties", Match.objectLike(Map.of(
          "FunctionName", "meshwork-alpina-" + step,
          "Handler", "io.meshwork.functions." + handler,
          "Runtime", "java25",
          "Architectures", List.of("x86_64"),
          "SnapStart", Map.of("ApplyOn", "PublishedVersions")))))).as(step).hasSize(1);
    });
    String compute = logicalId(stack, stack.pipeline().compute().function());
    Map<String, Map<String, Object>> aliases = template.findResources("AWS::Lambda::Alias", Map.of("Properties",
        Match.objectLike(Map.of("Name", "live", "FunctionName", Map.of("Ref", compute)))));
    assertThat(aliases).hasSize(1);
    @SuppressWarnings("unchecked")
    List<String> version = (List<String>) ((Map<String, Object>) properties(aliases.values().iterator().next())
        .get("FunctionVersion")).get("Fn::GetAtt");
    assertThat(version.get(1)).isEqualTo("Version");
    assertThat(template.findResources("AWS::Lambda::Version", Map.of("Properties", Map.of("FunctionName",
        Map.of("Ref", compute))))).containsOnlyKeys(version.get(0));
  }

  @Test
  void computeHasTheLargestSizeAndTheOtherStepsSmallerDefaults() {
    Template template = PipelineStacks.template("rhenus");
    Map<String, List<Integer>> sizes = Map.of("compute", List.of(3008, 900), "validate", List.of(2048, 600),
        "plan", List.of(1024, 120), "publish", List.of(1024, 120), "freshness", List.of(1024, 60),
        "ingest", List.of(2048, 600));
    sizes.forEach((step, size) -> assertThat(template.findResources("AWS::Lambda::Function", Map.of("Properties",
        Match.objectLike(Map.of("FunctionName", "meshwork-rhenus-" + step, "MemorySize", size.get(0),
            "Timeout", size.get(1), "EphemeralStorage", Map.of("Size", 512)))))).as(step).hasSize(1));
  }

  @Test
  void functionsAreConfiguredForTheGlueCatalogAndTheTenantsWarehouse() {
    TenantStack stack = PipelineStacks.stack("lemanic");
    String bucket = logicalId(stack, stack.dataBucket().bucket());
    Map<String, Object> environment = Map.of(
        "MESHWORK_CATALOG", "glue",
        "MESHWORK_TENANT", "lemanic",
        "MESHWORK_WAREHOUSE", Map.of("Fn::Join", List.of("", List.of("s3://", Map.of("Ref", bucket), "/warehouse"))),
        "JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
    assertThat(PipelineStacks.template("lemanic").findResources("AWS::Lambda::Function", Map.of("Properties",
        Match.objectLike(Map.of("Environment", Map.of("Variables", environment)))))).as("seven pipeline functions"
        + " (both Computes) and the daily maintenance").hasSize(8);
  }

  @Test
  void functionsLogJsonToEncryptedLogGroupsWithRetention() {
    TenantStack stack = PipelineStacks.stack("alpina");
    Template template = PipelineStacks.template("alpina");
    String key = logicalId(stack, (IConstruct) stack.pipeline().operationsKey());
    for (String step : HANDLERS.keySet()) {
      String logGroup = logicalId(stack, pipelineFunction(stack, step).logGroup());
      template.hasResourceProperties("AWS::Logs::LogGroup", Map.of(
          "LogGroupName", "/aws/lambda/meshwork-alpina-" + step,
          "RetentionInDays", 365,
          "KmsKeyId", Map.of("Fn::GetAtt", List.of(key, "Arn"))));
      template.hasResourceProperties("AWS::Lambda::Function", Match.objectLike(Map.of(
          "FunctionName", "meshwork-alpina-" + step,
          "LoggingConfig", Map.of("LogFormat", "JSON", "ApplicationLogLevel", "INFO", "SystemLogLevel", "WARN",
              "LogGroup", Map.of("Ref", logGroup)))));
    }
  }

  @Test
  void sizesConcurrencyAndRetentionComeFromTheProps() throws IOException {
    Template template = Template.fromStack(pipelineStack(plan("alpina"), props -> props
        .computeSize(new FunctionSize(4096, Duration.minutes(12), 2048))
        .maxConcurrency(2)
        .reservedConcurrentExecutions(3)
        .logRetention(RetentionDays.THREE_MONTHS)));

    Map<String, Map<String, Object>> compute = template.findResources("AWS::Lambda::Function", Map.of("Properties",
        Match.objectLike(Map.of("FunctionName", "meshwork-alpina-compute", "MemorySize", 4096, "Timeout", 720,
            "EphemeralStorage", Map.of("Size", 2048), "ReservedConcurrentExecutions", 3))));
    assertThat(compute).hasSize(1);
    assertThat(properties(compute.values().iterator().next())).doesNotContainKey("SnapStart");
    assertThat(PipelineStacks.definition(template).at("/States/Waves/ItemProcessor/States/Products/MaxConcurrency")
        .asInt()).isEqualTo(2);
    assertThat(template.findResources("AWS::Logs::LogGroup", Map.of("Properties", Match.objectLike(Map.of(
        "RetentionInDays", 90))))).hasSize(8);
  }

  @Test
  void schedulesAreTheProductSchedulesOfAlpinaAndRhenusInZurichTime() {
    for (String tenant : List.of("alpina", "rhenus")) {
      Map<String, String> expected = expectedSchedules(tenant);
      assertThat(expected).as(tenant).isNotEmpty();
      assertThat(schedules(tenant)).as(tenant).isEqualTo(expected);
    }
    assertThat(schedules("alpina")).containsEntry("high_cost_claimants", "cron(0 6 ? * MON *)")
        .containsEntry("kpi_summary", "cron(30 5 * * ? *)");
    assertThat(schedules("rhenus")).containsEntry("telmed_savings", "cron(0 6 * * ? *)");
  }

  @Test
  void tenantsSubscriptionScheduleWinsOverTheProducts() {
    assertThat(PipelineStacks.catalog().productVersions("loss_ratio").get(0).sla().schedule().orElseThrow()
        .expression()).isEqualTo("cron(0 5 * * ? *)");
    assertThat(schedules("lemanic")).isEqualTo(expectedSchedules("lemanic"))
        .containsEntry("loss_ratio", "cron(0 7 * * ? *)")
        .containsEntry("cost_per_insured", "cron(0 5 * * ? *)");
  }

  @Test
  void eachScheduleStartsTheStateMachineForItsProductAsTheSchedulerRole() {
    TenantStack stack = PipelineStacks.stack("alpina");
    String machine = logicalId(stack, stack.pipeline().refresh().stateMachine());
    for (Map<String, Object> schedule : productSchedules("alpina")) {
      Map<String, Object> properties = properties(schedule);
      String product = (String) properties.get("Name");
      assertThat(properties).containsEntry("GroupName", "meshwork-alpina")
          .containsEntry("ScheduleExpressionTimezone", "Europe/Zurich")
          .containsEntry("FlexibleTimeWindow", Map.of("Mode", "OFF"));
      @SuppressWarnings("unchecked")
      Map<String, Object> target = (Map<String, Object>) properties.get("Target");
      assertThat(target.get("Arn")).isEqualTo(Map.of("Ref", machine));
      assertThat(parse((String) target.get("Input"))).isEqualTo(json(Map.of("tenant", "alpina", "product", product)));
      assertThat(target.get("RoleArn")).isEqualTo(Map.of("Fn::GetAtt", List.of(logicalId(stack,
          stack.pipeline().getNode().findChild("SchedulerRole")), "Arn")));
    }
    PipelineStacks.template("alpina").hasResourceProperties("AWS::Scheduler::ScheduleGroup",
        Map.of("Name", "meshwork-alpina"));
  }

  @Test
  void schedulerRoleMayOnlyStartThisStateMachine() {
    TenantStack stack = PipelineStacks.stack("alpina");
    Template template = PipelineStacks.template("alpina");
    String role = logicalId(stack, stack.pipeline().getNode().findChild("SchedulerRole"));
    String machine = logicalId(stack, stack.pipeline().refresh().stateMachine());
    String group = logicalId(stack, stack.pipeline().scheduleGroup());
    template.hasResourceProperties("AWS::IAM::Role", Match.objectLike(Map.of("AssumeRolePolicyDocument",
        Match.objectLike(Map.of("Statement", List.of(Map.of(
            "Action", "sts:AssumeRole",
            "Effect", "Allow",
            "Principal", Map.of("Service", "scheduler.amazonaws.com"),
            "Condition", Map.of("StringEquals", Map.of("aws:SourceAccount", "444455556666",
                "aws:SourceArn", Map.of("Fn::GetAtt", List.of(group, "Arn")))))))))));
    assertThat(statementsOf(template, role)).isEqualTo(json(List.of(Map.of("Action", "states:StartExecution",
        "Effect", "Allow", "Resource", Map.of("Ref", machine)))));
  }

  @Test
  void productsWithoutAScheduleGetNone() throws IOException {
    TenantPlan plan = withSchedule(plan("alpina"), "claims_clean", Optional.empty());

    Template template = Template.fromStack(pipelineStack(plan, props -> { }));

    List<String> names = template.findResources("AWS::Scheduler::Schedule").values().stream()
        .map(schedule -> (String) properties(schedule).get("Name")).toList();
    assertThat(names).hasSize(plan.products().size() - 1 + 1).doesNotContain("claims_clean")
        .contains("loss_ratio", TenantPipeline.FRESHNESS_CHECK);
  }

  @Test
  void scheduleThatSchedulerWouldRejectFailsSynthNamingFileAndLine() {
    TenantPlan alpina = plan("alpina");
    Schedule defined = alpina.product("loss_ratio").orElseThrow().schedule().orElseThrow();
    TenantPlan plan = withSchedule(alpina, "loss_ratio",
        Optional.of(new Schedule("cron(0 5 ? * 3#1,6#3 *)", defined.location())));

    assertThatThrownBy(() -> pipelineStack(plan, props -> { }))
        .isInstanceOf(InvalidDefinitionException.class)
        .hasMessage("products/finance/loss_ratio/product.yaml:87:13: Invalid schedule 'cron(0 5 ? * 3#1,6#3 *)' of"
            + " loss_ratio: the day-of-week field '3#1,6#3' is invalid: a day#n must stand alone, EventBridge rejects"
            + " it in a list.");
  }

  @Test
  void dependentsRuleRefreshesWhatReadsAProductOrSourceThatAProductRefreshOrADeliveryPublished() {
    TenantStack stack = PipelineStacks.stack("alpina");
    Template template = PipelineStacks.template("alpina");
    String machine = logicalId(stack, stack.pipeline().refresh().stateMachine());
    String role = logicalId(stack, stack.pipeline().getNode().findChild("DependentsRuleRole"));
    // The other rule is the deliveries' (SourceDeliveriesTest).
    template.resourceCountIs("AWS::Events::Rule", 2);
    template.hasResourceProperties("AWS::Events::Rule", Match.objectLike(Map.of(
        "EventPattern", Map.of(
            "source", List.of("meshwork.pipeline"),
            "detail-type", List.of("ProductPublished"),
            "detail", Map.of(
                "tenant", List.of("alpina"),
                "product", List.of("cantons", "claims", "claims_clean", "cost_per_insured", "insured_months",
                    "insured_persons", "loss_ratio", "premiums", "providers"),
                "$or", List.of(
                    Map.of("request", Map.of("product", List.of(Map.of("exists", true)))),
                    Map.of("request", Map.of("source", List.of(Map.of("exists", true))))))),
        "Targets", List.of(Map.of(
            "Id", "Target0",
            "Arn", Map.of("Ref", machine),
            "RoleArn", Map.of("Fn::GetAtt", List.of(role, "Arn")),
            "InputTransformer", Map.of(
                "InputPathsMap", Map.of("detail-product", "$.detail.product"),
                "InputTemplate", "{\"tenant\":\"alpina\",\"dependentsOf\":<detail-product>}"))))));
    assertThat(statementsOf(template, role)).isEqualTo(json(List.of(Map.of("Action", "states:StartExecution",
        "Effect", "Allow", "Resource", Map.of("Ref", machine)))));
  }

  @Test
  void whenNoPlannedProductReadsAnother_theDependentsRuleFollowsOnlyTheSourcesTheProductsRead() throws IOException {
    TenantPlan alpina = plan("alpina");
    TenantPlan plan = new TenantPlan("alpina", List.of(List.of(alpina.product("claims_clean").orElseThrow())),
        alpina.sources());

    Template template = Template.fromStack(pipelineStack(plan, props -> { }));

    template.resourceCountIs("AWS::Events::Rule", 2);
    template.hasResourceProperties("AWS::Events::Rule", Match.objectLike(Map.of("EventPattern", Match.objectLike(Map.of(
        "source", List.of("meshwork.pipeline"),
        "detail", Match.objectLike(Map.of("product", List.of("claims", "providers"))))))));
  }

  @Test
  void failedRunsAlarmFiresOnOneFailedExecutionInFiveMinutes() {
    TenantStack stack = PipelineStacks.stack("rhenus");
    PipelineStacks.template("rhenus").hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.ofEntries(
        Map.entry("AlarmName", "meshwork-rhenus-refresh-failed"),
        Map.entry("Namespace", "AWS/States"),
        Map.entry("MetricName", "ExecutionsFailed"),
        Map.entry("Dimensions", List.of(Map.of("Name", "StateMachineArn", "Value", Map.of("Ref",
            logicalId(stack, stack.pipeline().refresh().stateMachine()))))),
        Map.entry("Statistic", "Sum"),
        Map.entry("Period", 300),
        Map.entry("EvaluationPeriods", 1),
        Map.entry("Threshold", 1),
        Map.entry("ComparisonOperator", "GreaterThanOrEqualToThreshold"),
        Map.entry("TreatMissingData", "notBreaching"),
        Map.entry("AlarmActions", List.of(Map.of("Ref", logicalId(stack, stack.pipeline().notifications())))))));
  }

  @Test
  void everyProductWithAFreshnessSla_ofAnyLength_hasAnAlarmOnItsHoursSincePublished() {
    TenantStack stack = PipelineStacks.stack("alpina");
    Map<String, Map<String, Object>> byProduct = freshnessAlarms(PipelineStacks.template("alpina"));
    Map<String, Double> thresholds = new TreeMap<>();
    byProduct.forEach((product, alarm) -> thresholds.put(product, ((Number) alarm.get("Threshold")).doubleValue()));

    assertThat(thresholds).containsExactlyEntriesOf(new TreeMap<>(Map.of("claims_clean", 30.0,
        "claims_triangle", 840.0, "cost_by_provider_type", 30.0, "cost_per_insured", 30.0,
        "high_cost_claimants", 192.0, "insured_months", 30.0, "kpi_summary", 30.0, "loss_ratio", 30.0,
        "risk_equalisation_cells", 768.0)));
    assertThat(stack.pipeline().freshnessAlarms()).containsOnlyKeys(byProduct.keySet());
    String topic = logicalId(stack, stack.pipeline().notifications());
    byProduct.forEach((product, alarm) -> assertThat(alarm).as(product)
        .containsEntry("AlarmName", "meshwork-alpina-" + product + "-freshness")
        .containsEntry("Namespace", "Meshwork")
        .containsEntry("MetricName", "HoursSincePublished")
        .containsEntry("Statistic", "Maximum")
        .containsEntry("Period", 3600)
        .containsEntry("EvaluationPeriods", 2)
        .containsEntry("DatapointsToAlarm", 2)
        .containsEntry("ComparisonOperator", "GreaterThanThreshold")
        .containsEntry("TreatMissingData", "breaching")
        .containsEntry("AlarmActions", List.of(Map.of("Ref", topic)))
        .containsEntry("Dimensions", List.of(Map.of("Name", "Product", "Value", product),
            Map.of("Name", "Tenant", "Value", "alpina"))));
    assertThat(byProduct.get("claims_triangle").get("AlarmDescription")).isEqualTo("claims_triangle of tenant alpina"
        + " breaches its freshness SLA of P35D: published more than 840 hours ago, never published, or not reported"
        + " by the hourly freshness check (meshwork-alpina-freshness).");
    assertThat(PipelineStacks.template("rhenus").findResources("AWS::CloudWatch::Alarm", Map.of("Properties",
        Match.objectLike(Map.of("MetricName", "Published"))))).as("no alarm counts publications any more").isEmpty();
  }

  @Test
  void slaUnderAnHourHasAFractionalThreshold_andProductsWithoutSlaHaveNoAlarm() throws IOException {
    TenantPlan alpina = plan("alpina");
    TenantPlan plan = withFreshness(withFreshness(alpina, "claims_clean",
        Optional.of(java.time.Duration.ofMinutes(45))), "loss_ratio", Optional.empty());

    Map<String, Map<String, Object>> alarms = freshnessAlarms(Template.fromStack(pipelineStack(plan, props -> { })));

    assertThat(alarms).hasSize(alpina.products().size() - 1).doesNotContainKey("loss_ratio");
    assertThat(alarms.get("claims_clean")).containsEntry("Threshold", 0.75);
    assertThat(alarms.get("claims_clean").get("AlarmDescription").toString())
        .contains("SLA of PT45M: published more than 0.75 hours ago");
  }

  @Test
  void freshnessCheckRunsAtMinuteThirtyOfEveryHourInZurichTime_invokingTheLiveAliasWithTheTenant() {
    TenantStack stack = PipelineStacks.stack("lemanic");
    PipelineFunction check = stack.pipeline().freshness().orElseThrow();
    String alias = stack.getLogicalId((CfnElement) check.alias().getNode().getDefaultChild());
    String role = logicalId(stack, stack.pipeline().getNode().findChild("FreshnessSchedulerRole"));
    Map<String, Map<String, Object>> schedules = PipelineStacks.template("lemanic").findResources(
        "AWS::Scheduler::Schedule", Map.of("Properties", Match.objectLike(Map.of("Name", "freshness-check"))));

    assertThat(schedules).hasSize(1);
    assertThat(json(properties(schedules.values().iterator().next()))).isEqualTo(json(Map.of(
        "Name", "freshness-check",
        "GroupName", "meshwork-lemanic",
        "Description", "Reports how long ago each product with a freshness SLA was published",
        "ScheduleExpression", "cron(30 * * * ? *)",
        "ScheduleExpressionTimezone", "Europe/Zurich",
        "FlexibleTimeWindow", Map.of("Mode", "OFF"),
        "State", "ENABLED",
        "Target", Map.of(
            "Arn", Map.of("Ref", alias),
            "RoleArn", Map.of("Fn::GetAtt", List.of(role, "Arn")),
            "Input", "{\"tenant\":\"lemanic\"}",
            "RetryPolicy", Map.of("MaximumEventAgeInSeconds", 3600, "MaximumRetryAttempts", 2)))));
    assertThat(stack.pipeline().freshnessCheck()).isPresent();
  }

  @Test
  void freshnessSchedulerRoleMayOnlyInvokeTheCheck() {
    TenantStack stack = PipelineStacks.stack("alpina");
    Template template = PipelineStacks.template("alpina");
    String role = logicalId(stack, stack.pipeline().getNode().findChild("FreshnessSchedulerRole"));
    String alias = stack.getLogicalId((CfnElement) stack.pipeline().freshness().orElseThrow().alias().getNode()
        .getDefaultChild());
    String group = logicalId(stack, stack.pipeline().scheduleGroup());

    assertThat(json(properties(template.findResources("AWS::IAM::Role").get(role)).get("AssumeRolePolicyDocument"))
        .get("Statement")).isEqualTo(json(List.of(Map.of(
            "Action", "sts:AssumeRole",
            "Effect", "Allow",
            "Principal", Map.of("Service", "scheduler.amazonaws.com"),
            "Condition", Map.of("StringEquals", Map.of("aws:SourceAccount", "444455556666",
                "aws:SourceArn", Map.of("Fn::GetAtt", List.of(group, "Arn"))))))));
    assertThat(statementsOf(template, role)).isEqualTo(json(List.of(Map.of("Action", "lambda:InvokeFunction",
        "Effect", "Allow", "Resource", Map.of("Ref", alias)))));
  }

  @Test
  void freshnessCheckReadsOnlyTheMetadataOfTheProductsWithAnSla() {
    TenantStack stack = PipelineStacks.stack("lemanic");
    Template template = PipelineStacks.template("lemanic");
    String bucket = logicalId(stack, stack.dataBucket().bucket());
    String key = logicalId(stack, stack.key());
    String logs = logicalId(stack, stack.pipeline().freshness().orElseThrow().logGroup());

    assertThat(stack.pipeline().freshnessTables()).extracting(Object::toString).containsExactly(
        "claims.claims_clean_v1", "membership.insured_months_v1", "finance.cost_per_insured_v1",
        "finance.loss_ratio_v1");
    assertThat(statementsOf(template, logicalId(stack, stack.pipeline().freshness().orElseThrow().role())))
        .isEqualTo(json(List.of(
            Map.of("Action", List.of("logs:CreateLogStream", "logs:PutLogEvents"), "Effect", "Allow",
                "Resource", Map.of("Fn::GetAtt", List.of(logs, "Arn"))),
            Map.of("Sid", "ReadTableMetadataFiles", "Action", "s3:GetObject", "Effect", "Allow", "Resource", List.of(
                objects(bucket, "claims/claims_clean_v1/metadata"),
                objects(bucket, "finance/cost_per_insured_v1/metadata"),
                objects(bucket, "finance/loss_ratio_v1/metadata"),
                objects(bucket, "membership/insured_months_v1/metadata"))),
            Map.of("Sid", "DecryptThroughS3", "Action", "kms:Decrypt", "Effect", "Allow",
                "Resource", Map.of("Fn::GetAtt", List.of(key, "Arn")),
                "Condition", Map.of("StringEquals", Map.of("kms:ViaService", "s3.eu-central-2.amazonaws.com"))),
            Map.of("Sid", "GetGlueTables", "Action", "glue:GetTable", "Effect", "Allow", "Resource", List.of(
                glue("catalog"), glue("database/claims"), glue("database/finance"), glue("database/membership"),
                glue("table/claims/claims_clean_v1"), glue("table/finance/cost_per_insured_v1"),
                glue("table/finance/loss_ratio_v1"), glue("table/membership/insured_months_v1"))))));
  }

  @Test
  void planWithoutFreshnessSlas_hasNoFreshnessCheckScheduleOrAlarm() throws IOException {
    TenantPlan alpina = plan("alpina");
    TenantPlan plan = new TenantPlan("alpina", List.of(List.of(alpina.product("claims_clean").orElseThrow())),
        alpina.sources());
    plan = withFreshness(plan, "claims_clean", Optional.empty());

    Template template = Template.fromStack(pipelineStack(plan, props -> { }));

    assertThat(template.findResources("AWS::Lambda::Function", Map.of("Properties", Match.objectLike(Map.of(
        "FunctionName", "meshwork-alpina-freshness"))))).isEmpty();
    assertThat(template.findResources("AWS::Scheduler::Schedule").values())
        .extracting(schedule -> properties(schedule).get("Name")).containsExactly("claims_clean");
    assertThat(freshnessAlarms(template)).isEmpty();
  }

  @Test
  void functionRolesReachOnlyTheWarehouseTablesTheirStepNeeds() {
    TenantStack stack = PipelineStacks.stack("lemanic");
    Template template = PipelineStacks.template("lemanic");
    String bucket = logicalId(stack, stack.dataBucket().bucket());
    String key = logicalId(stack, stack.key());
    String logs = logicalId(stack, stack.pipeline().plan().logGroup());
    // Plan writes its logs and reads the planned tables' metadata, to size each product from its inputs.
    Map<String, JsonNode> plan = bySid(statementsOf(template, logicalId(stack, stack.pipeline().plan().role())));
    assertThat(plan.keySet()).containsExactly("", "ReadTableMetadataFiles", "DecryptThroughS3", "GetGlueTables");
    assertThat(plan.get("")).isEqualTo(json(Map.of("Action", List.of("logs:CreateLogStream", "logs:PutLogEvents"),
        "Effect", "Allow", "Resource", Map.of("Fn::GetAtt", List.of(logs, "Arn")))));
    assertThat(plan.get("ReadTableMetadataFiles").get("Action").asText()).isEqualTo("s3:GetObject");
    assertThat(plan.get("ReadTableMetadataFiles").get("Resource").toString()).contains("/metadata/*")
        .doesNotContain("warehouse/claims/*");
    assertThat(plan.get("GetGlueTables").get("Action").asText()).isEqualTo("glue:GetTable");

    Map<String, JsonNode> compute = bySid(statementsOf(template, logicalId(stack, stack.pipeline().compute().role())));
    assertThat(compute.keySet()).containsExactly("", "ReadWarehouseFiles", "ListWarehouse", "UseDataKeyThroughS3",
        "ReadGlueTables", "LakeFormationDataAccess", "WriteWarehouseFiles", "CommitGlueTables", "CreateOwnTable");
    assertThat(compute.get("WriteWarehouseFiles").get("Resource")).isEqualTo(json(List.of(
        objects(bucket, "claims"), objects(bucket, "finance"), objects(bucket, "membership"),
        objects(bucket, "meshwork"))));
    assertThat(compute.get("ReadWarehouseFiles").get("Resource")).isEqualTo(json(List.of(
        objects(bucket, "claims"), objects(bucket, "finance"), objects(bucket, "membership"),
        objects(bucket, "meshwork"), objects(bucket, "sources"))));
    assertThat(compute.get("CommitGlueTables").get("Resource")).isEqualTo(json(List.of(
        glue("catalog"), glue("database/claims"), glue("database/finance"), glue("database/membership"),
        glue("database/meshwork"), glue("table/claims/claims_clean_v1"), glue("table/finance/cost_per_insured_v1"),
        glue("table/finance/loss_ratio_v1"), glue("table/membership/insured_months_v1"),
        glue("table/meshwork/usage_v1"))));
    assertThat(compute.get("CreateOwnTable").get("Resource")).isEqualTo(json(List.of(
        glue("catalog"), glue("database/meshwork"), glue("table/meshwork/usage_v1"))));
    assertThat(compute.get("UseDataKeyThroughS3")).isEqualTo(json(Map.of(
        "Sid", "UseDataKeyThroughS3", "Effect", "Allow", "Action", List.of("kms:Decrypt", "kms:GenerateDataKey"),
        "Resource", Map.of("Fn::GetAtt", List.of(key, "Arn")),
        "Condition", Map.of("StringEquals", Map.of("kms:ViaService", "s3.eu-central-2.amazonaws.com")))));
    assertThat(compute.get("LakeFormationDataAccess").get("Action").asText())
        .isEqualTo("lakeformation:GetDataAccess");

    Map<String, JsonNode> validate = bySid(statementsOf(template,
        logicalId(stack, stack.pipeline().validate().role())));
    assertThat(validate.get("WriteWarehouseFiles").get("Resource")).isEqualTo(json(objects(bucket, "meshwork")));
    assertThat(validate.get("CreateOwnTable").get("Resource")).isEqualTo(json(List.of(
        glue("catalog"), glue("database/meshwork"), glue("table/meshwork/quality_results_v1"),
        glue("table/meshwork/usage_v1"))));
    Map<String, JsonNode> publish = bySid(statementsOf(template, logicalId(stack, stack.pipeline().publish().role())));
    assertThat(publish.get("ReadWarehouseFiles").toString()).doesNotContain("sources");
  }

  @Test
  void noIamStatementOfOneTenantsStackMentionsAnotherTenant() {
    Map<String, String> accounts = new LinkedHashMap<>();
    PipelineStacks.catalog().tenants().forEach(tenant -> accounts.put(tenant.id(), tenant.account().id()
        .orElseThrow()));
    for (String tenant : accounts.keySet()) {
      Template template = PipelineStacks.template(tenant);
      List<String> documents = new ArrayList<>();
      template.findResources("AWS::IAM::Policy").values()
          .forEach(policy -> documents.add(json(properties(policy).get("PolicyDocument")).toString()));
      template.findResources("AWS::IAM::Role").values()
          .forEach(role -> documents.add(json(properties(role)).toString()));
      template.findResources("AWS::KMS::Key").values()
          .forEach(key -> documents.add(json(properties(key).get("KeyPolicy")).toString()));
      assertThat(documents).as(tenant).hasSizeGreaterThan(10);
      for (String document : documents) {
        accounts.forEach((other, account) -> {
          if (!other.equals(tenant)) {
            assertThat(document).as(tenant + " naming " + other).doesNotContain(account).doesNotContain(other);
          }
        });
        assertThat(document).as(tenant).doesNotContain("Fn::ImportValue");
        Matcher arns = Pattern.compile("arn:[^\"]*?:(\\d{12}):").matcher(document);
        while (arns.find()) {
          assertThat(arns.group(1)).as(tenant + " ARN account").isEqualTo(accounts.get(tenant));
        }
      }
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyPipelineSuppressionCarriesAWrittenReason() {
    for (String tenant : PipelineStacks.tenants()) {
      List<Map<String, Object>> suppressions = new ArrayList<>();
      PipelineStacks.template(tenant).toJSON().entrySet().stream()
          .filter(entry -> entry.getKey().equals("Resources"))
          .flatMap(entry -> ((Map<String, Map<String, Object>>) entry.getValue()).entrySet().stream())
          .filter(resource -> resource.getKey().startsWith("Pipeline"))
          .map(resource -> (Map<String, Object>) resource.getValue().get("Metadata"))
          .filter(metadata -> metadata != null && metadata.containsKey("cdk_nag"))
          .forEach(metadata -> suppressions.addAll((List<Map<String, Object>>) ((Map<String, Object>) metadata
              .get("cdk_nag")).get("rules_to_suppress")));
      assertThat(suppressions).extracting(suppression -> (String) suppression.get("id")).as(tenant)
          .containsOnly("AwsSolutions-IAM5", "HIPAA.Security-LambdaDLQ",
              "HIPAA.Security-LambdaInsideVPC", "HIPAA.Security-LambdaConcurrency",
              "HIPAA.Security-IAMNoInlinePolicy");
      assertThat(suppressions).as(tenant).allSatisfy(suppression ->
          assertThat((String) suppression.get("reason")).hasSizeGreaterThan(60));
    }
  }

  /** The schedule each planned product should have: its tenant's subscription schedule, else its own. */
  private static Map<String, String> expectedSchedules(String tenantId) {
    Tenant tenant = PipelineStacks.catalog().tenant(tenantId).orElseThrow();
    Map<String, String> expected = new TreeMap<>();
    for (PlannedProduct planned : plan(tenantId).products()) {
      Optional<Schedule> subscribed = tenant.subscriptions().stream()
          .filter(subscription -> subscription.product().equals(planned.name()))
          .flatMap(subscription -> subscription.schedule().stream())
          .findFirst();
      subscribed.or(() -> planned.product().sla().schedule())
          .ifPresent(schedule -> expected.put(planned.name(), schedule.expression()));
    }
    return expected;
  }

  private static Map<String, String> schedules(String tenant) {
    Map<String, String> schedules = new TreeMap<>();
    productSchedules(tenant).forEach(schedule -> schedules
        .put((String) properties(schedule).get("Name"), (String) properties(schedule).get("ScheduleExpression")));
    return schedules;
  }

  /** The schedules that refresh products: all but the freshness check, the access drift repair and maintenance. */
  private static List<Map<String, Object>> productSchedules(String tenant) {
    return PipelineStacks.template(tenant).findResources("AWS::Scheduler::Schedule").values().stream()
        .filter(schedule -> !TenantPipeline.FRESHNESS_CHECK.equals(properties(schedule).get("Name"))
            && !AccessReconciler.DRIFT_REPAIR.equals(properties(schedule).get("Name"))
            && !ScheduledMaintenance.SCHEDULE_NAME.equals(properties(schedule).get("Name")))
        .toList();
  }

  private static TenantPlan plan(String tenant) {
    return new Planner(PipelineStacks.catalog()).plan(tenant);
  }

  /** The freshness alarms of {@code template}'s pipeline by product. */
  private static Map<String, Map<String, Object>> freshnessAlarms(Template template) {
    Map<String, Map<String, Object>> byProduct = new TreeMap<>();
    template.findResources("AWS::CloudWatch::Alarm", Map.of("Properties", Match.objectLike(Map.of(
        "MetricName", TenantPipeline.FRESHNESS_METRIC)))).values()
        .forEach(alarm -> byProduct.put(dimension(properties(alarm), "Product"), properties(alarm)));
    return byProduct;
  }

  /** {@code plan} with the freshness SLA of {@code product} replaced by {@code freshness}. */
  private static TenantPlan withFreshness(TenantPlan plan, String product, Optional<java.time.Duration> freshness) {
    return new TenantPlan(plan.tenantId(), plan.waves().stream().map(wave -> wave.stream()
        .map(planned -> !planned.name().equals(product) ? planned : new PlannedProduct(withSla(planned.product(),
            new Sla(freshness, planned.product().sla().schedule())), planned.origin(), planned.transform(),
            planned.parameters(), planned.inputs(), planned.schedule(), planned.fingerprint(), planned.reasons()))
        .toList()).toList(), plan.sources());
  }

  private static DataProduct withSla(DataProduct product, Sla sla) {
    return new DataProduct(product.name(), product.domain(), product.version(), product.status(), product.owner(),
        product.description(), product.tags(), product.tenant(), product.inputs(), product.parameters(),
        product.transform(), product.contract(), product.quality(), sla, product.access(), product.location());
  }

  private static TenantPlan withSchedule(TenantPlan plan, String product, Optional<Schedule> schedule) {
    return new TenantPlan(plan.tenantId(), plan.waves().stream().map(wave -> wave.stream()
        .map(planned -> !planned.name().equals(product) ? planned : new PlannedProduct(planned.product(),
            planned.origin(), planned.transform(), planned.parameters(), planned.inputs(), schedule,
            planned.fingerprint(), planned.reasons()))
        .toList()).toList(), plan.sources());
  }

  /**
   * A stack holding only a pipeline for {@code plan}. Its code is a directory with one small file: these tests check
   * the synthesized resources, and the real jar is built and checked in the functions module.
   */
  private Stack pipelineStack(TenantPlan plan, Consumer<TenantPipelineProps.Builder> settings) throws IOException {
    Path code = Files.createDirectories(temporary.resolve("code"));
    Files.writeString(code.resolve("placeholder.txt"), "stands in for meshwork-functions-lambda.jar");
    App app = new App();
    Stack stack = new Stack(app, "PipelineOnly", StackProps.builder()
        .env(Environment.builder().account("444455556666").region("eu-central-2").build())
        .build());
    Key key = Key.Builder.create(stack, "DataKey").enableKeyRotation(true).build();
    Bucket bucket = Bucket.Builder.create(stack, "DataBucket").encryptionKey(key).build();
    TenantPipelineProps.Builder props = TenantPipelineProps.builder(plan.tenantId(), plan, bucket, key,
        Code.fromAsset(code.toString()));
    settings.accept(props);
    new TenantPipeline(stack, "Pipeline", props.build());
    return stack;
  }

  private static PipelineFunction pipelineFunction(TenantStack stack, String step) {
    return switch (step) {
      case "plan" -> stack.pipeline().plan();
      case "compute" -> stack.pipeline().compute();
      case "validate" -> stack.pipeline().validate();
      case "publish" -> stack.pipeline().publish();
      case "ingest" -> stack.pipeline().deliveries().orElseThrow().ingest();
      default -> stack.pipeline().freshness().orElseThrow();
    };
  }

  /** The statements of the policy attached to role {@code roleLogicalId}. */
  @SuppressWarnings("unchecked")
  private static JsonNode statementsOf(Template template, String roleLogicalId) {
    List<Map<String, Object>> policies = template.findResources("AWS::IAM::Policy").values().stream()
        .filter(policy -> ((List<Object>) properties(policy).get("Roles")).contains(Map.of("Ref", roleLogicalId)))
        .toList();
    assertThat(policies).as("policies of " + roleLogicalId).hasSize(1);
    return json(((Map<String, Object>) properties(policies.get(0)).get("PolicyDocument")).get("Statement"));
  }

  private static Map<String, JsonNode> bySid(JsonNode statements) {
    Map<String, JsonNode> bySid = new LinkedHashMap<>();
    statements.forEach(statement -> bySid.put(statement.path("Sid").asText(), statement));
    return bySid;
  }

  private static Map<String, Object> objects(String bucket, String namespace) {
    return Map.of("Fn::Join", List.of("", List.of(Map.of("Fn::GetAtt", List.of(bucket, "Arn")),
        "/warehouse/" + namespace + "/*")));
  }

  private static Map<String, Object> glue(String resource) {
    return Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"),
        ":glue:eu-central-2:111122223333:" + resource)));
  }

  @SuppressWarnings("unchecked")
  private static String dimension(Map<String, Object> alarm, String name) {
    return ((List<Map<String, String>>) alarm.get("Dimensions")).stream()
        .filter(dimension -> dimension.get("Name").equals(name))
        .map(dimension -> dimension.get("Value"))
        .findFirst().orElseThrow();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> properties(Map<String, Object> resource) {
    return (Map<String, Object>) resource.get("Properties");
  }

  private static String logicalId(Stack stack, IConstruct construct) {
    IConstruct resource = construct instanceof CfnElement ? construct : construct.getNode().getDefaultChild();
    return stack.getLogicalId((CfnElement) resource);
  }

  private static JsonNode json(Object value) {
    return JSON.valueToTree(value);
  }

  private static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new AssertionError(text, e);
    }
  }
}
