package io.meshwork.localstack.pipeline;

import static io.meshwork.localstack.pipeline.GlueTenant.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.demodata.SeedOptions;
import io.meshwork.engine.pipeline.Engine;
import io.meshwork.engine.pipeline.PublishResult;
import io.meshwork.engine.pipeline.SnapshotProperties;
import io.meshwork.engine.storage.StagedTenantStorage;
import io.meshwork.functions.MaintenanceFunction;
import io.meshwork.functions.MaintenanceRequest;
import io.meshwork.functions.MaintenanceResult;
import io.meshwork.localstack.emulators.EmulatorEndpoints;
import io.meshwork.localstack.emulators.EmulatorTest;
import io.meshwork.model.definition.Catalog;
import io.meshwork.model.parse.CatalogLoader;
import io.meshwork.model.parse.DirectoryDefinitionFiles;
import java.nio.file.Files;
import java.util.stream.Stream;
import io.meshwork.model.definition.RetentionPolicy;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The maintenance handler on Glue + S3 in the emulator: claims_clean published twice through the real handlers, an
 * orphan planted under its prefix, then maintenance with a policy keeping the last published snapshot past one day,
 * 40 days later: exactly the first run's snapshots expire, exactly the files only they referenced and the orphan are
 * deleted from S3, and main still reads with Iceberg's own reader. A dry run before changes nothing.
 */
@EmulatorTest
class GlueMaintenanceTest {

  private static final RetentionPolicy KEEP_LAST = new RetentionPolicy(1, 1, 1);

  @TempDir
  Path home;
  private GlueTenant tenant;
  private LambdaEnvironment environment;

  @BeforeEach
  void openTenant(EmulatorEndpoints endpoints) {
    tenant = GlueTenant.create(endpoints, home);
    environment = LambdaEnvironment.apply(tenant.lambdaEnvironment());
  }

  @AfterEach
  void closeTenant() throws IOException {
    try {
      tenant.close();
    } finally {
      environment.close();
    }
  }

  @Test
  void maintenance_expiresExactlyWhatThePolicyNoLongerKeeps_deletesTheOrphan_andMainStillReads() throws Exception {
    tenant.seed(new SeedOptions(300, 7), "claims", "providers");
    try (LambdaHandlers handlers = new LambdaHandlers(home.resolve("functions"))) {
      assertThat(handlers.refresh(TENANT, "r1", "claims_clean").product("claims_clean").publish().status())
          .isEqualTo(PublishResult.Status.PUBLISHED);
      tenant.seed(new SeedOptions(300, 8), "claims");
      assertThat(handlers.refresh(TENANT, "r2", "claims_clean").product("claims_clean").publish().status())
          .isEqualTo(PublishResult.Status.PUBLISHED);
    }
    Table table = tenant.table("claims_clean");
    Snapshot second = table.currentSnapshot();
    Snapshot first = table.snapshot(table.snapshot(second.parentId()).parentId());
    List<String> expected = List.of(Long.toString(first.parentId()), Long.toString(first.snapshotId()));
    List<String> firstRunFiles = files(table, first);
    List<String> secondRunFiles = files(table, second);
    String prefix = table.location().substring(("s3://" + tenant.bucket() + "/").length());
    String orphan = prefix + "/data/left-by-an-interrupted-write.parquet";
    List<String> objectsBefore;
    try (S3Client s3 = tenant.account().s3()) {
      s3.putObject(request -> request.bucket(tenant.bucket()).key(orphan), RequestBody.fromString("orphan"));
      objectsBefore = objects(s3, prefix);
    }
    String metadataBefore = metadata(table);

    MaintenanceResult dryRun = maintain(true);

    assertThat(claimsClean(dryRun).expiredSnapshots()).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(claimsClean(dryRun).orphanFiles()).containsExactly("s3://" + tenant.bucket() + "/" + orphan);
    assertThat(metadata(tenant.table("claims_clean"))).isEqualTo(metadataBefore);
    try (S3Client s3 = tenant.account().s3()) {
      assertThat(objects(s3, prefix)).isEqualTo(objectsBefore);
    }

    MaintenanceResult run = maintain(false);

    MaintenanceResult.Table maintained = claimsClean(run);
    Table after = tenant.table("claims_clean");
    List<String> remaining = new ArrayList<>();
    after.snapshots().forEach(snapshot -> remaining.add(Long.toString(snapshot.snapshotId())));
    assertThat(maintained.expiredSnapshots()).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(maintained.keptSnapshots()).containsExactlyInAnyOrderElementsOf(remaining)
        .contains(Long.toString(second.snapshotId()), Long.toString(second.parentId())).hasSize(2);
    assertThat(maintained.removedBranches()).containsExactly("audit-r1", "audit-r2");
    assertThat(maintained.orphanFiles()).containsExactly("s3://" + tenant.bucket() + "/" + orphan);
    try (S3Client s3 = tenant.account().s3()) {
      TreeSet<String> deleted = new TreeSet<>(objectsBefore);
      deleted.removeAll(objects(s3, prefix));
      TreeSet<String> reported = new TreeSet<>();
      maintained.deletedFiles().forEach(file -> reported.add(file.substring(("s3://" + tenant.bucket() + "/")
          .length())));
      reported.add(orphan);
      assertThat(deleted).as("objects gone from S3").isEqualTo(reported);
      assertThat(deleted).containsAll(keys(firstRunFiles.stream().filter(file -> !secondRunFiles.contains(file))
          .toList()));
      assertThat(objects(s3, prefix)).containsAll(keys(secondRunFiles));
    }
    long rows = 0;
    try (CloseableIterable<Record> records = IcebergGenerics.read(after).build()) {
      for (Record ignored : records) {
        rows++;
      }
    }
    assertThat(rows).isEqualTo(Long.parseLong(second.summary().get(SnapshotProperties.ROWS)));
  }

  /** The handler over the tenant's Glue storage with the policy {@link #KEEP_LAST}, 40 days from now. */
  private MaintenanceResult maintain(boolean dryRun) throws IOException {
    Path definitions = home.resolve("definitions");
    if (!Files.exists(definitions)) {
      try (Stream<Path> files = Files.walk(GlueTenant.CATALOG_DIRECTORY)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          Path target = definitions.resolve(GlueTenant.CATALOG_DIRECTORY.relativize(file).toString());
          Files.createDirectories(target.getParent());
          Files.copy(file, target);
        }
      }
      Files.writeString(definitions.resolve("catalog.yaml"), Files.readString(definitions.resolve("catalog.yaml"))
          + "\nretention:\n  publishedDays: " + KEEP_LAST.publishedDays() + "\n  keepLastPublished: "
          + KEEP_LAST.keepLastPublished() + "\n  blockedRunDays: " + KEEP_LAST.blockedRunDays() + "\n");
    }
    Catalog keepingLast = CatalogLoader.load(new DirectoryDefinitionFiles(definitions));
    assertThat(keepingLast.info().retention()).isEqualTo(KEEP_LAST);
    try (Engine engine = new Engine(keepingLast, id -> StagedTenantStorage.open(id, tenant.catalogProperties(),
            home.resolve("maintenance")), GlueTenant.LIMITS, Optional.of(TENANT));
        MaintenanceFunction function = new MaintenanceFunction(engine,
            Clock.offset(Clock.systemUTC(), Duration.ofDays(40)), line -> { })) {
      return function.handleRequest(new MaintenanceRequest(TENANT, dryRun), null);
    }
  }

  private static MaintenanceResult.Table claimsClean(MaintenanceResult result) {
    return result.tables().stream().filter(table -> table.table().equals("claims.claims_clean_v1")).findFirst()
        .orElseThrow();
  }

  private static String metadata(Table table) {
    return ((HasTableOperations) table).operations().current().metadataFileLocation();
  }

  private List<String> keys(List<String> locations) {
    return locations.stream().map(location -> location.substring(("s3://" + tenant.bucket() + "/").length()))
        .toList();
  }

  private List<String> objects(S3Client s3, String prefix) {
    List<String> keys = new ArrayList<>();
    s3.listObjectsV2Paginator(request -> request.bucket(tenant.bucket()).prefix(prefix + "/"))
        .contents().forEach(object -> keys.add(object.key()));
    return keys.stream().sorted().toList();
  }

  private static List<String> files(Table table, Snapshot snapshot) throws IOException {
    List<String> files = new ArrayList<>();
    try (var tasks = table.newScan().useSnapshot(snapshot.snapshotId()).planFiles()) {
      tasks.forEach(task -> files.add(task.file().location()));
    }
    return files;
  }
}
