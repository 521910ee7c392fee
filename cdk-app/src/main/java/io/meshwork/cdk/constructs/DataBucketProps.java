package io.meshwork.cdk.constructs;

import java.util.Objects;
import software.amazon.awscdk.services.kms.IKey;

/**
 * Settings of a {@link DataBucket}.
 *
 * @param encryptionKey the customer-managed key that encrypts every object (required)
 * @param accessLogsPrefix the key prefix of the server access logs in the log bucket; default {@code "data/"}
 */
public record DataBucketProps(IKey encryptionKey, String accessLogsPrefix) {

  public DataBucketProps {
    Objects.requireNonNull(encryptionKey, "encryptionKey");
    accessLogsPrefix = accessLogsPrefix == null ? "data/" : accessLogsPrefix;
  }

  /** Props with every optional setting at its default. */
  public static DataBucketProps of(IKey encryptionKey) {
    return new DataBucketProps(encryptionKey, null);
  }
}
