package io.meshwork.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mesh ingest} on the engine's ingest test catalogue: exit 0 when published, 1 when rejected (main
 * unchanged), 2 for unreadable input, and the report a person reads.
 */
class IngestCommandTest {

  private static final String CATALOGUE = "../engine/src/test/resources/ingest-catalog";
  private static final String HEADER = "claim_id;insured_id;service_date;amount_chf;tariff\n";

  @TempDir
  Path home;

  private MeshRun ingest(String... arguments) {
    java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of("ingest", "--definitions", CATALOGUE,
        "--home", home.toString(), "--tenant", "helvetia", "--source", "claims"));
    all.addAll(java.util.List.of(arguments));
    return MeshRun.of(all.toArray(String[]::new));
  }

  private Path file(String name, String text) throws IOException {
    Path directory = Files.createDirectories(home.resolve("deliveries"));
    return Files.writeString(directory.resolve(name), text);
  }

  @Test
  void publishesAndThenRecognisesTheSameDelivery() throws IOException {
    Path file = file("claims.csv", HEADER + "C1;I1;01.02.2024;120.50;TARDOC\n");

    MeshRun first = ingest(file.toString());
    MeshRun second = ingest(home.resolve("deliveries").toString());

    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out()).isEqualTo("""
        Source claims of tenant helvetia (sources.claims_v1): published
          rows read                 1
          rows rejected             0
        Published 1 delivered rows of source claims (7 passed, 0 warned, 0 failed).
        """);
    assertThat(second.exitCode()).isZero();
    assertThat(second.out()).startsWith("Source claims of tenant helvetia (sources.claims_v1): already ingested\n"
        + "The same files were already delivered and published as snapshot ");
  }

  @Test
  void exitsOne_andShowsTheRejectedLine_whenAValueDoesNotFit() throws IOException {
    file("claims-ok.csv", HEADER + "C1;I1;01.02.2024;120.50;TARDOC\n");
    ingest(home.resolve("deliveries/claims-ok.csv").toString());
    Path bad = file("claims-bad.csv", HEADER + "C2;I2;30.02.2024;10.00;LAB\n");

    MeshRun run = ingest(bad.toString(), "--run-id", "bad-1");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEqualTo("""
        Source claims of tenant helvetia (sources.claims_v1): rejected
          rows read                 1
          rows rejected             1
            e.g. claims-bad.csv line 2, column service_date, value '30.02.2024': not a date written %d.%m.%Y
          FAILED readable_rows: 1 of 1 delivered rows could not be read as the contract says
        Not published: 6 passed, 0 warned, 1 failed. main is unchanged; the delivery stays on branch audit-bad-1 for \
        inspection.
        """);
  }

  @Test
  void exitsTwo_whenNoFileMatches() {
    MeshRun run = ingest(home.resolve("nothing-*.csv").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("mesh ingest: No file matches " + home.resolve("nothing-*.csv") + ".\n");
  }

  @Test
  void exitsTwo_whenTheFormatIsNotOneTheSourceAccepts() throws IOException {
    Path file = file("claims.xlsx", "not a delivery");

    MeshRun run = ingest(file.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("mesh ingest: Cannot read claims.xlsx: its name does not say its format. Name "
        + "CSV files *.csv or *.csv.gz and Parquet files *.parquet.\n");
  }
}
