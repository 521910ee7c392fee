package io.meshwork.cdk.constructs;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.List;
import java.util.Objects;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

/**
 * The bucket that holds a tenant's Iceberg warehouse and Athena results, with secure defaults that cannot be turned
 * off: KMS encryption with the tenant's key, TLS only, public access blocked, versioning, and server access logs in a
 * separate log bucket. Both buckets are retained when the stack is deleted, because they hold the tenant's data.
 *
 * <p>The log bucket uses S3-managed keys: S3 server access logging cannot deliver into a bucket whose default
 * encryption is SSE-KMS. The cdk-nag findings this design accepts are suppressed here, each with its reason.
 */
public final class DataBucket extends Construct {

  private static final String NO_REPLICATION = "Cross-region replication would copy health data out of the"
      + " region the tenant chose for data residency; S3 stores objects across availability zones, versioning keeps"
      + " earlier versions, and every product can be recomputed from the tenant's sources.";

  private final Bucket bucket;
  private final Bucket accessLogs;

  public DataBucket(Construct scope, String id, DataBucketProps props) {
    super(scope, id);
    Objects.requireNonNull(props, "props");
    this.accessLogs = Bucket.Builder.create(this, "AccessLogs")
        .encryption(BucketEncryption.S3_MANAGED)
        .enforceSsl(true)
        .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
        .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
        .versioned(true)
        .removalPolicy(RemovalPolicy.RETAIN)
        .build();
    this.bucket = encrypted(this, "Bucket", props.encryptionKey())
        .serverAccessLogsBucket(accessLogs)
        .serverAccessLogsPrefix(props.accessLogsPrefix())
        .removalPolicy(RemovalPolicy.RETAIN)
        .build();
    NagSuppressions.addResourceSuppressions(accessLogs, List.of(
        suppression("HIPAA.Security-S3DefaultEncryptionKMS", "S3 server access logging cannot deliver into a bucket"
            + " whose default encryption is SSE-KMS, so the log bucket uses SSE-S3 (AES-256)."),
        suppression("HIPAA.Security-S3BucketReplicationEnabled", NO_REPLICATION)));
    NagSuppressions.addResourceSuppressions(bucket, List.of(
        suppression("HIPAA.Security-S3BucketReplicationEnabled", NO_REPLICATION)));
  }

  /**
   * A bucket builder with the settings every bucket of tenant data has: KMS with {@code key} (bucket keys on), TLS
   * only, public access blocked, owner-enforced objects, versioning.
   */
  static Bucket.Builder encrypted(Construct scope, String id, software.amazon.awscdk.services.kms.IKey key) {
    return Bucket.Builder.create(scope, id)
        .encryption(BucketEncryption.KMS)
        .encryptionKey(key)
        .bucketKeyEnabled(true)
        .enforceSsl(true)
        .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
        .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
        .versioned(true);
  }

  private static NagPackSuppression suppression(String rule, String reason) {
    return NagPackSuppression.builder().id(rule).reason(reason).build();
  }

  /** The data bucket. */
  public Bucket bucket() {
    return bucket;
  }

  /** The bucket receiving the data bucket's server access logs. */
  public Bucket accessLogs() {
    return accessLogs;
  }
}
