package io.meshwork.engine.ingest;

import static io.meshwork.engine.ingest.IngestFixture.CLAIMS;
import static io.meshwork.engine.ingest.IngestFixture.PREMIUMS;
import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.engine.pipeline.SnapshotProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deliveries that are accepted: read in the source's dialect, published once, appended by slice. */
class GoodDeliveriesTest {

  @TempDir
  Path home;
  IngestFixture fixture;

  @BeforeEach
  void open() {
    fixture = new IngestFixture(home);
  }

  @AfterEach
  void close() throws IOException {
    fixture.close();
  }

  @Test
  void keepsQuotedDelimiterInsideAValue() {
    IngestReport report = fixture.ingest("claims", fixture.file("claims.csv", BadDeliveriesTest.HEADER
        + "C1;I1;01.02.2024;10.00;\"LAB;urgent\"\n"));
    assertThat(report.status()).isEqualTo(IngestReport.Status.PUBLISHED);
    assertThat(fixture.rows(CLAIMS, "SELECT tariff, CAST(service_date AS VARCHAR) FROM claims_v1"))
        .containsExactly(List.of("LAB;urgent", "2024-02-01"));
  }

  @Test
  void ignoresAndNotesAColumnTheContractDoesNotDeclare() {
    IngestReport report = fixture.ingest("claims", fixture.file("claims-extra.csv",
        "claim_id;insured_id;service_date;amount_chf;tariff;channel\nC1;I1;01.02.2024;10.00;LAB;ebill\n"));
    assertThat(report.status()).isEqualTo(IngestReport.Status.PUBLISHED);
    assertThat(report.notes()).containsExactly("claims-extra.csv: column 'channel' is not in the contract of source "
        + "claims and was ignored.");
    assertThat(report.message()).isEqualTo("Published 1 delivered rows of source claims (7 passed, 0 warned, 0 "
        + "failed).");
  }

  @Test
  void publishesOnce_whenTheSameFilesAreDeliveredTwice() {
    Path file = fixture.file("claims.csv", BadDeliveriesTest.GOOD);
    IngestReport first = fixture.ingest("claims", file);
    Long published = fixture.main(CLAIMS);
    IngestReport second = fixture.ingest("claims", file);
    assertThat(second.status()).isEqualTo(IngestReport.Status.ALREADY_INGESTED);
    assertThat(second.message()).isEqualTo("The same files were already delivered and published as snapshot "
        + published + "; nothing changed.");
    assertThat(fixture.main(CLAIMS)).isEqualTo(published);
    assertThat(fixture.table(CLAIMS).currentSnapshot().summary()).containsEntry(SnapshotProperties.DELIVERY,
        first.fingerprint()).containsEntry(SnapshotProperties.STAGE, SnapshotProperties.PUBLISHED);
  }

  @Test
  void replacesOnlyTheRedeliveredSlice_whenAppendingByKey() {
    fixture.ingest("premiums", fixture.file("premiums-2024-01-02.csv", "insured_id,premium_month,premium_chf\n"
        + "I1,2024-01-01,300.00\nI1,2024-02-01,300.00\n"));
    IngestReport march = fixture.ingest("premiums", fixture.file("premiums-2024-03.csv",
        "insured_id,premium_month,premium_chf\nI1,2024-03-01,310.00\n"));
    IngestReport corrected = fixture.ingest("premiums", fixture.file("premiums-2024-02.csv",
        "insured_id,premium_month,premium_chf\nI1,2024-02-01,295.50\nI2,2024-02-01,120.00\n"));
    assertThat(List.of(march.status(), corrected.status())).containsOnly(IngestReport.Status.PUBLISHED);
    assertThat(fixture.rows(PREMIUMS, "SELECT insured_id, CAST(premium_month AS VARCHAR), CAST(premium_chf AS VARCHAR) "
        + "FROM premiums_v1 ORDER BY 2, 1")).containsExactly(
            List.of("I1", "2024-01-01", "300.00"), List.of("I1", "2024-02-01", "295.50"),
            List.of("I2", "2024-02-01", "120.00"), List.of("I1", "2024-03-01", "310.00"));
  }

  @Test
  void readsTheDeclaredEncoding() {
    IngestReport report = fixture.ingest("providers", fixture.file("providers.csv",
        "provider_id,name\nP1,Praxis Zürich\n", StandardCharsets.ISO_8859_1));
    assertThat(report.status()).isEqualTo(IngestReport.Status.PUBLISHED);
    assertThat(fixture.rows(new io.meshwork.model.definition.TableName("sources", "providers_v1"),
        "SELECT name FROM providers_v1")).containsExactly(List.of("Praxis Zürich"));
  }
}
