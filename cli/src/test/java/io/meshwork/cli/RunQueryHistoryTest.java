package io.meshwork.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mesh run}, {@code query} and {@code history} against real local storage, on a small test catalogue. */
class RunQueryHistoryTest {

  @TempDir
  Path home;

  @BeforeEach
  void deliverClaims() throws Exception {
    deliver("('c1', 'ZH', 120.50), ('c2', 'ZH', 80.00), ('c4', 'BE', 300.00)");
  }

  @Test
  void runPublishesAndQueryReadsMain() {
    MeshRun run = mesh("run", "--tenant", "helvetia", "--run-id", "r1");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("Refreshing tenant helvetia (run r1)\n")
        .contains("Tenant helvetia: 2 published, 0 up to date, 0 blocked, 0 failed, 0 conflicts, 0 skipped");

    MeshRun query = mesh("query", "--tenant", "helvetia", "SELECT canton, total_chf FROM cost_by_canton ORDER BY 1");

    assertThat(query.exitCode()).as(query.err()).isZero();
    assertThat(query.out()).isEqualTo("""
        -- as the data admin of tenant helvetia: every table, column and row; pass --as PRINCIPAL to query as one \
        of the tenant's principals
        canton | total_chf
        -------+----------
        BE     | 300.00
        ZH     | 200.50
        (2 rows)
        """);
  }

  @Test
  void runExitsOne_andNamesTheFailedCheck_whenQualityBlocksPublishing() throws Exception {
    deliver("('c1', 'ZH', 120.50), ('c9', 'GE', 250000.00)");

    MeshRun run = mesh("run", "--tenant", "helvetia", "--run-id", "r1");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("      FAILED range(amount_chf): 1 of 2 rows fail: amount_chf must be within "
        + "[, 100000]\n        e.g. c9, GE, 250000.00\n")
        .contains("  skipped     cost_by_canton");
  }

  @Test
  void runWithinAGivenMemory_publishes() {
    MeshRun run = mesh("run", "--tenant", "helvetia", "--run-id", "r1", "--memory", "1GB");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("Tenant helvetia: 2 published");
  }

  @Test
  void runRefusesAMemoryThatIsNotASize_withExitTwo() {
    MeshRun run = mesh("run", "--tenant", "helvetia", "--memory", "plenty");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("mesh run: --memory 'plenty' is not a size. Write a number and a unit, e.g. "
        + "500MB or 4GB.\n");
  }

  @Test
  void queryRefusesAnythingButOneQuery_withExitTwo() {
    MeshRun query = mesh("query", "--tenant", "helvetia", "SELECT 1; COPY claims TO '/tmp/x.csv'");

    assertThat(query.exitCode()).isEqualTo(2);
    assertThat(query.err()).isEqualTo("mesh query: The query is not allowed: Only one statement is allowed: remove "
        + "the ';' and what follows.\n");
  }

  @Test
  void historyShowsPublishedRuns() {
    mesh("run", "--tenant", "helvetia", "--run-id", "first");

    MeshRun history = mesh("history", "--tenant", "helvetia", "--product", "cost_by_canton");

    assertThat(history.exitCode()).as(history.err()).isZero();
    assertThat(history.out()).startsWith("History of cost_by_canton 1.2.0 for tenant helvetia (table "
        + "finance.cost_by_canton_v1)\nPublished on main, newest first:\n")
        .contains("run first  version 1.2.0  2 rows  quality: 3 passed, 0 warned, 0 failed");
  }

  @Test
  void runWithAProduct_refreshesOnlyItAndWhatItReads() {
    MeshRun run = mesh("run", "--tenant", "helvetia", "--product", "claims_clean", "--run-id", "r1");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("  published   claims_clean").doesNotContain("cost_by_canton")
        .contains("Tenant helvetia: 1 published, 0 up to date");
  }

  @Test
  void runAllTenants_refreshesEachTenantInTurn() {
    MeshRun run = mesh("run", "--all-tenants", "--run-id", "r1");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("Refreshing tenant helvetia (run r1)");
  }

  @Test
  void runRefusesAProductTheTenantDoesNotReceive_withExitTwo() {
    MeshRun run = mesh("run", "--tenant", "helvetia", "--product", "loss_ratio");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("mesh run: Tenant helvetia does not receive product 'loss_ratio'. It receives: "
        + "claims_clean, cost_by_canton.\n");
  }

  @Test
  void runJsonReportsEveryProduct() {
    MeshRun run = mesh("run", "--tenant", "helvetia", "--run-id", "r1", "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("\"tenant\" : \"helvetia\"", "\"runId\" : \"r1\"", "\"succeeded\" : true",
        "\"name\" : \"claims_clean\"", "\"outcome\" : \"published\"");
  }

  private MeshRun mesh(String... arguments) {
    return new HelvetiaHome(home).mesh(arguments);
  }

  private void deliver(String values) throws Exception {
    new HelvetiaHome(home).deliverClaims(values);
  }
}
