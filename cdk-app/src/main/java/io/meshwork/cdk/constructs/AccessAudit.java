package io.meshwork.cdk.constructs;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cloudtrail.ReadWriteType;
import software.amazon.awscdk.services.cloudtrail.S3EventSelector;
import software.amazon.awscdk.services.cloudtrail.Trail;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.constructs.Construct;

/**
 * Who read the tenant's data on AWS: a CloudTrail trail of the tenant's account into its own encrypted, versioned
 * bucket, with the management events (read and write: Lake Formation's {@code GetDataAccess} credential vending and
 * grant changes, Athena's {@code StartQueryExecution} with the query text, Glue catalog reads) and the S3 data events
 * on the data bucket (every object read or written). Log files are validated (digest files) and kept for
 * {@link #RETENTION_DAYS} days. Athena keeps each workgroup's query history itself; the README says how to query both.
 */
public final class AccessAudit extends Construct {

  /** How long audit log files are kept: ten years, as Swiss health insurers keep their records. */
  public static final int RETENTION_DAYS = 3653;

  private final Bucket bucket;
  private final Trail trail;

  /**
   * @param key the tenant's data key: encrypts the trail's log files
   * @param dataBucket the bucket whose object reads and writes are recorded
   * @param accessLogs where the audit bucket's own server access logs go
   */
  public AccessAudit(Construct scope, String id, String tenant, IKey key, IBucket dataBucket, IBucket accessLogs) {
    super(scope, id);
    Stack stack = Stack.of(this);
    this.bucket = DataBucket.encrypted(this, "Bucket", key)
        .serverAccessLogsBucket(accessLogs)
        .serverAccessLogsPrefix("audit-bucket/")
        .lifecycleRules(List.of(LifecycleRule.builder().expiration(Duration.days(RETENTION_DAYS))
            .noncurrentVersionExpiration(Duration.days(RETENTION_DAYS)).build()))
        .removalPolicy(RemovalPolicy.RETAIN)
        .build();
    String trailArn = "arn:" + stack.getPartition() + ":cloudtrail:" + stack.getRegion() + ":" + stack.getAccount()
        + ":trail/meshwork-" + tenant + "-access";
    key.addToResourcePolicy(PolicyStatement.Builder.create()
        .sid("CloudTrailEncryptsTheAccessAudit")
        .principals(List.of(new ServicePrincipal("cloudtrail.amazonaws.com")))
        .actions(List.of("kms:GenerateDataKey*"))
        .resources(List.of("*"))
        .conditions(Map.of("StringEquals", Map.of("aws:SourceArn", trailArn),
            "StringLike", Map.of("kms:EncryptionContext:aws:cloudtrail:arn", trailArn)))
        .build());
    key.addToResourcePolicy(PolicyStatement.Builder.create()
        .sid("CloudTrailDescribesTheKey")
        .principals(List.of(new ServicePrincipal("cloudtrail.amazonaws.com")))
        .actions(List.of("kms:DescribeKey"))
        .resources(List.of("*"))
        .build());
    this.trail = Trail.Builder.create(this, "Trail")
        .trailName("meshwork-" + tenant + "-access")
        .bucket(bucket)
        .encryptionKey(key)
        .enableFileValidation(true)
        .includeGlobalServiceEvents(false)
        .isMultiRegionTrail(false)
        .sendToCloudWatchLogs(false)
        .build();
    // One selector: the data bucket's object events, and every management event (read and write) with them.
    trail.addS3EventSelector(List.of(S3EventSelector.builder().bucket(dataBucket).build()),
        software.amazon.awscdk.services.cloudtrail.AddEventSelectorOptions.builder()
            .readWriteType(ReadWriteType.ALL).includeManagementEvents(true).build());
    NagSuppressions.addResourceSuppressions(trail, List.of(NagPackSuppression.builder()
        .id("HIPAA.Security-CloudTrailCloudWatchLogsEnabled")
        .reason("The access audit is read after the fact with Athena over its encrypted bucket (see the README); no "
            + "metric filter or alarm reads it, so streaming every data event to CloudWatch Logs would only double "
            + "its cost and its copies of who read which health data.").build()), true);
    NagSuppressions.addResourceSuppressions(bucket, List.of(NagPackSuppression.builder()
        .id("HIPAA.Security-S3BucketReplicationEnabled")
        .reason("Replicating the audit log to another region would move records of health-data access out of the "
            + "region the tenant chose; S3 stores objects across availability zones and versioning keeps overwrites.")
        .build()));
  }

  /** The bucket holding the trail's log files. */
  public Bucket bucket() {
    return bucket;
  }

  public Trail trail() {
    return trail;
  }
}
