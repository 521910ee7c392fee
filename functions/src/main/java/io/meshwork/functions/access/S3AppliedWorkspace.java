package io.meshwork.functions.access;

import io.meshwork.model.runtime.RuntimeNames;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The workspace the Access function last applied, kept as one JSON object beside the access ledger
 * ({@link RuntimeNames#appliedWorkspaceKey}): in the tenant's data bucket, encrypted with its key by the bucket's
 * default encryption like the ledger.
 */
public final class S3AppliedWorkspace {

  private final S3Client s3;
  private final String bucket;
  private final String key;

  /**
   * @param s3 a client of the tenant account's S3
   * @param bucket the bucket of the access ledger
   * @param ledgerKey the key of the access ledger, beside which the workspace is kept
   */
  public S3AppliedWorkspace(S3Client s3, String bucket, String ledgerKey) {
    this.s3 = Objects.requireNonNull(s3, "s3");
    this.bucket = Objects.requireNonNull(bucket, "bucket");
    this.key = RuntimeNames.appliedWorkspaceKey(Objects.requireNonNull(ledgerKey, "ledgerKey"));
  }

  /** The stored workspace, or empty when none was ever applied. */
  public Optional<AppliedWorkspace> read() {
    try {
      return Optional.of(AppliedWorkspace.fromJson(s3.getObjectAsBytes(request -> request.bucket(bucket).key(key))
          .asByteArray(), location()));
    } catch (NoSuchKeyException missing) {
      return Optional.empty();
    }
  }

  public void write(AppliedWorkspace workspace) {
    s3.putObject(request -> request.bucket(bucket).key(key).contentType("application/json"),
        RequestBody.fromBytes(workspace.toJson()));
  }

  /** {@code s3://bucket/key} of the stored workspace. */
  public String location() {
    return "s3://" + bucket + "/" + key;
  }
}
