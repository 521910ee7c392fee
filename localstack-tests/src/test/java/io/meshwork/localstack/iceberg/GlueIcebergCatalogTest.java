package io.meshwork.localstack.iceberg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshwork.localstack.emulators.EmulatorEndpoints;
import io.meshwork.localstack.emulators.EmulatorTest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotRef;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Iceberg's GlueCatalog and S3FileIO against the emulator: the storage a tenant account uses. Commits to an audit
 * branch, publishing by fast-forwarding main, and Glue's optimistic VersionId check under a concurrent commit.
 */
@EmulatorTest
class GlueIcebergCatalogTest {

  private static final Schema SCHEMA = new Schema(
      Types.NestedField.required(1, "id", Types.LongType.get()),
      Types.NestedField.optional(2, "claim", Types.StringType.get()));
  private static final String AUDIT_BRANCH = "audit-x";

  private EmulatorEndpoints endpoints;
  private GlueWarehouse warehouse;
  private Namespace namespace;
  private TableIdentifier identifier;

  @BeforeEach
  void createWarehouse(EmulatorEndpoints endpoints) {
    this.endpoints = endpoints;
    warehouse = GlueWarehouse.create(endpoints);
    namespace = Namespace.of("meshwork_it_" + UUID.randomUUID().toString().substring(0, 8));
    identifier = TableIdentifier.of(namespace, "claims_v1");
  }

  @Test
  void branchCommitLeavesMainUntouched_untilMainIsFastForwarded() throws IOException {
    Catalog catalog = warehouse.catalog("tenant");
    Table table = createTable(catalog, Map.of());
    table.newAppend().appendFile(GlueWarehouse.writeDataFile(table, 0, 100)).commit();
    long published = table.currentSnapshot().snapshotId();

    table.newAppend().appendFile(GlueWarehouse.writeDataFile(table, 100, 50)).toBranch(AUDIT_BRANCH).commit();

    Table audited = warehouse.catalog("reader").loadTable(identifier);
    long audit = audited.refs().get(AUDIT_BRANCH).snapshotId();
    assertThat(audited.currentSnapshot().snapshotId()).isEqualTo(published);
    assertThat(audited.snapshot(audit).parentId()).isEqualTo(published);
    assertThat(recordCount(audited, SnapshotRef.MAIN_BRANCH)).isEqualTo(100);
    assertThat(recordCount(audited, AUDIT_BRANCH)).isEqualTo(150);

    audited.manageSnapshots().fastForwardBranch(SnapshotRef.MAIN_BRANCH, AUDIT_BRANCH).commit();

    Table reread = warehouse.catalog("consumer").loadTable(identifier);
    assertThat(reread.currentSnapshot().snapshotId()).isEqualTo(audit);
    assertThat(reread.refs()).containsOnlyKeys(SnapshotRef.MAIN_BRANCH, AUDIT_BRANCH);
    assertThat(recordCount(reread, SnapshotRef.MAIN_BRANCH)).isEqualTo(150);
    assertThat(reread.currentSnapshot().summary()).containsEntry("added-records", "50");
    try (GlueClient glue = endpoints.aws(GlueClient.builder()).build()) {
      Map<String, String> parameters = glue.getTable(request -> request.databaseName(namespace.level(0))
          .name("claims_v1")).table().parameters();
      assertThat(parameters).containsEntry("table_type", "ICEBERG");
      assertThat(parameters.get("metadata_location"))
          .isEqualTo(((HasTableOperations) reread).operations().current().metadataFileLocation())
          .startsWith("s3://" + warehouse.bucket() + "/warehouse/" + namespace.level(0) + ".db/claims_v1/metadata/");
    }
    try (S3Client s3 = endpoints.s3()) {
      for (DataFile file : dataFiles(reread, SnapshotRef.MAIN_BRANCH)) {
        String key = file.location().substring(("s3://" + warehouse.bucket() + "/").length());
        assertThat(s3.headObject(request -> request.bucket(warehouse.bucket()).key(key)).contentLength())
            .isEqualTo(file.fileSizeInBytes());
      }
    }
  }

  @Test
  void concurrentCommitRejectedByGlueVersionCheck_isRetriedAndBothAppendsLand() throws IOException {
    Catalog first = warehouse.catalog("first");
    Table created = createTable(first, Map.of());
    DataFile competing = GlueWarehouse.writeDataFile(created, 0, 10);
    DataFile retried = GlueWarehouse.writeDataFile(created, 10, 20);

    try (GlueCommitRace race = GlueCommitRace.start(endpoints.aws(),
        () -> first.loadTable(identifier).newAppend().appendFile(competing).commit())) {
      Table second = warehouse.catalog("second", race.endpoint()).loadTable(identifier);
      second.newAppend().appendFile(retried).commit();

      assertThat(race.competingCommitFailure()).isEmpty();
      assertThat(race.updateTableOutcomes()).containsExactly("400 ConcurrentModificationException", "200 ok");
    }
    Table reread = warehouse.catalog("reader").loadTable(identifier);
    List<Snapshot> history = new ArrayList<>();
    reread.snapshots().forEach(history::add);
    assertThat(history).hasSize(2);
    assertThat(reread.currentSnapshot().parentId()).isEqualTo(history.get(0).snapshotId());
    assertThat(dataFiles(reread, SnapshotRef.MAIN_BRANCH)).extracting(DataFile::location)
        .containsExactlyInAnyOrder(competing.location(), retried.location());
    assertThat(recordCount(reread, SnapshotRef.MAIN_BRANCH)).isEqualTo(30);
  }

  @Test
  void concurrentCommitFails_whenCommitRetriesAreDisabled() throws IOException {
    Catalog first = warehouse.catalog("first");
    Table created = createTable(first, Map.of(TableProperties.COMMIT_NUM_RETRIES, "0"));
    DataFile competing = GlueWarehouse.writeDataFile(created, 0, 10);
    DataFile rejected = GlueWarehouse.writeDataFile(created, 10, 20);

    try (GlueCommitRace race = GlueCommitRace.start(endpoints.aws(),
        () -> first.loadTable(identifier).newAppend().appendFile(competing).commit())) {
      Table second = warehouse.catalog("second", race.endpoint()).loadTable(identifier);

      assertThatThrownBy(() -> second.newAppend().appendFile(rejected).commit())
          .isInstanceOf(CommitFailedException.class)
          .hasMessage("Cannot commit second." + namespace.level(0) + ".claims_v1 because Glue detected concurrent update");
      assertThat(race.updateTableOutcomes()).containsExactly("400 ConcurrentModificationException");

      second.refresh();
      second.newAppend().appendFile(rejected).commit();
    }
    Table reread = warehouse.catalog("reader").loadTable(identifier);
    assertThat(recordCount(reread, SnapshotRef.MAIN_BRANCH)).isEqualTo(30);
  }

  /** The Glue database and an unpartitioned Iceberg table in it, created through {@code catalog}. */
  private Table createTable(Catalog catalog, Map<String, String> properties) {
    ((SupportsNamespaces) catalog).createNamespace(namespace);
    return catalog.createTable(identifier, SCHEMA, PartitionSpec.unpartitioned(), properties);
  }

  private static List<DataFile> dataFiles(Table table, String ref) throws IOException {
    List<DataFile> files = new ArrayList<>();
    try (CloseableIterable<FileScanTask> tasks = table.newScan().useRef(ref).planFiles()) {
      tasks.forEach(task -> files.add(task.file()));
    }
    return files;
  }

  private static long recordCount(Table table, String ref) throws IOException {
    return dataFiles(table, ref).stream().mapToLong(DataFile::recordCount).sum();
  }
}
