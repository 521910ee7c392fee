package io.meshwork.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.model.definition.Catalog;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The central run bus accepts events from the tenants' accounts only, keeps them, and alarms on failed runs. */
class ProviderStackTest {

  private final Catalog catalog = DemoTenants.catalog();
  private final ProviderStack stack = new ProviderStack(MeshworkApp.newApp(), catalog.tenants(),
      Environment.builder().account("123456789012").region("eu-central-2").build());
  private final Template template = Template.fromStack(stack);

  @Test
  void runBusIsEncryptedAndAcceptsEventsFromEachTenantAccountThatExists() {
    template.hasResourceProperties("AWS::Events::EventBus", Map.of(
        "Name", "meshwork-runs",
        "KmsKeyIdentifier", Match.anyValue()));
    List<String> accounts = catalog.tenants().stream().flatMap(tenant -> tenant.account().id().stream()).toList();
    assertThat(accounts).isNotEmpty();
    template.resourceCountIs("AWS::Events::EventBusPolicy", accounts.size());
    for (String account : accounts) {
      Map<String, Object> principal = Map.of("AWS", Map.of("Fn::Join", List.of("",
          List.of("arn:", Map.of("Ref", "AWS::Partition"), ":iam::" + account + ":root"))));
      template.hasResourceProperties("AWS::Events::EventBusPolicy", Map.of("Statement", Match.objectLike(Map.of(
          "Action", "events:PutEvents", "Effect", "Allow", "Principal", principal))));
    }
  }

  @Test
  void tenantsWithoutAccountIdAreNamedInAWarning() {
    List<String> withoutAccount = catalog.tenants().stream().filter(tenant -> tenant.account().id().isEmpty())
        .map(tenant -> tenant.id()).toList();

    assertThat(Annotations.fromStack(stack).findWarning("*", Match.stringLikeRegexp(".*has no account id yet.*")))
        .hasSize(withoutAccount.size());
  }

  @Test
  void archivesEveryRunEventAndUsageRecordForAYear() {
    template.hasResourceProperties("AWS::Events::Archive", Map.of(
        "RetentionDays", 365,
        "EventPattern", Map.of("source", List.of("meshwork.pipeline", "aws.states", "meshwork.usage"))));
  }

  @Test
  void failedRunsNotifyTheEncryptedTopicAndRaiseAnAlarm() {
    template.hasResourceProperties("AWS::Events::Rule", Map.of(
        "EventPattern", Map.of(
            "source", List.of("aws.states"),
            "detail-type", List.of("Step Functions Execution Status Change"),
            "detail", Map.of("status", List.of("FAILED", "TIMED_OUT", "ABORTED"))),
        "Targets", List.of(Match.objectLike(Map.of("Arn", Map.of("Ref", Match.stringLikeRegexp("RunFailures.*")))))));
    template.hasResourceProperties("AWS::SNS::Topic", Map.of("KmsMasterKeyId", Match.anyValue()));
    template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
        "MetricName", "MatchedEvents",
        "Namespace", "AWS/Events",
        "Threshold", 1,
        "ComparisonOperator", "GreaterThanOrEqualToThreshold",
        "AlarmActions", List.of(Map.of("Ref", Match.stringLikeRegexp("RunFailures.*")))));
    template.resourceCountIs("AWS::CloudWatch::Dashboard", 1);
  }

  @Test
  void artifactBucketIsKmsEncryptedTlsOnlyAndPrivate() {
    template.hasResourceProperties("AWS::S3::Bucket", Map.of(
        "BucketEncryption", Map.of("ServerSideEncryptionConfiguration", List.of(Match.objectLike(Map.of(
            "ServerSideEncryptionByDefault", Map.of("SSEAlgorithm", "aws:kms",
                "KMSMasterKeyID", Match.anyValue()))))),
        "VersioningConfiguration", Map.of("Status", "Enabled"),
        "PublicAccessBlockConfiguration", Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true,
            "IgnorePublicAcls", true, "RestrictPublicBuckets", true)));
  }
}
