package io.meshwork.cdk;

import io.meshwork.cdk.constructs.DataBucket;
import io.meshwork.cdk.constructs.DataBucketProps;
import io.meshwork.cdk.constructs.MarketplaceHosting;
import io.meshwork.cdk.constructs.RunEvents;
import io.meshwork.model.definition.Tenant;
import io.meshwork.model.runtime.RuntimeNames;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.events.BaseArchiveProps;
import software.amazon.awscdk.services.events.EventBus;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.targets.SnsTopic;
import software.amazon.awscdk.services.iam.AccountPrincipal;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.sns.Topic;
import software.constructs.Construct;

/**
 * The provider's own account: the bucket for deployment artifacts, and the central event bus that receives every
 * tenant's run events (Step Functions execution status changes and {@code ProductPublished}), with an archive for
 * replay, an alarm and a notification topic for failed runs, and a dashboard over both. Only tenants' accounts may
 * put events on the bus, and run events carry names and ids, never tenant data.
 */
public final class ProviderStack extends Stack {

  /** The stack id and name. */
  public static final String NAME = "meshwork-provider";

  /** The central bus's name; tenant stacks address it by ARN. */
  public static final String RUN_BUS_NAME = "meshwork-runs";

  private static final List<String> FAILED_STATUSES = List.of("FAILED", "TIMED_OUT", "ABORTED");

  private final EventBus runBus;
  private final Topic failures;
  private final DataBucket artifacts;

  public ProviderStack(Construct scope, List<Tenant> tenants, Environment environment) {
    super(scope, NAME, StackProps.builder()
        .stackName(NAME)
        .description("Meshwork provider: deployment artifacts and the central bus of the tenants' run events")
        .env(environment)
        .build());
    Key key = Key.Builder.create(this, "ProviderKey")
        .description("Encrypts Meshwork's artifacts, run events and notifications")
        .alias("alias/meshwork/provider")
        .enableKeyRotation(true)
        .removalPolicy(RemovalPolicy.RETAIN)
        .build();
    // EventBridge encrypts the bus and publishes to the encrypted topic; CloudWatch publishes alarm notifications.
    key.grantEncryptDecrypt(new ServicePrincipal("events.amazonaws.com"));
    key.grantEncryptDecrypt(new ServicePrincipal("cloudwatch.amazonaws.com"));
    this.artifacts = new DataBucket(this, "Artifacts", new DataBucketProps(key, "artifacts/"));
    this.runBus = EventBus.Builder.create(this, "RunBus")
        .eventBusName(RUN_BUS_NAME)
        .description("Run events of every Meshwork tenant account")
        .kmsKey(key)
        .build();
    allowTenantsToPutEvents(tenants);
    runBus.archive("RunArchive", BaseArchiveProps.builder()
        .description("Every tenant run event and usage record, for replay and audit")
        .eventPattern(EventPattern.builder().source(List.of(RunEvents.PIPELINE_SOURCE, RunEvents.STATES_SOURCE,
                RuntimeNames.USAGE_EVENT_SOURCE))
            .build())
        .retention(Duration.days(365))
        .build());
    this.failures = Topic.Builder.create(this, "RunFailures")
        .displayName("Meshwork failed runs")
        .masterKey(key)
        .enforceSsl(true)
        .build();
    Rule failedRuns = Rule.Builder.create(this, "FailedRuns")
        .eventBus(runBus)
        .description("A tenant's refresh execution failed, timed out or was aborted")
        .eventPattern(EventPattern.builder()
            .source(List.of(RunEvents.STATES_SOURCE))
            .detailType(List.of(RunEvents.EXECUTION_STATUS_CHANGE))
            .detail(Map.of("status", FAILED_STATUSES))
            .build())
        .targets(List.of(new SnsTopic(failures)))
        .build();
    Rule publishedProducts = Rule.Builder.create(this, "PublishedProducts")
        .eventBus(runBus)
        .description("Counts the products tenants published; the dashboard shows the count")
        .eventPattern(EventPattern.builder()
            .source(List.of(RunEvents.PIPELINE_SOURCE))
            .detailType(List.of(RunEvents.PRODUCT_PUBLISHED))
            .build())
        .build();
    Metric failedCount = matchedEvents(failedRuns);
    Alarm alarm = Alarm.Builder.create(this, "FailedRunsAlarm")
        .alarmDescription("At least one tenant refresh failed in the last 5 minutes; see the notification topic")
        .metric(failedCount)
        .threshold(1)
        .evaluationPeriods(1)
        .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
        .treatMissingData(TreatMissingData.NOT_BREACHING)
        .build();
    alarm.addAlarmAction(new SnsAction(failures));
    Dashboard.Builder.create(this, "RunsDashboard")
        .dashboardName("meshwork-runs")
        .widgets(List.of(List.of(
            GraphWidget.Builder.create().title("Failed tenant runs").left(List.of(labelled(failedCount, "Failed runs"))).width(12).build(),
            GraphWidget.Builder.create().title("Products published")
                .left(List.of(labelled(matchedEvents(publishedProducts), "Published"))).width(12).build())))
        .build();
    new MarketplaceHosting(this, "Marketplace");
    CfnOutput.Builder.create(this, "RunBusArn").description("The central bus tenants forward run events to")
        .value(runBus.getEventBusArn()).build();
  }

  /**
   * One statement per tenant account that exists: accounts still to be created are named in a warning, since their
   * run events would be refused until the id is written to the tenant's definition and the stack redeployed.
   */
  private void allowTenantsToPutEvents(List<Tenant> tenants) {
    for (Tenant tenant : tenants) {
      Optional<String> account = tenant.account().id();
      if (account.isEmpty()) {
        Annotations.of(this).addWarningV2("meshwork:tenant-without-account", "Tenant " + tenant.id()
            + " has no account id yet: its run events are refused by the central bus until account.id is set in "
            + tenant.location().file() + " and " + NAME + " is deployed again.");
        continue;
      }
      runBus.addToResourcePolicy(PolicyStatement.Builder.create()
          .sid("PutEventsFrom-" + tenant.id())
          .principals(List.of(new AccountPrincipal(account.get())))
          .actions(List.of("events:PutEvents"))
          .resources(List.of(runBus.getEventBusArn()))
          .build());
    }
  }

  private static Metric matchedEvents(Rule rule) {
    return Metric.Builder.create()
        .namespace("AWS/Events")
        .metricName("MatchedEvents")
        .dimensionsMap(Map.of("RuleName", rule.getRuleName()))
        .statistic("Sum")
        .period(Duration.minutes(5))
        .build();
  }

  private static IMetric labelled(Metric metric, String label) {
    return metric.with(MetricOptions.builder().label(label).build());
  }

  public EventBus runBus() {
    return runBus;
  }

  public Topic failures() {
    return failures;
  }

  public DataBucket artifacts() {
    return artifacts;
  }
}
