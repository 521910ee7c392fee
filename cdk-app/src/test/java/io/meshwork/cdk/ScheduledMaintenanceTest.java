package io.meshwork.cdk;

import static io.meshwork.cdk.StackJson.json;
import static io.meshwork.cdk.StackJson.logicalId;
import static io.meshwork.cdk.StackJson.properties;
import static io.meshwork.cdk.StackJson.statementsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshwork.cdk.constructs.PipelineFunction;
import io.meshwork.cdk.constructs.ScheduledMaintenance;
import io.meshwork.model.definition.Catalog;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import org.junit.jupiter.api.Test;

/**
 * The daily table maintenance of demo tenant lemanic (account 111122223333): its function, least-privilege role,
 * Lake Formation grants, schedule, on-failure destination and alarm.
 */
class ScheduledMaintenanceTest {

  private static final String ACCOUNT = "111122223333";

  private static TenantStack stack() {
    return PipelineStacks.stack("lemanic");
  }

  private static Template template() {
    return PipelineStacks.template("lemanic");
  }

  private static String aliasOf(PipelineFunction function) {
    return stack().getLogicalId((CfnElement) function.alias().getNode().getDefaultChild());
  }

  @Test
  void functionRunsTheMaintenanceHandlerOnJava25WithSnapStart_configuredForTheTenantsGlueWarehouse() {
    String bucket = logicalId(stack(), stack().dataBucket().bucket());
    Map<String, Map<String, Object>> functions = template().findResources("AWS::Lambda::Function",
        Map.of("Properties", Match.objectLike(Map.of("FunctionName", "meshwork-lemanic-maintenance"))));

    assertThat(functions).hasSize(1);
    Map<String, Object> function = properties(functions.values().iterator().next());
    assertThat(function).containsEntry("Runtime", "java25")
        .containsEntry("Handler", "io.meshwork.functions.MaintenanceFunction")
        .containsEntry("MemorySize", 2048)
        .containsEntry("Timeout", 900)
        .containsEntry("EphemeralStorage", Map.of("Size", 512))
        .containsEntry("SnapStart", Map.of("ApplyOn", "PublishedVersions"));
    assertThat(json(function.get("Environment"))).isEqualTo(json(Map.of("Variables", new TreeMap<>(Map.of(
        "JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1",
        "MESHWORK_CATALOG", "glue",
        "MESHWORK_TENANT", "lemanic",
        "MESHWORK_WAREHOUSE", Map.of("Fn::Join", List.of("", List.of("s3://", Map.of("Ref", bucket),
            "/warehouse"))))))));
  }

  @Test
  void roleMayOnlyMaintainTheTenantsDatabases_inItsBucketPrefixesGlueAndDataKeyThroughS3() {
    TenantStack stack = stack();
    ScheduledMaintenance maintenance = stack.maintenance();
    String bucket = logicalId(stack, stack.dataBucket().bucket());
    String key = logicalId(stack, stack.key());
    String logs = logicalId(stack, maintenance.function().logGroup());
    String topic = logicalId(stack, stack.pipeline().notifications());
    String operationsKey = logicalId(stack, stack.pipeline().operationsKey());
    List<String> databases = List.of("claims", "finance", "membership", "meshwork", "sources");

    assertThat(maintenance.databases()).containsExactlyElementsOf(databases);
    assertThat(statementsOf(template(), logicalId(stack, maintenance.function().role()))).isEqualTo(json(List.of(
        Map.of("Action", List.of("logs:CreateLogStream", "logs:PutLogEvents"), "Effect", "Allow",
            "Resource", Map.of("Fn::GetAtt", List.of(logs, "Arn"))),
        Map.of("Sid", "MaintainWarehouseFiles", "Action", List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject"),
            "Effect", "Allow", "Resource", databases.stream().map(database -> objects(bucket, database)).toList()),
        Map.of("Sid", "ListWarehousePrefixes", "Action", "s3:ListBucket", "Effect", "Allow",
            "Resource", Map.of("Fn::GetAtt", List.of(bucket, "Arn")),
            "Condition", Map.of("StringLikeIfExists", Map.of("s3:prefix", databases.stream()
                .map(database -> "warehouse/" + database + "/*").toList()))),
        Map.of("Sid", "UseDataKeyThroughS3", "Action", List.of("kms:Decrypt", "kms:GenerateDataKey"),
            "Effect", "Allow", "Resource", Map.of("Fn::GetAtt", List.of(key, "Arn")),
            "Condition", Map.of("StringEquals", Map.of("kms:ViaService", "s3.eu-central-2.amazonaws.com"))),
        Map.of("Sid", "MaintainGlueTables", "Action", List.of("glue:GetDatabase", "glue:GetTable", "glue:GetTables",
            "glue:UpdateTable"), "Effect", "Allow", "Resource", List.of(glue("catalog"),
            glue("database/claims"), glue("table/claims/*"), glue("database/finance"), glue("table/finance/*"),
            glue("database/membership"), glue("table/membership/*"), glue("database/meshwork"),
            glue("table/meshwork/*"), glue("database/sources"), glue("table/sources/*"))),
        Map.of("Action", "sns:Publish", "Effect", "Allow", "Resource", Map.of("Ref", topic)),
        Map.of("Action", List.of("kms:Decrypt", "kms:GenerateDataKey*"), "Effect", "Allow",
            "Resource", Map.of("Fn::GetAtt", List.of(operationsKey, "Arn"))))));
  }

  @Test
  @SuppressWarnings("unchecked")
  void lakeFormationGrantsDescribeAndAlterOnTheTablesOfEachMaintainedDatabase_andNothingElse() {
    TenantStack stack = stack();
    Map<String, Object> principal = Map.of("DataLakePrincipalIdentifier", Map.of("Fn::GetAtt", List.of(
        logicalId(stack, stack.maintenance().function().role()), "Arn")));

    List<Object> grants = template().findResources("AWS::LakeFormation::PrincipalPermissions", Map.of("Properties",
        Match.objectLike(Map.of("Principal", principal)))).values().stream()
        .map(resource -> properties(resource))
        .map(grant -> (Object) List.of(grant.get("Permissions"), grant.get("Resource")))
        .toList();

    assertThat(grants).containsExactlyInAnyOrderElementsOf(stack.maintenance().databases().stream()
        .map(database -> (Object) List.of(List.of("DESCRIBE", "ALTER"), Map.of("Table", Map.of(
            "CatalogId", ACCOUNT, "DatabaseName", database, "TableWildcard", Map.of()))))
        .toList()).hasSize(5);
  }

  @Test
  void scheduleInvokesTheLiveAliasDailyAtQuarterPastThreeZurichTime_withTheFlexibleWindowOff() {
    TenantStack stack = stack();
    String role = logicalId(stack, stack.maintenance().getNode().findChild("SchedulerRole"));
    Map<String, Map<String, Object>> schedules = template().findResources("AWS::Scheduler::Schedule",
        Map.of("Properties", Match.objectLike(Map.of("Name", ScheduledMaintenance.SCHEDULE_NAME))));

    assertThat(schedules).hasSize(1);
    assertThat(json(properties(schedules.values().iterator().next()))).isEqualTo(json(Map.of(
        "Name", "table-maintenance",
        "GroupName", "meshwork-lemanic",
        "Description", "Applies the retention policy to every table of tenant lemanic",
        "ScheduleExpression", "cron(15 3 * * ? *)",
        "ScheduleExpressionTimezone", "Europe/Zurich",
        "FlexibleTimeWindow", Map.of("Mode", "OFF"),
        "State", "ENABLED",
        "Target", Map.of(
            "Arn", Map.of("Ref", aliasOf(stack.maintenance().function())),
            "RoleArn", Map.of("Fn::GetAtt", List.of(role, "Arn")),
            "Input", "{\"tenant\":\"lemanic\"}",
            "RetryPolicy", Map.of("MaximumEventAgeInSeconds", 21600, "MaximumRetryAttempts", 2)))));
    assertThat(statementsOf(template(), role)).isEqualTo(json(List.of(Map.of("Action", "lambda:InvokeFunction",
        "Effect", "Allow", "Resource", Map.of("Ref", aliasOf(stack.maintenance().function()))))));
  }

  @Test
  void failedRunGoesToTheNotificationTopic_andTheAlarmNotifiesIt() {
    TenantStack stack = stack();
    String topic = logicalId(stack, stack.pipeline().notifications());
    String alias = aliasOf(stack.maintenance().function());
    String function = logicalId(stack, stack.maintenance().function().function());
    Map<String, Map<String, Object>> configs = template().findResources("AWS::Lambda::EventInvokeConfig",
        Map.of("Properties", Match.objectLike(Map.of("FunctionName", Map.of("Ref", function)))));

    assertThat(configs).hasSize(1);
    Map<String, Object> config = properties(configs.values().iterator().next());
    assertThat(config).containsEntry("MaximumRetryAttempts", 2).containsEntry("MaximumEventAgeInSeconds", 21600);
    assertThat(json(config.get("DestinationConfig"))).isEqualTo(json(Map.of("OnFailure", Map.of("Destination",
        Map.of("Ref", topic)))));
    assertThat(json(config.get("Qualifier")).toString()).contains(alias);
    Map<String, Object> alarm = properties(template().findResources("AWS::CloudWatch::Alarm", Map.of("Properties",
        Match.objectLike(Map.of("AlarmName", "meshwork-lemanic-maintenance-failed")))).values().iterator().next());
    assertThat(alarm).containsEntry("MetricName", "Errors").containsEntry("Namespace", "AWS/Lambda")
        .containsEntry("Statistic", "Sum").containsEntry("Period", 86400).containsEntry("Threshold", 1)
        .containsEntry("EvaluationPeriods", 1).containsEntry("TreatMissingData", "notBreaching")
        .containsEntry("AlarmActions", List.of(Map.of("Ref", topic)));
    assertThat(json(alarm.get("Dimensions")).toString()).contains(function).contains("live");
  }

  @Test
  void contextValueChangesWhenMaintenanceRuns_andAnInvalidOneIsRefusedNamingIt() {
    Catalog catalog = DemoTenants.catalog();
    App app = MeshworkApp.newApp();
    app.getNode().setContext(TenantStack.MAINTENANCE_SCHEDULE, "cron(30 1 ? * SUN *)");
    TenantStack weekly = MeshworkApp.addTenantStacks(app, catalog, List.of(catalog.tenant("lemanic").orElseThrow()),
        Optional.empty()).get(0);

    assertThat(properties(Template.fromStack(weekly).findResources("AWS::Scheduler::Schedule", Map.of("Properties",
        Match.objectLike(Map.of("Name", "table-maintenance")))).values().iterator().next()))
        .containsEntry("ScheduleExpression", "cron(30 1 ? * SUN *)")
        .containsEntry("ScheduleExpressionTimezone", "Europe/Zurich");
    App invalid = MeshworkApp.newApp();
    invalid.getNode().setContext(TenantStack.MAINTENANCE_SCHEDULE, "daily");
    assertThatThrownBy(() -> MeshworkApp.addTenantStacks(invalid, catalog,
        List.of(catalog.tenant("lemanic").orElseThrow()), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid meshwork:maintenanceSchedule 'daily': it must have the form cron(minutes hours "
            + "day-of-month month day-of-week year), e.g. cron(0 5 * * ? *).");
  }

  private static Map<String, Object> objects(String bucket, String namespace) {
    return Map.of("Fn::Join", List.of("", List.of(Map.of("Fn::GetAtt", List.of(bucket, "Arn")),
        "/warehouse/" + namespace + "/*")));
  }

  private static Map<String, Object> glue(String resource) {
    return Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"),
        ":glue:eu-central-2:" + ACCOUNT + ":" + resource)));
  }
}
