package io.meshwork.functions.access;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.Objects;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The {@link AccessLedger} as one JSON object in S3, by default in the tenant's data bucket (encrypted with its key
 * like everything there, and outside the warehouse prefix that Lake Formation governs).
 */
public final class S3AccessLedger implements AccessLedger {

  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final S3Client s3;
  private final String bucket;
  private final String key;

  /**
   * @param s3 a client of the tenant account's S3
   * @param location {@code s3://<bucket>/<key>} of the ledger object
   */
  public S3AccessLedger(S3Client s3, String location) {
    this.s3 = Objects.requireNonNull(s3, "s3");
    URI uri = URI.create(Objects.requireNonNull(location, "location"));
    if (!"s3".equals(uri.getScheme()) || uri.getHost() == null || uri.getPath().length() < 2) {
      throw new IllegalArgumentException("The access ledger location '" + location
          + "' is not an S3 object URI such as s3://<bucket>/meshwork/access-ledger.json");
    }
    this.bucket = uri.getHost();
    this.key = uri.getPath().substring(1);
  }

  /** The store of the workspace last applied, beside this ledger. */
  public S3AppliedWorkspace appliedWorkspace() {
    return new S3AppliedWorkspace(s3, bucket, key);
  }

  @Override
  public ManagedAccess read() {
    try {
      byte[] json = s3.getObjectAsBytes(request -> request.bucket(bucket).key(key)).asByteArray();
      return JSON.readValue(json, ManagedAccess.class);
    } catch (NoSuchKeyException missing) {
      return ManagedAccess.NONE;
    } catch (java.io.IOException unreadable) {
      throw new IllegalStateException("The access ledger s3://" + bucket + "/" + key + " is not readable JSON: "
          + unreadable.getMessage(), unreadable);
    }
  }

  @Override
  public void write(ManagedAccess access) {
    try {
      s3.putObject(request -> request.bucket(bucket).key(key).contentType("application/json"),
          RequestBody.fromBytes(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(access)));
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
