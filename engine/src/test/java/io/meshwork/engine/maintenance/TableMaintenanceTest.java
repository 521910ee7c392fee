package io.meshwork.engine.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.engine.ingest.IngestReport;
import io.meshwork.engine.ingest.IngestRequest;
import io.meshwork.engine.ingest.IngestService;
import io.meshwork.engine.pipeline.Engine;
import io.meshwork.engine.pipeline.SnapshotProperties;
import io.meshwork.engine.compute.DuckDbSession;
import io.meshwork.engine.storage.LocalTenantStorage;
import io.meshwork.engine.storage.ProductTables;
import io.meshwork.model.definition.Catalog;
import io.meshwork.model.definition.RetentionPolicy;
import io.meshwork.model.definition.TableName;
import io.meshwork.model.parse.CatalogLoader;
import io.meshwork.model.parse.DirectoryDefinitionFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotRef;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retention on a real source table: twelve published deliveries and one blocked one, maintained as if 40 days had
 * passed. Exactly the last ten published snapshots stay, every audit branch goes, the files only expired snapshots
 * referenced are deleted, main still reads with Iceberg's own reader, and a dry run changes nothing.
 */
class TableMaintenanceTest {

  private static final TableName CLAIMS = new TableName("sources", "claims_v1");
  private static final String HEADER = "claim_id;insured_id;service_date;amount_chf;tariff\n";

  @TempDir
  Path home;
  Engine engine;
  List<Long> stamps = new ArrayList<>();

  @BeforeEach
  void deliverTwelveTimesAndBlockOnce() throws IOException {
    Catalog catalog = CatalogLoader.load(new DirectoryDefinitionFiles(Path.of("src/test/resources/ingest-catalog")));
    engine = new Engine(catalog, tenant -> LocalTenantStorage.open(home, tenant), new DuckDbSession.Limits(2, "1GB"));
    for (int delivery = 1; delivery <= 12; delivery++) {
      IngestReport report = ingest("run-" + delivery, HEADER + "C" + delivery + ";I1;01.02.2024;" + delivery
          + ".00;LAB\n");
      assertThat(report.status()).isEqualTo(IngestReport.Status.PUBLISHED);
      stamps.add(Long.parseLong(report.snapshotId()));
    }
    // blocked by a quality rule on its audit branch (an empty required value would leave no branch at all)
    assertThat(ingest("run-blocked", HEADER + "C99;I1;01.02.2024;-1.00;LAB\n").status())
        .isEqualTo(IngestReport.Status.REJECTED);
  }

  @AfterEach
  void close() throws IOException {
    engine.close();
  }

  private IngestReport ingest(String runId, String text) throws IOException {
    Path file = Files.writeString(Files.createDirectories(home.resolve("deliveries")).resolve(runId + ".csv"), text);
    return new IngestService(engine).ingest(new IngestRequest("helvetia", "claims", List.of(file), runId));
  }

  private Table table() {
    Table table = ProductTables.load(engine.storage("helvetia").catalog(), CLAIMS).orElseThrow();
    table.refresh();
    return table;
  }

  @Test
  void keepsTheLastTenPublishedSnapshotsAndRemovesEveryAuditBranch_whenAllAreOlderThanThePolicy() {
    Table table = table();
    List<String> dataFilesOfFirstDelivery = dataFiles(table, table.snapshot(stamps.get(0)));
    List<Long> expected = new ArrayList<>();
    for (Long stamp : stamps.subList(2, 12)) {
      expected.add(stamp);
      expected.add(table.snapshot(stamp).parentId()); // what the run wrote, named by its quality results
    }
    TableMaintenance maintenance = new TableMaintenance(RetentionPolicy.DEFAULT,
        Instant.now().plus(Duration.ofDays(40)));

    MaintenanceReport report = maintenance.maintain(table, false);

    Table after = table();
    assertThat(after.refs().keySet()).containsExactly(SnapshotRef.MAIN_BRANCH);
    assertThat(report.removedBranches()).hasSize(13).contains("audit-run-1", "audit-run-12", "audit-run-blocked");
    List<Long> remaining = new ArrayList<>();
    after.snapshots().forEach(snapshot -> remaining.add(snapshot.snapshotId()));
    assertThat(remaining).hasSize(20).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(report.keptSnapshots()).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(dataFilesOfFirstDelivery).allSatisfy(file -> assertThat(Path.of(file)).doesNotExist());
    assertThat(report.deletedFiles()).containsAll(dataFilesOfFirstDelivery);
    for (Long kept : stamps.subList(2, 12)) {
      assertThat(dataFiles(after, after.snapshot(kept))).allSatisfy(file -> assertThat(Path.of(file)).exists());
    }
    assertThat(readMain(after)).containsExactly("C12");
    assertThat(after.currentSnapshot().summary()).containsEntry(SnapshotProperties.STAGE,
        SnapshotProperties.PUBLISHED);
  }

  @Test
  void keepsEveryPublishedSnapshotAndTheBlockedRun_whenTheyAreYoung() {
    MaintenanceReport report = new TableMaintenance(RetentionPolicy.DEFAULT, Instant.now()).maintain(table(), false);

    Table after = table();
    assertThat(after.refs().keySet()).containsExactlyInAnyOrder(SnapshotRef.MAIN_BRANCH, "audit-run-blocked");
    assertThat(report.keptSnapshots()).containsAll(stamps).hasSize(25);
    assertThat(report.orphanFiles()).isEmpty();
    assertThat(readMain(after)).containsExactly("C12");
  }

  @Test
  void changesNothing_whenDryRun() throws IOException {
    Table table = table();
    String metadata = ((org.apache.iceberg.HasTableOperations) table).operations().current().metadataFileLocation();
    List<Path> before = files();

    MaintenanceReport report = new TableMaintenance(RetentionPolicy.DEFAULT, Instant.now().plus(Duration.ofDays(40)))
        .maintain(table, true);

    assertThat(report.dryRun()).isTrue();
    assertThat(report.expiredSnapshots()).isNotEmpty();
    assertThat(((org.apache.iceberg.HasTableOperations) table()).operations().current().metadataFileLocation())
        .isEqualTo(metadata);
    assertThat(files()).isEqualTo(before);
  }

  @Test
  void removesOrphanFiles_thatNoSnapshotReferences() throws IOException {
    Path orphan = Path.of(table().location().replaceFirst("^file:", "")).resolve("data").resolve("orphan.parquet");
    Files.createDirectories(orphan.getParent());
    Files.writeString(orphan, "left by an interrupted write");

    MaintenanceReport report = new TableMaintenance(RetentionPolicy.DEFAULT, Instant.now().plus(Duration.ofDays(4)))
        .maintain(table(), false);

    assertThat(report.orphanFiles()).containsExactly(orphan.toString());
    assertThat(orphan).doesNotExist();
    assertThat(readMain(table())).containsExactly("C12");
  }

  @Test
  void keepsOrphanFilesYoungerThanTheGracePeriod_sinceARunningWriteMayNotHaveCommittedThemYet() throws IOException {
    Path young = Path.of(table().location().replaceFirst("^file:", "")).resolve("data").resolve("in-flight.parquet");
    Files.createDirectories(young.getParent());
    Files.writeString(young, "written by a run that has not committed yet");

    MaintenanceReport report = new TableMaintenance(RetentionPolicy.DEFAULT,
        Instant.now().plus(TableMaintenance.ORPHAN_GRACE).minus(Duration.ofMinutes(5))).maintain(table(), false);

    assertThat(report.orphanFiles()).isEmpty();
    assertThat(young).exists();
  }

  @Test
  void neverListsTheFilesOfATableWhoseLocationExtendsThisOne() throws IOException {
    Path sibling = Path.of(table().location().replaceFirst("^file:", "") + "0").resolve("data")
        .resolve("of-claims_v10.parquet");
    Files.createDirectories(sibling.getParent());
    Files.writeString(sibling, "another table's file");

    MaintenanceReport report = new TableMaintenance(RetentionPolicy.DEFAULT, Instant.now().plus(Duration.ofDays(4)))
        .maintain(table(), false);

    assertThat(report.orphanFiles()).isEmpty();
    assertThat(sibling).exists();
  }

  private List<Path> files() throws IOException {
    try (Stream<Path> files = Files.walk(home.resolve("tenants"))) {
      return files.filter(Files::isRegularFile).filter(path -> !path.toString().endsWith(".db")
          && !path.toString().contains("-journal")).sorted().toList();
    }
  }

  private static List<String> dataFiles(Table table, Snapshot snapshot) {
    List<String> files = new ArrayList<>();
    try (var tasks = table.newScan().useSnapshot(snapshot.snapshotId()).planFiles()) {
      tasks.forEach(task -> files.add(task.file().location().replaceFirst("^file:", "")));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return files;
  }

  private static List<String> readMain(Table table) {
    List<String> ids = new ArrayList<>();
    try (CloseableIterable<Record> records = IcebergGenerics.read(table).build()) {
      records.forEach(record -> ids.add((String) record.getField("claim_id")));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return ids;
  }
}
