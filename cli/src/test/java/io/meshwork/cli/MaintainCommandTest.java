package io.meshwork.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mesh maintain} on the ingest test catalogue: a dry run reports, a real run removes, a second finds nothing. */
class MaintainCommandTest {

  private static final String CATALOGUE = "../engine/src/test/resources/ingest-catalog";

  @TempDir
  Path home;

  private MeshRun mesh(String... arguments) {
    java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of(arguments));
    all.addAll(java.util.List.of("--definitions", CATALOGUE, "--home", home.toString(), "--tenant", "helvetia"));
    return MeshRun.of(all.toArray(String[]::new));
  }

  @Test
  void removesThePublishedRunsAuditBranch_andThenFindsNothingToDo() throws IOException {
    Path file = Files.writeString(home.resolve("claims.csv"), "claim_id;insured_id;service_date;amount_chf;tariff\n"
        + "C1;I1;01.02.2024;120.50;TARDOC\n");
    assertThat(mesh("ingest", "--source", "claims", "--run-id", "r1", file.toString()).exitCode()).isZero();

    MeshRun dryRun = mesh("maintain", "--dry-run");
    MeshRun run = mesh("maintain");
    MeshRun again = mesh("maintain");

    String header = "tenant helvetia: keep published snapshots 35 days and at least the last 10, blocked runs 14 "
        + "days\n";
    assertThat(dryRun.out()).isEqualTo("Dry run for " + header
        + "  sources.claims_v1                          1 branches,    0 snapshots,     0 files,   0 orphans\n"
        + "Would remove 1 audit branches, 0 snapshots and 0 files.\n");
    assertThat(run.out()).isEqualTo("Maintaining " + header
        + "  sources.claims_v1                          1 branches,    0 snapshots,     0 files,   0 orphans\n"
        + "Removed 1 audit branches, 0 snapshots and 0 files.\n");
    assertThat(again.out()).isEqualTo("Maintaining " + header + "Removed 0 audit branches, 0 snapshots and 0 files.\n");
  }
}
