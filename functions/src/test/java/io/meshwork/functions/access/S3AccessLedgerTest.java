package io.meshwork.functions.access;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** The ledger's location must name an S3 object; reading and writing it are tested against moto in localstack-tests. */
class S3AccessLedgerTest {

  @Test
  void locationWithoutAKeyIsRefused_withAnExample() {
    try (S3Client s3 = S3Client.builder().region(Region.EU_CENTRAL_2).build()) {
      assertThatThrownBy(() -> new S3AccessLedger(s3, "s3://alpina-data"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("The access ledger location 's3://alpina-data' is not an S3 object URI such as"
              + " s3://<bucket>/meshwork/access-ledger.json");
      assertThatThrownBy(() -> new S3AccessLedger(s3, "https://alpina-data/ledger.json"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("The access ledger location 'https://alpina-data/ledger.json' is not");
    }
  }
}
