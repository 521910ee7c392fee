package io.meshwork.localstack.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.cdk.MeshworkApp;
import io.meshwork.cdk.TenantStack;
import io.meshwork.cdk.constructs.TenantPipeline;
import io.meshwork.localstack.emulators.EmulatorAccount;
import io.meshwork.localstack.emulators.EmulatorEndpoints;
import io.meshwork.localstack.emulators.EmulatorTest;
import io.meshwork.model.definition.Catalog;
import io.meshwork.model.definition.Problems;
import io.meshwork.model.definition.Tenant;
import io.meshwork.model.parse.CatalogLoader;
import io.meshwork.model.parse.DirectoryDefinitionFiles;
import io.meshwork.model.plan.Planner;
import io.meshwork.model.plan.TenantPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.EncryptionOption;
import software.amazon.awssdk.services.athena.model.ResultConfiguration;
import software.amazon.awssdk.services.athena.model.WorkGroup;
import software.amazon.awssdk.services.athena.model.WorkGroupState;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.DescribeRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.RuleState;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Database;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;
import software.amazon.awssdk.services.scheduler.model.ScheduleState;
import software.amazon.awssdk.services.scheduler.model.ScheduleSummary;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Tenant alpina's stack, synthesized by the CDK app from the shipped catalogue, deployed through the emulator's
 * CloudFormation into an account of its own, and read back resource by resource through each service's API. The
 * Lake Formation resources and the access custom resource are removed first ({@link EmulatorTemplate#UNSUPPORTED});
 * everything else deploys, the access function and its drift-repair schedule included.
 */
@EmulatorTest
class TenantStackDeploymentTest {

  private static final Path CATALOG_DIRECTORY = Path.of("..", "product-definitions", "catalog");
  private static final String TENANT = "alpina";

  @Test
  void tenantStack_deploysThroughCloudFormation_withoutItsLakeFormationResources(EmulatorEndpoints endpoints)
      throws Exception {
    EmulatorAccount account = EmulatorAccount.fresh(endpoints);
    Catalog catalog = CatalogLoader.load(new DirectoryDefinitionFiles(CATALOG_DIRECTORY));
    Tenant tenant = inAccount(catalog.tenant(TENANT).orElseThrow(), account.id());
    Problems problems = new Problems();
    TenantPlan plan = new Planner(catalog).plan(tenant, problems);
    problems.throwIfAny();
    App app = MeshworkApp.newApp();
    new TenantStack(app, tenant, plan, Optional.empty());

    try (SynthesizedApp synthesized = SynthesizedApp.synth(app)) {
      AssemblyStack stack = synthesized.stack(TenantStack.nameOf(TENANT));
      EmulatorTemplate template = EmulatorTemplate.of(stack.template());

      DeployedStack deployed = DeployedStack.deploy(account, stack, template);

      assertThat(template.removed().values()).isNotEmpty()
          .allMatch(type -> type.startsWith("AWS::LakeFormation::") || type.equals("Custom::MeshworkAccess")
              || type.equals("AWS::CloudTrail::Trail"))
          .contains("Custom::MeshworkAccess", "AWS::CloudTrail::Trail");
      DeployedChecks.everyKeptResourceCreated(deployed, template);
      new Checks(account, plan, stack, template, deployed).all();
    }
  }

  /**
   * {@code shipped} as if its account were {@code accountId}: the account id and its principals' role ARNs (which
   * must be in the tenant's account) move there; nothing else changes. A fresh account per run keeps runs against a
   * long-lived emulator apart.
   */
  private static Tenant inAccount(Tenant shipped, String accountId) {
    String from = ":" + shipped.account().id().orElseThrow() + ":";
    List<Tenant.Principal> principals = shipped.principals().stream().map(principal -> new Tenant.Principal(
        principal.name(), principal.arn().map(arn -> arn.replace(from, ":" + accountId + ":")), principal.roles(),
        principal.location())).toList();
    return new Tenant(shipped.id(), shipped.displayName(), new Tenant.Account(shipped.account().email(),
        Optional.of(accountId), shipped.account().region(), shipped.account().location()), shipped.subscriptions(),
        shipped.overrides(), principals, shipped.location());
  }

  /** The deployed resources, service by service. */
  private record Checks(EmulatorAccount account, TenantPlan plan, AssemblyStack stack, EmulatorTemplate template,
      DeployedStack deployed) {

    void all() throws Exception {
      String dataKey;
      String operationsKey;
      try (KmsClient kms = account.client(KmsClient.builder()).build()) {
        dataKey = DeployedChecks.key(kms, deployed.physicalId("AWS::KMS::Key", "DataKey"),
            "Encrypts the Meshwork data of tenant alpina", "alias/meshwork/data");
        operationsKey = DeployedChecks.key(kms, deployed.physicalId("AWS::KMS::Key", "PipelineOperationsKey"),
            "Encrypts the Meshwork pipeline logs and notifications of tenant alpina", "alias/meshwork/operations");
      }
      String dataBucket = DeployedChecks.dataBucket(account, template, deployed, "Data", "DataKey");
      glueCatalog(dataBucket);
      athena(dataBucket, dataKey);
      try (LambdaClient lambda = account.client(LambdaClient.builder()).build()) {
        for (String step : List.of("Plan", "Compute", "Validate", "Publish", "Ingest", "Maintenance")) {
          function(lambda, "meshwork-alpina-" + step.toLowerCase(), "io.meshwork.functions." + step + "Function",
              dataBucket);
        }
      }
      String stateMachine = deployed.physicalId("AWS::StepFunctions::StateMachine", "PipelineRefreshStateMachine");
      stateMachine(stateMachine);
      schedules(stateMachine);
      dependentsRule(stateMachine);
      deliveriesRule(dataBucket);
      String topic = deployed.physicalId("AWS::SNS::Topic", "PipelineNotifications");
      try (SnsClient sns = account.client(SnsClient.builder()).build()) {
        assertThat(topic).endsWith(":meshwork-alpina-notifications");
        // MiniStack's AWS::SNS::Topic provisioner drops KmsMasterKeyId (the template sets the operations key).
        assertThat(sns.getTopicAttributes(request -> request.topicArn(topic)).attributes())
            .containsEntry("DisplayName", "Meshwork alpina").doesNotContainKey("KmsMasterKeyId");
      }
      alarms(stateMachine, topic);
      try (CloudWatchLogsClient logs = account.client(CloudWatchLogsClient.builder()).build()) {
        List<LogGroup> groups = logs.describeLogGroups(request -> request.logGroupNamePrefix("/aws/")).logGroups();
        assertThat(groups).extracting(LogGroup::logGroupName).containsExactlyInAnyOrderElementsOf(
            DeployedChecks.declared(template, "AWS::Logs::LogGroup", "LogGroupName"));
        assertThat(groups).allSatisfy(group -> {
          assertThat(group.retentionInDays()).isEqualTo(365);
          assertThat(group.kmsKeyId()).isEqualTo(operationsKey);
        });
      }
    }

    /** A database per domain of the plan plus meshwork, each with the plan's tables of that domain. */
    private void glueCatalog(String dataBucket) {
      Map<String, List<String>> expected = new TreeMap<>();
      plan.products().forEach(product -> expected.computeIfAbsent(product.tableName().namespace(),
          namespace -> new ArrayList<>()).add(product.tableName().table()));
      plan.sources().forEach(source -> expected.computeIfAbsent(source.tableName().namespace(),
          namespace -> new ArrayList<>()).add(source.tableName().table()));
      expected.put(TenantPipeline.QUALITY_RESULTS.namespace(), List.of());
      try (GlueClient glue = account.client(GlueClient.builder()).build()) {
        List<Database> databases = glue.getDatabases(request -> request.catalogId(account.id())).databaseList();
        assertThat(databases).extracting(Database::name).containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (Database database : databases) {
          assertThat(database.locationUri()).isEqualTo("s3://" + dataBucket + "/warehouse/" + database.name());
          assertThat(glue.getTables(request -> request.databaseName(database.name())).tableList())
              .as(database.name()).extracting(Table::name)
              .containsExactlyInAnyOrderElementsOf(expected.get(database.name()));
        }
        Table claimsClean = glue.getTable(request -> request.databaseName("claims").name("claims_clean_v1"))
            .table();
        assertThat(claimsClean.storageDescriptor().columns())
            .extracting(software.amazon.awssdk.services.glue.model.Column::name)
            .containsExactlyElementsOf(plan.product("claims_clean").orElseThrow().product().contract().columns()
                .stream().map(io.meshwork.model.definition.Column::name).toList());
        assertThat(claimsClean.storageDescriptor().location())
            .isEqualTo("s3://" + dataBucket + "/warehouse/claims/claims_clean_v1");
        // On AWS, OpenTableFormatInput makes Glue write Iceberg metadata and set table_type=ICEBERG and
        // metadata_location. MiniStack's Glue ignores it: the table is a plain external table, which Iceberg's
        // GlueCatalog does not load as an Iceberg table.
        assertThat(claimsClean.tableType()).isEqualTo("EXTERNAL_TABLE");
        assertThat(claimsClean.parameters()).isEmpty();
      }
    }

    private void athena(String dataBucket, String dataKey) {
      try (AthenaClient athena = account.client(AthenaClient.builder()).build()) {
        WorkGroup workGroup = athena.getWorkGroup(request -> request.workGroup("meshwork")).workGroup();
        assertThat(workGroup.state()).isEqualTo(WorkGroupState.ENABLED);
        ResultConfiguration results = workGroup.configuration().resultConfiguration();
        assertThat(results.outputLocation()).isEqualTo("s3://" + dataBucket + "/athena-results/");
        assertThat(results.encryptionConfiguration().encryptionOption()).isEqualTo(EncryptionOption.SSE_KMS);
        assertThat(results.encryptionConfiguration().kmsKey()).isEqualTo(dataKey);
        assertThat(workGroup.configuration().bytesScannedCutoffPerQuery()).isEqualTo(10L * 1024 * 1024 * 1024);
      }
    }

    /** The function's settings, its live alias, and its code: the jar asset, fetched from the bootstrap bucket. */
    private void function(LambdaClient lambda, String name, String handler, String dataBucket) throws Exception {
      FunctionConfiguration function = lambda.getFunction(request -> request.functionName(name)).configuration();
      assertThat(function.runtimeAsString()).as(name).isEqualTo("java25");
      assertThat(function.handler()).as(name).isEqualTo(handler);
      assertThat(function.environment().variables()).as(name).containsEntry("MESHWORK_CATALOG", "glue")
          .containsEntry("MESHWORK_TENANT", TENANT)
          .containsEntry("MESHWORK_WAREHOUSE", "s3://" + dataBucket + "/warehouse");
      Path jar = functionsJar();
      assertThat(function.codeSize()).as(name).isEqualTo(Files.size(jar));
      assertThat(function.codeSha256()).as(name).isEqualTo(Base64.getEncoder().encodeToString(
          MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(jar))));
      assertThat(lambda.getAlias(request -> request.functionName(name).name("live")).functionVersion()).as(name)
          .isEqualTo("1");
    }

    /** The jar asset of the functions, as staged in the cloud assembly. */
    private Path functionsJar() {
      List<Path> jars = new ArrayList<>();
      stack.assets().path("files").forEach(asset -> {
        String path = asset.path("source").path("path").asText();
        if (path.endsWith(".jar")) {
          jars.add(stack.directory().resolve(path));
        }
      });
      assertThat(jars).hasSize(1);
      return jars.get(0);
    }

    private void stateMachine(String arn) throws Exception {
      try (SfnClient sfn = account.client(SfnClient.builder()).build()) {
        DescribeStateMachineResponse described = sfn.describeStateMachine(request -> request.stateMachineArn(arn));
        assertThat(described.name()).isEqualTo("meshwork-alpina-refresh");
        assertThat(described.type()).isEqualTo(StateMachineType.STANDARD);
        assertThat(AssemblyStack.JSON.readTree(described.definition()).path("StartAt").asText())
            .isEqualTo("Scope of refresh");
        assertThat(described.definition()).contains("meshwork-alpina-compute");
        // Not asserted: MiniStack stores the template's LoggingConfiguration with CloudFormation's key case
        // ("Level"), which the API's "level" does not match, so the SDK reads no logging configuration.
      }
    }

    private void schedules(String stateMachine) {
      try (SchedulerClient scheduler = account.client(SchedulerClient.builder()).build()) {
        assertThat(scheduler.listSchedules(request -> request.groupName("meshwork-alpina")).schedules())
            .extracting(ScheduleSummary::name).containsExactlyInAnyOrderElementsOf(
                DeployedChecks.declared(template, "AWS::Scheduler::Schedule", "Name"));
        GetScheduleResponse schedule = scheduler.getSchedule(request -> request.groupName("meshwork-alpina")
            .name("claims_clean"));
        assertThat(schedule.scheduleExpression()).isEqualTo("cron(0 3 * * ? *)");
        // The template says Europe/Zurich; MiniStack's AWS::Scheduler::Schedule provisioner drops the time zone
        // (and its scheduler evaluates every cron expression in UTC anyway).
        assertThat(schedule.scheduleExpressionTimezone()).isEqualTo("UTC");
        assertThat(schedule.state()).isEqualTo(ScheduleState.ENABLED);
        assertThat(schedule.target().arn()).isEqualTo(stateMachine);
        assertThat(schedule.target().input()).isEqualTo("{\"tenant\":\"alpina\",\"product\":\"claims_clean\"}");
      }
    }

    private void dependentsRule(String stateMachine) throws Exception {
      try (EventBridgeClient events = account.client(EventBridgeClient.builder()).build()) {
        String rule = deployed.physicalId("AWS::Events::Rule", "PipelineDependentsRule");
        DescribeRuleResponse described = events.describeRule(request -> request.name(rule));
        assertThat(described.state()).isEqualTo(RuleState.ENABLED);
        assertThat(AssemblyStack.JSON.readTree(described.eventPattern()))
            .isEqualTo(DeployedChecks.properties(template, deployed, rule).path("EventPattern"));
        Target target = events.listTargetsByRule(request -> request.rule(rule)).targets().get(0);
        assertThat(target.arn()).isEqualTo(stateMachine);
        assertThat(target.inputTransformer().inputTemplate())
            .isEqualTo("{\"tenant\":\"alpina\",\"dependentsOf\":<detail-product>}");
      }
    }

    /**
     * The data bucket sends its object events to EventBridge, and the deliveries rule invokes the Ingest function's
     * live alias for objects created under landing/ of that bucket, with the synthesized retry policy.
     */
    private void deliveriesRule(String dataBucket) throws Exception {
      try (S3Client s3 = account.client(S3Client.builder()).forcePathStyle(true).build();
          EventBridgeClient events = account.client(EventBridgeClient.builder()).build();
          LambdaClient lambda = account.client(LambdaClient.builder()).build()) {
        assertThat(s3.getBucketNotificationConfiguration(request -> request.bucket(dataBucket))
            .eventBridgeConfiguration()).isNotNull();
        String rule = deployed.physicalId("AWS::Events::Rule", "PipelineDeliveriesRule");
        DescribeRuleResponse described = events.describeRule(request -> request.name(rule));
        assertThat(AssemblyStack.JSON.readTree(described.eventPattern())).isEqualTo(AssemblyStack.JSON.readTree(
            "{\"source\":[\"aws.s3\"],\"detail-type\":[\"Object Created\"],\"detail\":{\"bucket\":{\"name\":[\""
                + dataBucket + "\"]},\"object\":{\"key\":[{\"prefix\":\"landing/\"}]}}}"));
        Target target = events.listTargetsByRule(request -> request.rule(rule)).targets().get(0);
        assertThat(target.arn()).isEqualTo(lambda.getAlias(request -> request.functionName("meshwork-alpina-ingest")
            .name("live")).aliasArn());
        assertThat(target.retryPolicy().maximumRetryAttempts()).isEqualTo(8);
      }
    }

    private void alarms(String stateMachine, String topic) {
      try (CloudWatchClient cloudWatch = account.client(CloudWatchClient.builder()).build()) {
        List<MetricAlarm> alarms = cloudWatch.describeAlarms(request -> request.alarmNamePrefix("meshwork-alpina-"))
            .metricAlarms();
        assertThat(alarms).extracting(MetricAlarm::alarmName).containsExactlyInAnyOrderElementsOf(
            DeployedChecks.declared(template, "AWS::CloudWatch::Alarm", "AlarmName"));
        assertThat(alarms).allSatisfy(alarm -> assertThat(alarm.alarmActions()).containsExactly(topic));
        MetricAlarm failedRuns = alarms.stream()
            .filter(alarm -> alarm.alarmName().equals("meshwork-alpina-refresh-failed")).findFirst().orElseThrow();
        assertThat(failedRuns.metricName()).isEqualTo("ExecutionsFailed");
        assertThat(failedRuns.dimensions()).extracting(Dimension::value).containsExactly(stateMachine);
      }
    }
  }
}
