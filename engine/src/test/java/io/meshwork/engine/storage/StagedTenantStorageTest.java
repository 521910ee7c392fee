package io.meshwork.engine.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshwork.engine.compute.DuckDbSession;
import io.meshwork.engine.pipeline.Engine;
import io.meshwork.engine.pipeline.SourceDelivery;
import io.meshwork.model.definition.Catalog;
import io.meshwork.model.definition.TableName;
import io.meshwork.model.parse.CatalogLoader;
import io.meshwork.model.parse.DirectoryDefinitionFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Staging and upload through the table's FileIO, without AWS: the storage is opened from catalog properties like on
 * Lambda, but they describe the embedded JDBC catalog with {@link LocalFileIO}, so the "remote" warehouse is a
 * directory and the staged copies lie elsewhere. Glue and S3 themselves are exercised against the emulator.
 */
class StagedTenantStorageTest {

  private static final String TENANT = "helvetia";
  private static final TableName CLAIMS = new TableName("sources", "claims_v1");

  @TempDir
  Path home;
  @TempDir
  Path workRoot;
  private Engine engine;
  private StagedTenantStorage storage;

  @BeforeEach
  void deliverClaims() {
    Catalog definitions = CatalogLoader.load(
        new DirectoryDefinitionFiles(Path.of("src/test/resources/pipeline-catalog")));
    engine = new Engine(definitions, tenant -> StagedTenantStorage.open(tenant,
        LocalTenantStorage.catalogProperties(home, tenant), workRoot), new DuckDbSession.Limits(1, "512MB"));
    new SourceDelivery(engine).deliver(TENANT, definitions.source("claims").orElseThrow(), "SELECT 'c' || i AS "
        + "claim_id, CASE WHEN i % 2 = 0 THEN 'ZH' ELSE 'GE' END AS canton, CAST(i AS DECIMAL(12,2)) AS amount_chf "
        + "FROM range(1, 101) t(i)", "test claims");
    storage = (StagedTenantStorage) engine.storage(TENANT);
  }

  @AfterEach
  void close() throws IOException {
    engine.close();
  }

  @Test
  void adopt_uploadsTheFileToTheTablesDataLocation_andDeletesTheLocalCopy() {
    Table table = claims();
    List<DataFile> files = dataFiles(table);

    assertThat(files).isNotEmpty().allSatisfy(file -> {
      assertThat(file.location()).startsWith(home.resolve("tenants/helvetia/warehouse/sources/claims_v1/data/")
          .toAbsolutePath().toString());
      assertThat(Path.of(file.location())).exists();
    });
    try (var work = Files.list(storage.workDirectory())) {
      assertThat(work.filter(path -> path.toString().endsWith(".parquet"))).isEmpty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void readable_stagesCopiesOutsideTheWorkDirectory_onceEach_andCloseDeletesThem() throws IOException {
    Table table = claims();
    List<DataFile> files = dataFiles(table);

    List<Path> staged = storage.readable(table, files);

    assertThat(staged).hasSameSizeAs(files);
    for (int i = 0; i < files.size(); i++) {
      assertThat(staged.get(i).getParent()).isEqualTo(storage.stagingDirectory());
      assertThat(staged.get(i).getFileName().toString()).endsWith(Path.of(files.get(i).location()).getFileName()
          .toString());
      assertThat(Files.mismatch(staged.get(i), Path.of(files.get(i).location()))).isEqualTo(-1L);
    }
    assertThat(storage.stagingDirectory().startsWith(storage.workDirectory())).isFalse();

    // Staged once: with the warehouse copy gone, the staged copy is still handed out.
    Files.delete(Path.of(files.get(0).location()));
    assertThat(storage.readable(table, files)).isEqualTo(staged);

    storage.close();
    assertThat(storage.stagingDirectory()).doesNotExist();
  }

  @Test
  void twoStoragesSharingAWorkRoot_keepEachOthersStagedCopies() throws IOException {
    Table table = claims();
    List<DataFile> files = dataFiles(table);
    List<Path> staged = storage.readable(table, files);

    try (StagedTenantStorage second = StagedTenantStorage.open(TENANT, LocalTenantStorage.catalogProperties(home, TENANT),
        workRoot)) {
      assertThat(second.stagingDirectory()).isNotEqualTo(storage.stagingDirectory());
      assertThat(staged).allSatisfy(copy -> assertThat(copy).exists());
    }
    assertThat(staged).allSatisfy(copy -> assertThat(copy).exists());
  }

  @Test
  void readable_ofAMissingFile_failsNamingIt_andALaterAttemptStagesAgain() throws IOException {
    Table table = claims();
    DataFile file = dataFiles(table).get(0);
    Path location = Path.of(file.location());
    Path moved = Files.move(location, home.resolve("moved.parquet"));

    assertThatThrownBy(() -> storage.readable(table, List.of(file))).hasMessageContaining(file.location());

    Files.move(moved, location);
    assertThat(storage.readable(table, List.of(file))).singleElement()
        .satisfies(path -> assertThat(Files.mismatch(path, location)).isEqualTo(-1L));
  }

  @Test
  void copiesNotReadForTheIdleTime_areDeletedBeforeTheNextStaging() throws IOException {
    MutableClock clock = new MutableClock();
    org.apache.iceberg.catalog.Catalog catalog = CatalogUtil.buildIcebergCatalog(TENANT,
        LocalTenantStorage.catalogProperties(home, TENANT), null);
    try (StagedTenantStorage idle = new StagedTenantStorage(TENANT, catalog, workRoot.resolve("idle"), clock,
        Duration.ofMinutes(15))) {
      Table table = catalog.loadTable(ProductTables.identifier(CLAIMS));
      List<DataFile> files = dataFiles(table);
      Path first = idle.readable(table, files.subList(0, 1)).get(0);

      clock.now = clock.now.plus(Duration.ofMinutes(14));
      idle.readable(table, List.of());
      assertThat(first).exists();

      clock.now = clock.now.plus(Duration.ofMinutes(2));
      idle.readable(table, List.of());
      assertThat(first).doesNotExist();
      assertThat(idle.readable(table, files.subList(0, 1))).containsExactly(first);
      assertThat(first).exists();
    }
  }

  @Test
  void glueProperties_useGlueS3AndTheJdkHttpClient_withTheEmulatorSettingsOnlyWhenGiven() {
    assertThat(StagedTenantStorage.glueProperties("s3://data-alpina/warehouse", Optional.empty(), false))
        .containsExactlyInAnyOrderEntriesOf(Map.of(
            "catalog-impl", "org.apache.iceberg.aws.glue.GlueCatalog",
            "warehouse", "s3://data-alpina/warehouse",
            "io-impl", "org.apache.iceberg.aws.s3.S3FileIO",
            "http-client.type", "urlconnection"));
    assertThat(StagedTenantStorage.glueProperties("s3://data-alpina/warehouse", Optional.of("http://localhost:4566"),
        true)).containsEntry("glue.endpoint", "http://localhost:4566").containsEntry("s3.endpoint",
        "http://localhost:4566").containsEntry("s3.path-style-access", "true");
  }

  @Test
  void glueProperties_withoutWarehouse_readOnlyWhatTheTablesName() {
    assertThat(StagedTenantStorage.glueProperties(Optional.empty(), false))
        .containsExactlyInAnyOrderEntriesOf(Map.of(
            "catalog-impl", "org.apache.iceberg.aws.glue.GlueCatalog",
            "io-impl", "org.apache.iceberg.aws.s3.S3FileIO",
            "http-client.type", "urlconnection"));
  }

  @Test
  void localNames_areUniquePerLocation_andKeepTheFileName() {
    String a = StagedTenantStorage.localName("s3://bucket/warehouse/a/data/00000-0-x.parquet");
    String b = StagedTenantStorage.localName("s3://bucket/warehouse/b/data/00000-0-x.parquet");

    assertThat(a).endsWith("-00000-0-x.parquet").hasSize(16 + 1 + "00000-0-x.parquet".length());
    assertThat(a).isNotEqualTo(b);
  }

  private Table claims() {
    return ProductTables.load(storage.catalog(), CLAIMS).orElseThrow();
  }

  private static List<DataFile> dataFiles(Table table) {
    List<DataFile> files = new ArrayList<>();
    try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
      tasks.forEach(task -> files.add(task.file().copyWithoutStats()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  /** A clock the test moves by hand. */
  private static final class MutableClock extends Clock {
    Instant now = Instant.parse("2026-11-02T06:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
