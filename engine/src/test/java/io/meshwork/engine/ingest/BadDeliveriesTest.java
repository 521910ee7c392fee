package io.meshwork.engine.ingest;

import static io.meshwork.engine.ingest.IngestFixture.CLAIMS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each kind of bad delivery a core system produces gets a message naming the file, line and column and how to fix
 * it, and leaves the published claims exactly as they were (main's snapshot id before and after).
 */
class BadDeliveriesTest {

  static final String HEADER = "claim_id;insured_id;service_date;amount_chf;tariff\n";
  static final String GOOD = HEADER + "C1;I1;01.02.2024;120.50;TARDOC\nC2;I2;15.03.2024;80.00;PHARMA\n";

  @TempDir
  Path home;
  IngestFixture fixture;
  Long published;

  @BeforeEach
  void publishGoodDelivery() {
    fixture = new IngestFixture(home);
    IngestReport report = fixture.ingest("claims", fixture.file("claims-good.csv", GOOD));
    assertThat(report.status()).isEqualTo(IngestReport.Status.PUBLISHED);
    published = fixture.main(CLAIMS);
    assertThat(published).isNotNull();
  }

  @AfterEach
  void mainUnchanged() throws IOException {
    assertThat(fixture.main(CLAIMS)).as("main of claims after the bad delivery").isEqualTo(published);
    fixture.close();
  }

  private IngestReport rejected(String name, String text) {
    IngestReport report = fixture.ingest("claims", fixture.file(name, text));
    assertThat(report.status()).isEqualTo(IngestReport.Status.REJECTED);
    assertThat(report.snapshotId()).isEqualTo(Long.toString(published));
    return report;
  }

  @Test
  void refusesDelivery_whenRequiredColumnIsMissing() {
    IngestReport report = rejected("claims-missing.csv", "claim_id;insured_id;amount_chf\nC3;I3;10.00\n");
    assertThat(report.message()).isEqualTo("Not published: claims-missing.csv: required column 'service_date' is "
        + "missing (the file has claim_id, insured_id, amount_chf). Deliver it, or make it optional (required: false) "
        + "in version 2.0.0 of source claims, a breaking change for its consumers. main is unchanged.");
    assertThat(report.notes()).containsExactly("claims-missing.csv: optional column 'tariff' is missing and was "
        + "delivered empty.");
  }

  @Test
  void namesTheRename_whenAColumnWasRenamed() {
    IngestReport report = rejected("claims-renamed.csv",
        "claim_id;insured;service_date;amount_chf;tariff\nC3;I3;01.02.2024;10.00;LAB\n");
    assertThat(report.message()).isEqualTo("Not published: claims-renamed.csv: column 'insured_id' is missing and "
        + "'insured' is not in the contract of source claims 1.0.0. If it was renamed, deliver it as 'insured_id' "
        + "again; renaming the column in the contract is a breaking change (version 2.0.0). main is unchanged.");
  }

  @Test
  void rejectsRow_whenAValueHasTheWrongType() {
    IngestReport report = rejected("claims-type.csv", HEADER + "C3;I3;01.02.2024;12,50;LAB\nC4;I4;01.02.2024;9.00;LAB\n");
    assertThat(report.rowsRead()).isEqualTo(2);
    assertThat(report.rowsRejected()).isEqualTo(1);
    assertThat(report.rejectedSample()).containsExactly(new RejectedRow("claims-type.csv", 2, "amount_chf", "12,50",
        "not a decimal(12,2) number with decimal separator '.'"));
    assertThat(report.message()).isEqualTo("Not published: 6 passed, 0 warned, 1 failed. main is unchanged; the "
        + "delivery stays on branch audit-run-2 for inspection.");
  }

  @Test
  void rejectsRow_whenADateIsInvalid() {
    IngestReport report = rejected("claims-date.csv", HEADER + "C3;I3;31.02.2024;10.00;LAB\n");
    assertThat(report.rejectedSample()).containsExactly(new RejectedRow("claims-date.csv", 2, "service_date",
        "31.02.2024", "not a date written %d.%m.%Y"));
  }

  @Test
  void failsPrimaryKey_whenAKeyIsDeliveredTwice() {
    IngestReport report = rejected("claims-duplicate.csv", HEADER + "C3;I3;01.02.2024;10.00;LAB\n"
        + "C3;I4;02.02.2024;11.00;LAB\n");
    assertThat(report.checks()).filteredOn(check -> !check.passed()).singleElement()
        .satisfies(check -> {
          assertThat(check.label()).isEqualTo("primary_key(claim_id)");
          assertThat(check.message()).isEqualTo("2 of 2 rows fail: (claim_id) must be unique");
          assertThat(check.sample()).containsExactly("C3, 2");
        });
  }

  @Test
  void rejectsRow_whenBytesAreNotUtf8() {
    IngestReport report = fixture.ingest("claims", fixture.file("claims-latin1.csv",
        HEADER + "C3;I3;01.02.2024;10.00;Zürich\n", StandardCharsets.ISO_8859_1));
    assertThat(report.status()).isEqualTo(IngestReport.Status.REJECTED);
    assertThat(report.rejectedSample()).containsExactly(new RejectedRow("claims-latin1.csv", 2, "tariff", null,
        "not utf-8 text: deliver utf-8, or declare the file's encoding in the source's 'delivery: csv: encoding'"));
  }

  @Test
  void refusesDelivery_whenTheFileIsEmpty() {
    IngestReport report = rejected("claims-empty.csv", "");
    assertThat(report.message()).isEqualTo("Not published: claims-empty.csv has no rows. Deliver the file with its "
        + "rows, or leave it out of the delivery. main is unchanged.");
  }

  @Test
  void refusesDelivery_whenTheFileHasOnlyAHeader() {
    IngestReport report = rejected("claims-header.csv", HEADER);
    assertThat(report.message()).isEqualTo("Not published: claims-header.csv has no rows, only a header. Deliver the "
        + "file with its rows, or leave it out of the delivery. main is unchanged.");
  }

  @Test
  void refusesUnreadableInput_whenTheGzipIsTruncated() throws IOException {
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
      gzip.write((HEADER + "C3;I3;01.02.2024;10.00;LAB\n".repeat(2000)).getBytes(StandardCharsets.UTF_8));
    }
    byte[] truncated = Arrays.copyOf(compressed.toByteArray(), compressed.size() / 2);
    Path file = fixture.bytes("claims-truncated.csv.gz", truncated);
    assertThatThrownBy(() -> fixture.ingest("claims", file)).isInstanceOf(DeliveryException.class)
        .hasMessage("Cannot read the delivery of source claims: IO Error: Unexpected end of GZIP stream: "
            + "…/claims-truncated.csv.gz");
  }

  @Test
  void refusesDelivery_whenAParquetFileHasAnotherSchema() {
    Path file = parquet("claims-schema.parquet", "SELECT 'C3' AS claim_id, 'I3' AS insured_id, DATE '2024-02-01' AS "
        + "service_date, '10.00' AS amount_chf");
    IngestReport report = fixture.ingest("claims", file);
    assertThat(report.status()).isEqualTo(IngestReport.Status.REJECTED);
    assertThat(report.message()).isEqualTo("Not published: claims-schema.parquet: column 'amount_chf' is string, but "
        + "the contract of source claims declares decimal(12,2). Deliver decimal(12,2), or change the column's type "
        + "in version 2.0.0 (a breaking change). main is unchanged.");
  }

  @Test
  void namesTheCompatibleChange_whenAParquetColumnIsWider() {
    Path file = parquet("claims-wider.parquet", "SELECT 'C3' AS claim_id, 'I3' AS insured_id, DATE '2024-02-01' AS "
        + "service_date, CAST(10 AS DECIMAL(14,2)) AS amount_chf");
    IngestReport report = fixture.ingest("claims", file);
    assertThat(report.message()).isEqualTo("Not published: claims-wider.parquet: column 'amount_chf' is decimal(14,2), "
        + "but the contract of source claims declares decimal(12,2). Deliver decimal(12,2), or widen the column to "
        + "decimal(14,2) in version 1.1.0 (a compatible change). main is unchanged.");
  }

  @Test
  void rejectsRow_whenAnUnquotedDelimiterSplitsAValue() {
    IngestReport report = rejected("claims-delimiter.csv", HEADER + "C3;I3;01.02.2024;10.00;LAB;extra\n");
    assertThat(report.rejectedSample()).containsExactly(new RejectedRow("claims-delimiter.csv", 2, null,
        "C3;I3;01.02.2024;10.00;LAB;extra", "more fields than the header: quote values that contain the delimiter ';'"));
  }

  @Test
  void failsRequiredCheck_beforeAnyCommit_whenARequiredValueIsEmpty() {
    IngestReport report = rejected("claims-required.csv",
        HEADER + "C3;;01.02.2024;10.00;LAB\nC4;I4;01.02.2024;9.00;LAB\n");
    assertThat(report.checks()).extracting(check -> check.label() + ": " + check.message() + " " + check.sample())
        .containsExactly("required(insured_id): 1 of 2 rows fail: insured_id must not be empty (the contract marks it "
            + "required) [C3, null, 2024-02-01, 10.00, LAB]");
    assertThat(report.message()).isEqualTo("Not published: 0 passed, 0 warned, 1 failed. main is unchanged; nothing "
        + "was committed, as rows leave required columns empty.");
    assertThat(fixture.table(CLAIMS).refs()).as("no branch holds the empty value").doesNotContainKey("audit-run-2");
  }

  @Test
  void failsQualityRule_whenAnAmountIsNegative() {
    IngestReport report = rejected("claims-negative.csv", HEADER + "C3;I3;01.02.2024;-10.00;LAB\n");
    assertThat(report.checks()).filteredOn(check -> !check.passed()).singleElement()
        .satisfies(check -> assertThat(check.message()).isEqualTo("1 of 1 rows fail: amount_chf must be within [0, ]"));
  }

  @Test
  void refusesUnreadableInput_whenTheFormatIsNotAccepted() {
    Path file = parquet("premiums.parquet", "SELECT 'I1' AS insured_id");
    assertThatThrownBy(() -> fixture.ingest("premiums", file)).isInstanceOf(DeliveryException.class)
        .hasMessage("premiums.parquet is parquet, which source premiums does not accept: deliver csv.");
  }

  @Test
  void refusesUnreadableInput_whenTheSourceIsUnknown() {
    Path file = fixture.file("claim.csv", GOOD);
    assertThatThrownBy(() -> fixture.ingest("claim", file)).isInstanceOf(DeliveryException.class)
        .hasMessage("Tenant helvetia delivers no source named 'claim'. Its sources are claims, premiums, providers.");
  }

  @Test
  void refusesUnreadableInput_whenAParquetFileIsNotParquet() {
    Path file = fixture.file("claims.parquet", HEADER + "C9;I9;01.02.2024;10.00;LAB\n");
    assertThatThrownBy(() -> fixture.ingest("claims", file)).isInstanceOf(DeliveryException.class)
        .hasMessageStartingWith("Cannot read claims.parquet as Parquet: ")
        .hasMessageEndingWith(". Deliver a complete Parquet file, or a CSV file named *.csv.");
  }

  private Path parquet(String name, String sql) {
    Path target = home.resolve("deliveries").resolve(name);
    return new DeliveryWriter(home, new io.meshwork.engine.compute.DuckDbSession.Limits(1, "256MB"))
        .write(fixture.catalog.source("claims").orElseThrow(), sql, target);
  }
}
