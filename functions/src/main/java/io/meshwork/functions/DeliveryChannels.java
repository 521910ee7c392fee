package io.meshwork.functions;

import static io.meshwork.model.runtime.RuntimeNames.NOTIFICATIONS_TOPIC_VARIABLE;
import static io.meshwork.model.runtime.RuntimeNames.PIPELINE_EVENT_SOURCE;
import static io.meshwork.model.runtime.RuntimeNames.PRODUCT_PUBLISHED;
import static io.meshwork.model.runtime.RuntimeNames.S3_PATH_STYLE_VARIABLE;
import static io.meshwork.model.runtime.RuntimeNames.WAREHOUSE_VARIABLE;
import static io.meshwork.model.runtime.RuntimeNames.property;

import io.meshwork.engine.ingest.IngestReport;
import io.micronaut.context.env.Environment;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Where a delivery comes from and what is told about it: the tenant's data bucket (download, and the move of a
 * rejected delivery to {@code rejected/} with its report), the account's default event bus ({@code ProductPublished}
 * after a publish) and the pipeline's topic (a rejection).
 */
final class DeliveryChannels {

  private final S3Client s3;
  private final EventBridgeClient events;
  private final SnsClient sns;
  private final String bucket;
  private final String topicArn;

  DeliveryChannels(S3Client s3, EventBridgeClient events, SnsClient sns, String bucket, String topicArn) {
    this.s3 = s3;
    this.events = events;
    this.sns = sns;
    this.bucket = bucket;
    this.topicArn = topicArn;
  }

  /**
   * From the function's environment: the bucket of {@code MESHWORK_WAREHOUSE}, the topic
   * {@code MESHWORK_NOTIFICATIONS_TOPIC}, {@code AWS_REGION}, {@code AWS_ENDPOINT_URL} and
   * {@code MESHWORK_S3_PATH_STYLE} as the engine reads them. Fails at startup when a setting is missing.
   */
  static DeliveryChannels fromEnvironment(Environment environment) {
    String warehouse = environment.getProperty(property(WAREHOUSE_VARIABLE), String.class).orElse("");
    if (!warehouse.matches("s3://[^/]+/.*")) {
      throw new IllegalStateException("The Ingest function needs MESHWORK_WAREHOUSE, s3://<data bucket>/warehouse;"
          + " got '" + warehouse + "'.");
    }
    String topic = environment.getProperty(property(NOTIFICATIONS_TOPIC_VARIABLE), String.class).orElse("");
    if (!topic.startsWith("arn:")) {
      throw new IllegalStateException("The Ingest function needs MESHWORK_NOTIFICATIONS_TOPIC, the ARN of the"
          + " pipeline's topic; got '" + topic + "'.");
    }
    Optional<URI> endpoint = environment.getProperty("aws.endpoint.url", String.class)
        .filter(url -> !url.isBlank()).map(URI::create);
    boolean pathStyle = environment.getProperty(property(S3_PATH_STYLE_VARIABLE), Boolean.class).orElse(false);
    var s3 = S3Client.builder().forcePathStyle(pathStyle);
    var events = EventBridgeClient.builder();
    var sns = SnsClient.builder();
    endpoint.ifPresent(uri -> {
      s3.endpointOverride(uri);
      events.endpointOverride(uri);
      sns.endpointOverride(uri);
    });
    // AWS_REGION, which Lambda sets; without it the SDK's default chain decides.
    environment.getProperty("aws.region", String.class).filter(region -> !region.isBlank()).map(Region::of)
        .ifPresent(region -> {
          s3.region(region);
          events.region(region);
          sns.region(region);
        });
    String bucket = warehouse.substring("s3://".length(), warehouse.indexOf('/', "s3://".length()));
    return new DeliveryChannels(s3.build(), events.build(), sns.build(), bucket, topic);
  }

  /** The tenant's data bucket, the only one deliveries are taken from. */
  String bucket() {
    return bucket;
  }

  void download(LandedObject landed, Path target) {
    s3.getObject(request -> request.bucket(bucket).key(landed.key()), target);
  }

  /**
   * Writes the report beside the delivery's place under {@code rejected/}, copies the delivery there, then deletes
   * it from {@code landing/}: a failure on the way leaves the delivery where it was, to be ingested again.
   */
  void reject(LandedObject landed, String reportJson) {
    s3.putObject(request -> request.bucket(bucket).key(landed.reportKey()).contentType("application/json"),
        RequestBody.fromString(reportJson));
    s3.copyObject(request -> request.sourceBucket(bucket).sourceKey(landed.key())
        .destinationBucket(bucket).destinationKey(landed.rejectedKey()));
    s3.deleteObject(request -> request.bucket(bucket).key(landed.key()));
  }

  /**
   * Puts the {@code ProductPublished} event the refresh state machine puts after a product's publish, for the source,
   * so the dependents rule refreshes what reads it. {@code request} says which delivery published.
   */
  void announcePublished(IngestReport report, LandedObject landed, String runId, JsonMapper json) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("tenant", report.tenant());
    request.put("source", report.source());
    request.put("delivery", landed.uri());
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("tenant", report.tenant());
    detail.put("product", report.source());
    detail.put("version", landed.source().version().toString());
    detail.put("table", report.table());
    detail.put("snapshotId", report.snapshotId());
    detail.put("runId", runId);
    detail.put("request", request);
    PutEventsResponse response = events.putEvents(put -> put.entries(entry -> entry
        .source(PIPELINE_EVENT_SOURCE)
        .detailType(PRODUCT_PUBLISHED)
        .detail(write(json, detail))));
    if (response.failedEntryCount() != null && response.failedEntryCount() > 0) {
      throw new IllegalStateException("EventBridge refused the ProductPublished event of " + report.source() + ": "
          + response.entries().get(0).errorCode() + " " + response.entries().get(0).errorMessage());
    }
  }

  /** Tells the pipeline's topic that {@code landed} was rejected, where it lies now, and why. */
  void notifyRejected(IngestReport report, LandedObject landed, JsonMapper json) {
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("tenant", report.tenant());
    message.put("source", report.source());
    message.put("outcome", "REJECTED");
    message.put("delivery", landed.uri());
    message.put("movedTo", LandedObject.uri(bucket, landed.rejectedKey()));
    message.put("report", LandedObject.uri(bucket, landed.reportKey()));
    message.put("rowsRead", report.rowsRead());
    message.put("rowsRejected", report.rowsRejected());
    message.put("message", report.message());
    String subject = "Meshwork delivery of tenant " + report.tenant() + " rejected: " + report.source();
    sns.publish(publish -> publish.topicArn(topicArn)
        .subject(subject.length() > 100 ? subject.substring(0, 100) : subject)
        .message(write(json, message)));
  }

  private static String write(JsonMapper json, Map<String, Object> value) {
    try {
      return json.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
