package io.meshwork.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshwork.model.definition.Source;
import io.meshwork.model.parse.CatalogLoader;
import io.meshwork.model.parse.DirectoryDefinitionFiles;
import io.meshwork.model.plan.Planner;
import io.micronaut.core.type.Argument;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which S3 events the Ingest function takes as a delivery, and where a rejected one goes. */
class LandedObjectTest {

  private static final String BUCKET = "meshwork-tenant-helvetia-data";
  private final List<Source> sources = new Planner(CatalogLoader.load(new DirectoryDefinitionFiles(
      HandlerFixture.CATALOG))).plan("helvetia").sources();

  private LandedObject landed(String bucket, String key) {
    return LandedObject.of(new DeliveryEvent("e-1", "Object Created", "aws.s3", new DeliveryEvent.Detail(
        new DeliveryEvent.Bucket(bucket), new DeliveryEvent.StoredObject(key, 10L))), BUCKET, "helvetia", sources);
  }

  @Test
  void aKeyUnderASourcesLandingPrefix_isADeliveryOfThatSource_rejectedBesideItsReport() {
    LandedObject landed = landed(BUCKET, "landing/claims/2026/12/claims.csv.gz");

    assertThat(landed.source().name()).isEqualTo("claims");
    assertThat(landed.fileName()).isEqualTo("claims.csv.gz");
    assertThat(landed.rejectedKey()).isEqualTo("rejected/claims/2026/12/claims.csv.gz");
    assertThat(landed.reportKey()).isEqualTo("rejected/claims/2026/12/claims.csv.gz.report.json");
    assertThat(landed.uri()).isEqualTo("s3://" + BUCKET + "/landing/claims/2026/12/claims.csv.gz");
  }

  @Test
  void anotherBucket_isRefused_namingBoth() {
    assertThatThrownBy(() -> landed("meshwork-tenant-other-data", "landing/claims/claims.csv"))
        .isInstanceOf(InvalidRequestError.class)
        .hasMessage("The delivery s3://meshwork-tenant-other-data/landing/claims/claims.csv is not in the data bucket"
            + " of tenant helvetia (" + BUCKET + "): this function ingests only its own tenant's deliveries.");
  }

  @Test
  void aKeyOutsideLanding_orWithoutAFile_isRefused_withAnExample() {
    for (String key : List.of("warehouse/sources/claims_v1/data.parquet", "landing/claims/", "landing/claims")) {
      assertThatThrownBy(() -> landed(BUCKET, key)).as(key)
          .isInstanceOf(InvalidRequestError.class)
          .hasMessage("The key " + key + " is not a delivery: put a source's files under landing/<source>/, e.g."
              + " landing/claims/2026-12.csv.");
    }
  }

  @Test
  void aSourceTheTenantDoesNotDeliver_isRefused_listingItsSources() {
    assertThatThrownBy(() -> landed(BUCKET, "landing/premiums/2026.csv"))
        .isInstanceOf(InvalidRequestError.class)
        .hasMessage("The delivery landing/premiums/2026.csv is for source 'premiums', which tenant helvetia does not"
            + " deliver. Its sources are claims.");
  }

  @Test
  void dotSegments_areRefused() {
    assertThatThrownBy(() -> landed(BUCKET, "landing/claims/../warehouse/x.csv"))
        .isInstanceOf(InvalidRequestError.class)
        .hasMessage("The delivery key landing/claims/../warehouse/x.csv has an empty, '.' or '..' path segment: name"
            + " the file plainly, e.g. landing/claims/2026-12.csv.");
  }

  @Test
  void anS3EventInEventBridgesShape_readsBucketAndKey() throws IOException {
    DeliveryEvent event = new LambdaSerializer().getJsonMapper().readValue("""
        {"version":"0","id":"17793124-05d4-b198-2fde-7ededc63b103","detail-type":"Object Created",
         "source":"aws.s3","account":"111122223333","time":"2026-12-07T06:00:00Z","region":"eu-central-2",
         "resources":["arn:aws:s3:::%s"],
         "detail":{"version":"0","bucket":{"name":"%s"},"object":{"key":"landing/claims/claims.csv","size":5,
           "etag":"b1946ac92492d2347c6235b4d2611184","sequencer":"00617F08299329D189"},"request-id":"N4N7GDK58NMKJ12R",
           "requester":"111122223333","source-ip-address":"1.2.3.4","reason":"PutObject"}}
        """.formatted(BUCKET, BUCKET), Argument.of(DeliveryEvent.class));

    assertThat(event.id()).isEqualTo("17793124-05d4-b198-2fde-7ededc63b103");
    assertThat(event.bucketName()).isEqualTo(BUCKET);
    assertThat(event.key()).isEqualTo("landing/claims/claims.csv");
  }
}
