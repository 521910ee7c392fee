package io.meshwork.cdk.constructs;

import io.meshwork.model.plan.MaintainedDatabases;
import io.meshwork.model.runtime.RuntimeNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.lambda.EventInvokeConfigOptions;
import software.amazon.awscdk.services.lambda.destinations.SnsDestination;
import software.amazon.awscdk.services.scheduler.Schedule;
import software.amazon.awscdk.services.scheduler.ScheduleTargetInput;
import software.amazon.awscdk.services.scheduler.TimeWindow;
import software.amazon.awscdk.services.scheduler.targets.LambdaInvoke;
import software.amazon.awscdk.services.scheduler.targets.ScheduleTargetBaseProps;
import software.constructs.Construct;

/**
 * The tenant's daily table maintenance: the function {@code meshwork-<tenant>-maintenance}
 * ({@code io.meshwork.functions.MaintenanceFunction}) applies the catalogue's retention policy to every table of the
 * tenant's databases (expired snapshots and audit branches, the files only they referenced, orphan files under each
 * table's prefix older than the grace period), invoked by the schedule {@value #SCHEDULE_NAME}
 * ({@link ScheduledMaintenanceProps#schedule()}, default 03:15 Zurich time, flexible window off so it runs at the
 * stated time). A run that fails after Lambda's two retries goes to the notification topic (on-failure destination),
 * and the alarm {@code meshwork-<tenant>-maintenance-failed} notifies it when any run of the day failed.
 *
 * <p>Least privilege: objects and listing under {@code warehouse/<database>/} of the tenant's data bucket only, the
 * data key only through S3, and Glue's table calls on the tenant's databases only (the plan's and Meshwork's own);
 * Lake Formation grants (DESCRIBE and ALTER on those databases' tables) are added by the tenant stack.
 */
public final class ScheduledMaintenance extends Construct {

  /** The schedule's name: product names have no hyphens, so it never clashes with a product's schedule. */
  public static final String SCHEDULE_NAME = "table-maintenance";

  private final PipelineFunction function;
  private final Set<String> databases;
  private final Schedule schedule;
  private final Alarm failedAlarm;

  public ScheduledMaintenance(Construct scope, String id, ScheduledMaintenanceProps props) {
    super(scope, id);
    String tenant = props.tenantId();
    Stack stack = Stack.of(this);
    this.databases = MaintainedDatabases.of(props.plan());
    Map<String, String> environment = new TreeMap<>(Map.of(
        RuntimeNames.CATALOG_VARIABLE, "glue",
        RuntimeNames.WAREHOUSE_VARIABLE, "s3://" + props.dataBucket().getBucketName() + "/"
            + WarehouseAccess.WAREHOUSE_PREFIX,
        RuntimeNames.TENANT_VARIABLE, tenant,
        "JAVA_TOOL_OPTIONS", TenantPipeline.JAVA_TOOL_OPTIONS));
    this.function = new PipelineFunction(this, "Function", new PipelineFunctionProps("meshwork-" + tenant
        + "-maintenance", "io.meshwork.functions.MaintenanceFunction", "Applies the catalogue's retention policy to"
        + " every table of the tenant: expires snapshots and audit branches, deletes unreferenced and orphan files.",
        props.code(), props.size(), environment, props.logRetention(), props.logKey(), Optional.empty(),
        FunctionInvoker.MAINTENANCE));
    grantTables(function.role(), props, stack);
    function.alias().configureAsyncInvoke(EventInvokeConfigOptions.builder()
        .retryAttempts(2)
        .maxEventAge(Duration.hours(6))
        .onFailure(new SnsDestination(props.notifications()))
        .build());
    props.notifications().grantPublish(function.role());

    Role scheduler = SchedulerRoles.invoking(this, "SchedulerRole", "the table maintenance", function.alias(),
        props.scheduleGroup());
    this.schedule = Schedule.Builder.create(this, "Schedule")
        .scheduleName(SCHEDULE_NAME)
        .scheduleGroup(props.scheduleGroup())
        .description("Applies the retention policy to every table of tenant " + tenant)
        .schedule(props.schedule())
        .timeWindow(TimeWindow.off())
        .target(new LambdaInvoke(function.alias(), ScheduleTargetBaseProps.builder()
            .role(scheduler)
            .input(ScheduleTargetInput.fromObject(Map.of("tenant", tenant)))
            .retryAttempts(2)
            .maxEventAge(Duration.hours(6))
            .build()))
        .build();

    this.failedAlarm = Alarm.Builder.create(this, "Failed")
        .alarmName("meshwork-" + tenant + "-maintenance-failed")
        .alarmDescription("The daily table maintenance of tenant " + tenant + " failed (meshwork-" + tenant
            + "-maintenance); old snapshots and files stay until a run succeeds. See the function's log.")
        .metric(function.alias().metricErrors(MetricOptions.builder()
            .period(Duration.days(1))
            .statistic("Sum")
            .build()))
        .threshold(1)
        .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
        .evaluationPeriods(1)
        .treatMissingData(TreatMissingData.NOT_BREACHING)
        .build();
    failedAlarm.addAlarmAction(new SnsAction(props.notifications()));
  }

  private void grantTables(Role role, ScheduledMaintenanceProps props, Stack stack) {
    List<String> prefixes = databases.stream().map(database -> WarehouseAccess.WAREHOUSE_PREFIX + "/" + database
        + "/*").toList();
    role.addToPrincipalPolicy(PolicyStatement.Builder.create()
        .sid("MaintainWarehouseFiles")
        .actions(List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject"))
        .resources(prefixes.stream().map(props.dataBucket()::arnForObjects).toList())
        .build());
    // Listing finds orphan files; it is limited to the same prefixes when a prefix is given. Without a prefix
    // (S3 deciding 404 or 403 for a missing key on HeadObject), Iceberg's existence checks need it as well.
    role.addToPrincipalPolicy(PolicyStatement.Builder.create()
        .sid("ListWarehousePrefixes")
        .actions(List.of("s3:ListBucket"))
        .resources(List.of(props.dataBucket().getBucketArn()))
        .conditions(Map.of("StringLikeIfExists", Map.of("s3:prefix", prefixes)))
        .build());
    role.addToPrincipalPolicy(PolicyStatement.Builder.create()
        .sid("UseDataKeyThroughS3")
        .actions(List.of("kms:Decrypt", "kms:GenerateDataKey"))
        .resources(List.of(props.dataKey().getKeyArn()))
        .conditions(Map.of("StringEquals", Map.of("kms:ViaService", "s3." + stack.getRegion() + ".amazonaws.com")))
        .build());
    List<String> glue = new ArrayList<>();
    glue.add(stack.formatArn(ArnComponents.builder().service("glue").resource("catalog")
        .arnFormat(ArnFormat.NO_RESOURCE_NAME).build()));
    for (String database : databases) {
      glue.add(stack.formatArn(ArnComponents.builder().service("glue").resource("database").resourceName(database)
          .arnFormat(ArnFormat.SLASH_RESOURCE_NAME).build()));
      glue.add(stack.formatArn(ArnComponents.builder().service("glue").resource("table")
          .resourceName(database + "/*").arnFormat(ArnFormat.SLASH_RESOURCE_NAME).build()));
    }
    role.addToPrincipalPolicy(PolicyStatement.Builder.create()
        .sid("MaintainGlueTables")
        .actions(List.of("glue:GetDatabase", "glue:GetTable", "glue:GetTables", "glue:UpdateTable"))
        .resources(glue)
        .build());
    NagReasons.suppress(role, List.of(
        new NagReasons.Reason("AwsSolutions-IAM5", "Maintenance lists, reads and deletes the generated data and"
            + " metadata files of every table of the tenant's databases, including earlier major versions and"
            + " Meshwork's own records, so objects are granted per database prefix of the tenant's own warehouse"
            + " and Glue tables per database of the tenant's own catalog.",
            List.of("^Resource::<[^>]+\\.Arn>/" + WarehouseAccess.WAREHOUSE_PREFIX + "/[a-z0-9_]+/\\*$",
                "^Resource::arn:<AWS::Partition>:glue:.*:table/[a-z0-9_]+/\\*$")),
        new NagReasons.Reason("AwsSolutions-IAM5", "Lambda's on-failure destination publishes to the encrypted"
            + " topic, which needs kms:GenerateDataKey* on the operations key (CDK's topic grant); the key encrypts"
            + " only the pipeline's logs and notifications.", List.of("^Action::kms:GenerateDataKey\\*$"))));
  }

  /** The maintenance function; its role needs Lake Formation DESCRIBE and ALTER on {@link #databases()}' tables. */
  public PipelineFunction function() {
    return function;
  }

  /** The Glue databases whose tables are maintained. */
  public Set<String> databases() {
    return databases;
  }

  public Schedule schedule() {
    return schedule;
  }

  /** Notifies the topic when a run failed on the day. */
  public Alarm failedAlarm() {
    return failedAlarm;
  }
}
