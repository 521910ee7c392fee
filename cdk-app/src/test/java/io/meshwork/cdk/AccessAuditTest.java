package io.meshwork.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.model.definition.Catalog;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * The tenant stack records who read the tenant's data: a CloudTrail trail (management events and the data bucket's
 * S3 data events) into an encrypted, versioned, retained bucket, its log files validated and encrypted with the
 * tenant's key, which only that trail may use for it.
 */
class AccessAuditTest {

  private static Template template;

  @BeforeAll
  static void synthesizeAlpina() {
    Catalog catalog = DemoTenants.catalog();
    App app = MeshworkApp.newApp();
    template = Template.fromStack(MeshworkApp.addTenantStacks(app, catalog,
        List.of(catalog.tenant("alpina").orElseThrow()), Optional.empty()).get(0));
  }

  @Test
  void theTrailRecordsManagementEventsAndTheDataBucketsObjectReads_withValidatedEncryptedLogFiles() {
    template.resourceCountIs("AWS::CloudTrail::Trail", 1);
    template.hasResourceProperties("AWS::CloudTrail::Trail", Map.of(
        "TrailName", "meshwork-alpina-access",
        "IsLogging", true,
        "EnableLogFileValidation", true,
        "IsMultiRegionTrail", false,
        "KMSKeyId", Match.objectLike(Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("DataKey.*"), "Arn"))),
        "EventSelectors", List.of(Map.of(
            "IncludeManagementEvents", true,
            "ReadWriteType", "All",
            "DataResources", List.of(Map.of("Type", "AWS::S3::Object",
                "Values", List.of(Map.of("Fn::Join", List.of("", List.of(Map.of("Fn::GetAtt", List.of(
                    Match.stringLikeRegexp("DataBucket.*"), "Arn")), "/"))))))))));
  }

  @Test
  void theAuditBucketIsEncryptedVersionedRetainedAndKeepsLogsTenYears() {
    template.hasResource("AWS::S3::Bucket", Map.of(
        "DeletionPolicy", "Retain",
        "Properties", Match.objectLike(Map.of(
            "BucketEncryption", Map.of("ServerSideEncryptionConfiguration", List.of(Match.objectLike(Map.of(
                "ServerSideEncryptionByDefault", Match.objectLike(Map.of("SSEAlgorithm", "aws:kms")))))),
            "VersioningConfiguration", Map.of("Status", "Enabled"),
            "LifecycleConfiguration", Map.of("Rules", List.of(Match.objectLike(Map.of(
                "ExpirationInDays", 3653, "Status", "Enabled")))),
            "LoggingConfiguration", Match.objectLike(Map.of("LogFilePrefix", "audit-bucket/"))))));
  }

  @Test
  void onlyTheTenantsTrailMayEncryptWithTheDataKey_forCloudTrail() {
    Map<String, Map<String, Object>> keys = template.findResources("AWS::KMS::Key",
        Match.objectLike(Map.of("Properties", Match.objectLike(Map.of("Description",
            "Encrypts the Meshwork data of tenant alpina")))));
    assertThat(keys).hasSize(1);
    String policy = keys.values().iterator().next().toString();
    assertThat(policy).contains("Sid=CloudTrailEncryptsTheAccessAudit", "cloudtrail.amazonaws.com",
        "kms:EncryptionContext:aws:cloudtrail:arn", ":trail/meshwork-alpina-access");
  }
}
