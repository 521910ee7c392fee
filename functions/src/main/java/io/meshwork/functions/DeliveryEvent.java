package io.meshwork.functions;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The part of S3's EventBridge event {@code Object Created} that the Ingest function reads: the event id (the run id
 * of the ingest) and the bucket and key of the delivered object. Every other field is ignored.
 */
@Serdeable
public record DeliveryEvent(@Nullable String id, @JsonProperty("detail-type") @Nullable String detailType,
    @Nullable String source, @Nullable Detail detail) {

  /** The event's {@code detail}. */
  @Serdeable
  public record Detail(@Nullable Bucket bucket, @JsonProperty("object") @Nullable StoredObject storedObject) {
  }

  @Serdeable
  public record Bucket(@Nullable String name) {
  }

  /** The object; EventBridge gives its key as written, not URL-encoded. */
  @Serdeable
  public record StoredObject(@Nullable String key, @Nullable Long size) {
  }

  /** The bucket, or null. */
  String bucketName() {
    return detail == null || detail.bucket() == null ? null : detail.bucket().name();
  }

  /** The object key, or null. */
  String key() {
    return detail == null || detail.storedObject() == null ? null : detail.storedObject().key();
  }
}
