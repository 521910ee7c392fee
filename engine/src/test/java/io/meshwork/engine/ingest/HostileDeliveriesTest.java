package io.meshwork.engine.ingest;

import static io.meshwork.engine.ingest.IngestFixture.CLAIMS;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A delivered file is outside input: its name and its header's column names reach the SQL that reads it only as
 * escaped literals and quoted identifiers, so no header or name can add a statement, read or write another file.
 */
class HostileDeliveriesTest {

  @TempDir
  Path home;
  @TempDir
  Path elsewhere;
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
  void ignoresAColumnNamedLikeSql_andRunsNothingOfIt() throws IOException {
    Path target = elsewhere.resolve("written.csv");
    String hostile = "x'}); COPY (SELECT 1) TO '" + target + "'; --";
    IngestReport report = fixture.ingest("claims", fixture.file("claims.csv",
        "claim_id;insured_id;service_date;amount_chf;tariff;\"" + hostile + "\"\nC1;I1;01.02.2024;10.00;LAB;1\n"));

    assertThat(report.status()).isEqualTo(IngestReport.Status.PUBLISHED);
    assertThat(report.notes()).containsExactly("claims.csv: column '" + hostile + "' is not in the contract of source "
        + "claims and was ignored.");
    assertThat(target).doesNotExist();
  }

  @Test
  void readsAFileWhoseNameHoldsQuotes_asThatFileOnly() throws IOException {
    Path file = Files.writeString(Files.createDirectories(home.resolve("deliveries")).resolve("it's \"claims\".csv"),
        BadDeliveriesTest.GOOD);

    IngestReport report = fixture.ingest("claims", file);

    assertThat(report.status()).isEqualTo(IngestReport.Status.PUBLISHED);
    assertThat(fixture.rows(CLAIMS, "SELECT count(*) FROM claims_v1")).containsExactly(List.of(2L));
  }

  @Test
  void refusesAHeaderThatRenamesAContractColumnWithAQuote() throws IOException {
    IngestReport report = fixture.ingest("claims", fixture.file("claims-quote.csv",
        "claim_id;\"insured_id\"\"\";service_date;amount_chf;tariff\nC1;I1;01.02.2024;10.00;LAB\n"));

    assertThat(report.status()).isEqualTo(IngestReport.Status.REJECTED);
    assertThat(report.message()).startsWith("Not published: claims-quote.csv: column 'insured_id' is missing and "
        + "'insured_id\"' is not in the contract of source claims 1.0.0.");
    assertThat(fixture.main(CLAIMS)).isNull();
  }
}
