package io.meshwork.cdk.constructs;

import java.util.Objects;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.s3.IBucket;

/**
 * Settings of a {@link QueryWorkGroup}.
 *
 * @param resultBucket the bucket receiving query results; required
 * @param encryptionKey the key encrypting the results (SSE_KMS); required
 * @param name the workgroup name; default {@code "meshwork"}
 * @param resultPrefix the key prefix of results in {@code resultBucket}; default {@code "athena-results/"}
 * @param bytesScannedCutoffPerQuery queries scanning more bytes are cancelled; default 10 GiB, at least 10 MB (the
 *     Athena minimum)
 */
public record QueryWorkGroupProps(IBucket resultBucket, IKey encryptionKey, String name, String resultPrefix,
    Long bytesScannedCutoffPerQuery) {

  /** 10 GiB. */
  public static final long DEFAULT_BYTES_SCANNED_CUTOFF = 10L * 1024 * 1024 * 1024;

  private static final long ATHENA_MINIMUM_CUTOFF = 10_000_000L;

  public QueryWorkGroupProps {
    Objects.requireNonNull(resultBucket, "resultBucket");
    Objects.requireNonNull(encryptionKey, "encryptionKey");
    name = name == null ? "meshwork" : name;
    resultPrefix = resultPrefix == null ? "athena-results/" : resultPrefix;
    bytesScannedCutoffPerQuery = bytesScannedCutoffPerQuery == null
        ? DEFAULT_BYTES_SCANNED_CUTOFF
        : bytesScannedCutoffPerQuery;
    if (bytesScannedCutoffPerQuery < ATHENA_MINIMUM_CUTOFF) {
      throw new IllegalArgumentException("bytesScannedCutoffPerQuery " + bytesScannedCutoffPerQuery
          + " is below Athena's minimum of " + ATHENA_MINIMUM_CUTOFF + " bytes.");
    }
  }

  /** Props with every optional setting at its default. */
  public static QueryWorkGroupProps of(IBucket resultBucket, IKey encryptionKey) {
    return new QueryWorkGroupProps(resultBucket, encryptionKey, null, null, null);
  }
}
