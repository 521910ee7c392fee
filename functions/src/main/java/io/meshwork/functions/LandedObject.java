package io.meshwork.functions;

import static io.meshwork.model.runtime.RuntimeNames.LANDING_PREFIX;
import static io.meshwork.model.runtime.RuntimeNames.REJECTED_PREFIX;
import static io.meshwork.model.runtime.RuntimeNames.REPORT_SUFFIX;

import io.meshwork.model.definition.Source;
import java.util.List;

/**
 * A delivered object under {@code landing/<source>/} of the tenant's data bucket, checked before anything is read:
 * the bucket is the tenant's, the key is under the landing prefix of a source the tenant delivers, and no path
 * segment is empty, {@code .} or {@code ..}.
 *
 * @param path the key below {@code landing/<source>/}, e.g. {@code 2026-12/claims.csv}
 */
record LandedObject(String bucket, String key, Source source, String path) {

  /** Checks {@code event} against the tenant's {@code bucket} and the sources it delivers. */
  static LandedObject of(DeliveryEvent event, String bucket, String tenant, List<Source> sources) {
    String key = event.key();
    if (event.bucketName() == null || key == null) {
      throw new InvalidRequestError("The Ingest function needs an S3 Object Created event with detail.bucket.name"
          + " and detail.object.key; got " + event + ".", null);
    }
    if (!event.bucketName().equals(bucket)) {
      throw new InvalidRequestError("The delivery s3://" + event.bucketName() + "/" + key + " is not in the data"
          + " bucket of tenant " + tenant + " (" + bucket + "): this function ingests only its own tenant's"
          + " deliveries.", null);
    }
    String[] parts = key.startsWith(LANDING_PREFIX) ? key.substring(LANDING_PREFIX.length()).split("/", 2)
        : new String[0];
    if (parts.length < 2 || parts[1].isEmpty()) {
      throw new InvalidRequestError("The key " + key + " is not a delivery: put a source's files under "
          + LANDING_PREFIX + "<source>/, e.g. " + LANDING_PREFIX + sourceExample(sources) + "/2026-12.csv.", null);
    }
    Source source = sources.stream().filter(candidate -> candidate.name().equals(parts[0])).findFirst()
        .orElseThrow(() -> new InvalidRequestError("The delivery " + key + " is for source '" + parts[0]
            + "', which tenant " + tenant + " does not deliver. Its sources are " + String.join(", ",
            sources.stream().map(Source::name).toList()) + ".", null));
    for (String segment : parts[1].split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        throw new InvalidRequestError("The delivery key " + key + " has an empty, '.' or '..' path segment:"
            + " name the file plainly, e.g. " + LANDING_PREFIX + source.name() + "/2026-12.csv.", null);
      }
    }
    return new LandedObject(bucket, key, source, parts[1]);
  }

  private static String sourceExample(List<Source> sources) {
    return sources.isEmpty() ? "claims" : sources.get(0).name();
  }

  /** The file name the delivery is staged under; its extension tells the format. */
  String fileName() {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** Where a rejected delivery goes: {@code rejected/<source>/<path>}. */
  String rejectedKey() {
    return REJECTED_PREFIX + source.name() + "/" + path;
  }

  /** The report beside the rejected delivery. */
  String reportKey() {
    return rejectedKey() + REPORT_SUFFIX;
  }

  String uri() {
    return "s3://" + bucket + "/" + key;
  }

  static String uri(String bucket, String key) {
    return "s3://" + bucket + "/" + key;
  }
}
