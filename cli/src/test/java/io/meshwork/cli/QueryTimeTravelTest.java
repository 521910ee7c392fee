package io.meshwork.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.engine.maintenance.MaintenanceService;
import io.meshwork.engine.pipeline.Engine;
import io.meshwork.engine.pipeline.SourceDelivery;
import io.meshwork.model.definition.Catalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.iceberg.HistoryEntry;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mesh query --as-of} and {@code --snapshot} on the small test catalogue with a retention policy keeping only
 * the last published snapshot past one day: two runs publish claims_clean and cost_by_canton, the second over
 * changed claims.
 */
class QueryTimeTravelTest {

  private static final String COST = "finance.cost_by_canton_v1";
  private static final String CLAIMS_CLEAN = "claims.claims_clean_v1";

  @TempDir
  Path home;
  @TempDir
  Path work;
  private Path definitions;
  private long firstCost;
  private long secondCost;
  private Instant firstPublished;

  @BeforeEach
  void publishTwice() throws Exception {
    definitions = SandboxKitTest.copy(Path.of(HelvetiaHome.CATALOGUE), work.resolve("catalogue"));
    Path tenantFile = definitions.resolve("tenants/helvetia.yaml");
    Files.writeString(tenantFile, Files.readString(tenantFile)
        .replace("  region: eu-central-2\n", "  region: eu-central-2\n  id: \"123456789012\"\n")
        .replace("  - name: actuaries\n", "  - name: actuaries\n    arn: arn:aws:iam::123456789012:role/actuaries\n")
        + "  - name: zurich-desk\n    arn: arn:aws:iam::123456789012:role/zurich-desk\n"
        + "    roles: [regional_analyst]\n");
    Files.writeString(definitions.resolve("catalog.yaml"), Files.readString(definitions.resolve("catalog.yaml"))
        + "\nretention:\n  publishedDays: 1\n  keepLastPublished: 1\n  blockedRunDays: 1\n");
    deliver("('c1', 'ZH', 120.50), ('c4', 'BE', 300.00)");
    assertThat(mesh("run", "--tenant", "helvetia", "--run-id", "r1").exitCode()).isZero();
    firstCost = main(COST);
    firstPublished = mainSince(COST, firstCost);
    Thread.sleep(20);
    deliver("('c1', 'ZH', 120.50), ('c2', 'ZH', 80.00), ('c4', 'BE', 300.00)");
    assertThat(mesh("run", "--tenant", "helvetia", "--run-id", "r2").exitCode()).isZero();
    secondCost = main(COST);
  }

  @Test
  void snapshotFromBeforeARefresh_returnsTheOldRows_andTheHeaderNamesIt() {
    MeshRun query = mesh("query", "--tenant", "helvetia", "--snapshot", Long.toString(firstCost),
        "SELECT canton, total_chf FROM cost_by_canton ORDER BY 1");

    assertThat(query.exitCode()).as(query.err()).isZero();
    assertThat(query.out()).isEqualTo("-- as the data admin of tenant helvetia: every table, column and row; pass "
        + "--as PRINCIPAL to query as one of the tenant's principals\n"
        + "-- at snapshots: " + COST + " at snapshot " + firstCost + " (main since " + firstPublished + "); every "
        + "other table at main's current snapshot\n"
        + "canton | total_chf\n-------+----------\nBE     | 300.00\nZH     | 120.50\n(2 rows)\n");
    assertThat(mesh("query", "--tenant", "helvetia", "SELECT total_chf FROM cost_by_canton WHERE canton = 'ZH'")
        .out()).contains("200.50");
  }

  @Test
  void asOf_readsEveryTableAsMainWasThen() {
    Instant between = mainSince(COST, secondCost).minusMillis(1);
    long claimsThen = mainAt(CLAIMS_CLEAN, between);

    MeshRun query = mesh("query", "--tenant", "helvetia", "--as-of", between.toString(),
        "SELECT (SELECT count(*) FROM claims_clean) AS claims, (SELECT sum(total_chf) FROM cost_by_canton) AS cost");

    assertThat(query.exitCode()).as(query.err()).isZero();
    assertThat(query.out()).contains("-- as of " + between + ": " + CLAIMS_CLEAN + " at snapshot " + claimsThen
        + " (main since " + mainSince(CLAIMS_CLEAN, claimsThen) + "), " + COST + " at snapshot " + firstCost
        + " (main since " + firstPublished + ")\n").contains("3      | 420.50");
  }

  @Test
  void asOfBeforeTheOldestRetainedSnapshot_isRefusedNamingTableTimeAndOldest_withExitTwo() {
    Instant before = firstPublished.minus(Duration.ofDays(1));
    long oldestClaims = history(CLAIMS_CLEAN).get(0).snapshotId();

    MeshRun query = mesh("query", "--tenant", "helvetia", "--as-of", before.toString(), "SELECT * FROM claims_clean");

    assertThat(query.exitCode()).isEqualTo(2);
    assertThat(query.err()).isEqualTo("mesh query: Table " + CLAIMS_CLEAN + " has no snapshot of main at " + before
        + ": its oldest retained snapshot is " + oldestClaims + " (main since "
        + mainSince(CLAIMS_CLEAN, oldestClaims) + ").\n");
  }

  @Test
  void unknownSnapshot_andABareSnapshotOverTwoTables_areRefusedWithExitTwo() {
    MeshRun unknown = mesh("query", "--tenant", "helvetia", "--snapshot", "cost_by_canton=42",
        "SELECT * FROM cost_by_canton");
    MeshRun ambiguous = mesh("query", "--tenant", "helvetia", "--snapshot", Long.toString(firstCost),
        "SELECT * FROM cost_by_canton, claims_clean");
    MeshRun notAnId = mesh("query", "--tenant", "helvetia", "--snapshot", "latest", "SELECT * FROM cost_by_canton");
    MeshRun both = mesh("query", "--tenant", "helvetia", "--snapshot", "1", "--as-of", "2026-01-01T00:00:00Z",
        "SELECT * FROM cost_by_canton");

    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).isEqualTo("mesh query: Table " + COST + " has no retained snapshot 42 of main: its "
        + "oldest retained snapshot is " + firstCost + " (main since " + firstPublished + ").\n");
    assertThat(ambiguous.exitCode()).isEqualTo(2);
    assertThat(ambiguous.err()).isEqualTo("mesh query: --snapshot " + firstCost + " names no table, and the query "
        + "reads 2 tables (" + CLAIMS_CLEAN + ", " + COST + "): write --snapshot TABLE=ID for each table to read at "
        + "a snapshot.\n");
    assertThat(notAnId.err()).isEqualTo("mesh query: --snapshot latest: 'latest' is not a snapshot id. Write ID or "
        + "TABLE=ID, e.g. --snapshot claims_clean=5190238411927330017.\n");
    assertThat(both.err()).isEqualTo("mesh query: --as-of and --snapshot cannot be combined: --as-of picks a "
        + "snapshot for every table, --snapshot names them.\n");
  }

  @Test
  void principalsTimeTravelKeepsItsGrants_theSameColumnsAsAtMain() {
    String sql = "SELECT * FROM claims_clean ORDER BY 1";
    long oldClaims = history(CLAIMS_CLEAN).get(0).snapshotId();

    MeshRun now = mesh("query", "--tenant", "helvetia", "--as", "actuaries", sql);
    MeshRun then = mesh("query", "--tenant", "helvetia", "--as", "actuaries", "--snapshot",
        "claims_clean=" + oldClaims, sql);

    assertThat(then.exitCode()).as(then.err()).isZero();
    List<String> nowLines = now.out().lines().toList();
    List<String> thenLines = then.out().lines().toList();
    assertThat(thenLines.get(0)).isEqualTo(nowLines.get(0));
    assertThat(thenLines.get(2)).as("columns").isEqualTo(nowLines.get(1));
    assertThat(thenLines).last().isEqualTo("(2 rows)");
    assertThat(nowLines).last().isEqualTo("(3 rows)");
  }

  @Test
  void tableHiddenFromThePrincipal_isRefusedAsWithoutTimeTravel_tellingNothingOfItsSnapshots() {
    MeshRun now = mesh("query", "--tenant", "helvetia", "--as", "zurich-desk", "SELECT * FROM claims_clean");
    MeshRun then = mesh("query", "--tenant", "helvetia", "--as", "zurich-desk", "--as-of",
        firstPublished.minus(Duration.ofDays(1)).toString(), "SELECT * FROM claims_clean");

    assertThat(then.exitCode()).isEqualTo(2);
    assertThat(then.err()).isEqualTo(now.err()).doesNotContain("snapshot");
  }

  @Test
  void snapshotExpiredByMaintenance_isRefused() throws Exception {
    Catalog catalog = CatalogOption.load(definitions.toString());
    try (Engine engine = HomeOption.engine(catalog, home)) {
      // What mesh maintain does, 40 days from now: only the last published snapshot stays.
      new MaintenanceService(engine, Clock.offset(Clock.systemUTC(), Duration.ofDays(40))).maintain("helvetia",
          false);
    }

    MeshRun query = mesh("query", "--tenant", "helvetia", "--snapshot", Long.toString(firstCost),
        "SELECT * FROM cost_by_canton");

    assertThat(query.exitCode()).isEqualTo(2);
    assertThat(query.err()).isEqualTo("mesh query: Table " + COST + " has no retained snapshot " + firstCost
        + " of main: its oldest retained snapshot is " + secondCost + " (main since "
        + mainSince(COST, secondCost) + ").\n");
  }

  private MeshRun mesh(String... arguments) {
    String[] all = new String[arguments.length + 4];
    System.arraycopy(arguments, 0, all, 0, arguments.length);
    all[arguments.length] = "--definitions";
    all[arguments.length + 1] = definitions.toString();
    all[arguments.length + 2] = "--home";
    all[arguments.length + 3] = home.toString();
    return MeshRun.of(all);
  }

  private void deliver(String values) throws Exception {
    Catalog catalog = CatalogOption.load(definitions.toString());
    try (Engine engine = HomeOption.engine(catalog, home)) {
      new SourceDelivery(engine).deliver("helvetia", catalog.source("claims").orElseThrow(),
          "SELECT CAST(claim_id AS VARCHAR) AS claim_id, CAST(canton AS VARCHAR) AS canton, "
              + "CAST(amount_chf AS DECIMAL(12,2)) AS amount_chf FROM (VALUES " + values
              + ") AS t(claim_id, canton, amount_chf)", "test claims");
    }
  }

  private Table table(Engine engine, String name) {
    return engine.storage("helvetia").catalog().loadTable(TableIdentifier.parse(name));
  }

  private List<HistoryEntry> history(String name) {
    try (Engine engine = HomeOption.engine(CatalogOption.load(definitions.toString()), home)) {
      Table table = table(engine, name);
      return table.history().stream().filter(entry -> table.snapshot(entry.snapshotId()) != null).toList();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private long main(String name) {
    List<HistoryEntry> history = history(name);
    return history.get(history.size() - 1).snapshotId();
  }

  private Instant mainSince(String name, long snapshot) {
    return history(name).stream().filter(entry -> entry.snapshotId() == snapshot)
        .map(entry -> Instant.ofEpochMilli(entry.timestampMillis())).reduce((first, last) -> last).orElseThrow();
  }

  private long mainAt(String name, Instant at) {
    return history(name).stream().filter(entry -> entry.timestampMillis() <= at.toEpochMilli())
        .reduce((first, last) -> last).orElseThrow().snapshotId();
  }
}
