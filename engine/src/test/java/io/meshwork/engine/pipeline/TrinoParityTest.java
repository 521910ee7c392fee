package io.meshwork.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.demodata.SeedOptions;
import io.meshwork.demodata.SwissDataGenerator;
import io.meshwork.engine.compute.DuckDbCompute;
import io.meshwork.engine.compute.DuckDbSession;
import io.meshwork.engine.compute.TrinoCompute;
import io.meshwork.engine.quality.CheckResult;
import io.meshwork.engine.storage.LocalTenantStorage;
import io.meshwork.engine.storage.ProductTables;
import io.meshwork.model.definition.Catalog;
import io.meshwork.model.definition.Source;
import io.meshwork.model.parse.CatalogLoader;
import io.meshwork.model.parse.DirectoryDefinitionFiles;
import io.meshwork.model.plan.PlannedProduct;
import io.meshwork.trino.local.LocalTrino;
import io.meshwork.trino.local.TrinoCatalog;
import io.meshwork.trino.local.TrinoTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.data.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped catalogue with claims_clean and cost_per_insured on athena (a local Trino over the tenant's own
 * catalog) and the rest on DuckDB publishes exactly what an all-DuckDB run publishes on the same seed: every row,
 * every decimal with its scale.
 */
@TrinoTest
class TrinoParityTest {

  private static final String TENANT = "alpina";
  private static final List<String> ON_ATHENA = List.of("claims_clean", "cost_per_insured");
  private static final DuckDbSession.Limits LIMITS = new DuckDbSession.Limits(2, "1GB");

  @TempDir
  Path directory;

  @Test
  void productsOnTrinoPublishTheSameRowsAsOnDuckDb_decimalForDecimal(LocalTrino trino) throws Exception {
    SeedOptions seed = new SeedOptions(300, 7);
    try (Engine mixed = mixedEngine(trino, "parity"); Engine duckDb = duckDbEngine()) {
      seed(mixed, seed);
      seed(duckDb, seed);

      RunReport onTrino = new LocalRunner(mixed, 2, (tenant, outcome) -> { }).run(TENANT, Optional.empty(), "r1");
      RunReport onDuckDb = new LocalRunner(duckDb, 2, (tenant, outcome) -> { }).run(TENANT, Optional.empty(), "r1");

      assertThat(onTrino.outcomes()).extracting(ProductOutcome::outcome).containsOnly(ProductOutcome.Outcome.PUBLISHED)
          .hasSize(9);
      assertThat(onDuckDb.outcomes()).extracting(ProductOutcome::outcome)
          .containsOnly(ProductOutcome.Outcome.PUBLISHED).hasSize(9);
      assertThat(mixed.plan(TENANT).products()).filteredOn(product -> ON_ATHENA.contains(product.name()))
          .extracting(product -> product.engine().id()).containsOnly("athena").hasSize(2);
      for (PlannedProduct product : duckDb.plan(TENANT).products()) {
        List<String> expected = rows(duckDb, product);
        assertThat(rows(mixed, product)).as(product.name()).hasSize(expected.size()).isEqualTo(expected);
      }
      assertThat(stagingTables(mixed)).as("staging tables left").isEmpty();
      assertThat(stagingInserts(trino)).containsExactlyInAnyOrder("claims_clean_v1", "cost_per_insured_v1");
    }
  }

  @Test
  void aQualityFailureOnTrinoLeavesMainAtItsSnapshot(LocalTrino trino) throws Exception {
    try (Engine mixed = mixedEngine(trino, "blocked")) {
      seed(mixed, new SeedOptions(300, 7));
      new LocalRunner(mixed, 2, (tenant, outcome) -> { }).run(TENANT, Optional.empty(), "r1");
      long published = table(mixed, "claims_clean").currentSnapshot().snapshotId();
      seed(mixed, new SeedOptions(300, 7, SeedOptions.DEFAULT_FIRST_YEAR, SeedOptions.DEFAULT_LAST_YEAR, true));

      RunReport report = new LocalRunner(mixed, 2, (tenant, outcome) -> { }).run(TENANT, Optional.empty(), "r2");

      ProductOutcome claims = report.outcomes().stream().filter(outcome -> outcome.product().equals("claims_clean"))
          .findFirst().orElseThrow();
      assertThat(claims.outcome()).isEqualTo(ProductOutcome.Outcome.BLOCKED);
      assertThat(claims.checks()).filteredOn(check -> !check.passed()).extracting(CheckResult::label)
          .containsExactly("required(insured_id)");
      assertThat(table(mixed, "claims_clean").currentSnapshot().snapshotId()).isEqualTo(published);
      assertThat(table(mixed, "claims_clean").refs()).doesNotContainKey("audit-r2");
      assertThat(stagingTables(mixed)).as("staging tables left").isEmpty();
    }
  }

  @Test
  void aTrinoQueryThatFailsLeavesMainAndNoStagingFilesBehind(LocalTrino trino) throws Exception {
    try (Engine mixed = mixedEngine(trino, "failing")) {
      seed(mixed, new SeedOptions(100, 7));
      new LocalRunner(mixed, 2, (tenant, outcome) -> { }).run(TENANT, Optional.empty(), "r1");
      Table published = table(mixed, "cost_per_insured");
      long snapshot = published.currentSnapshot().snapshotId();
      Path athenaSql = directory.resolve("definitions/products/finance/cost_per_insured/transform.athena.sql");
      // Same columns and types, so it passes every check before it runs; it fails in Trino on the first row.
      Files.writeString(athenaSql, Files.readString(athenaSql).replace("CAST(e.year AS INTEGER)",
          "CAST(e.year / (e.year - e.year) AS INTEGER)"));
      Engine changed = mixedEngine(trino, "failing");

      RunReport report = new LocalRunner(changed, 2, (tenant, outcome) -> { }).run(TENANT, Optional.empty(), "r2");

      ProductOutcome cost = report.outcomes().stream().filter(outcome -> outcome.product().equals("cost_per_insured"))
          .findFirst().orElseThrow();
      assertThat(cost.outcome()).isEqualTo(ProductOutcome.Outcome.FAILED);
      assertThat(cost.message()).contains("Division by zero");
      assertThat(table(changed, "cost_per_insured").currentSnapshot().snapshotId()).isEqualTo(snapshot);
      assertThat(stagingTables(changed)).as("staging tables left").isEmpty();
      // Files a staging table handed over are main's now; nothing else may be left where staging tables write.
      List<String> mainFiles = new java.util.ArrayList<>();
      try (var tasks = table(changed, "cost_per_insured").newScan().planFiles()) {
        tasks.forEach(task -> mainFiles.add(Path.of(task.file().location()).toString()));
      }
      Path staging = Path.of(published.location()).resolve("staging");
      try (Stream<Path> left = Files.walk(staging)) {
        assertThat(left.filter(Files::isRegularFile).map(Path::toString)).as("files left under " + staging)
            .isNotEmpty().allMatch(mainFiles::contains);
      }
      changed.close();
    }
  }

  /** The catalogue with {@link #ON_ATHENA} on athena; Trino knows the tenant's catalog as {@code <prefix>_alpina}. */
  private Engine mixedEngine(LocalTrino trino, String prefix) throws IOException, java.sql.SQLException {
    Path definitions = directory.resolve("definitions");
    if (!Files.exists(definitions)) {
      copy(Path.of("../product-definitions/catalog"), definitions);
      Path tenantFile = definitions.resolve("tenants").resolve(TENANT).resolve("tenant.yaml");
      Files.writeString(tenantFile, Files.readString(tenantFile) + "engines:\n"
          + ON_ATHENA.stream().map(product -> "  " + product + ": athena\n").collect(Collectors.joining()));
    }
    Path home = directory.resolve("mixed");
    LocalTenantStorage.catalogProperties(home, TENANT); // creates the tenant's directory before Trino opens it
    Path tenantRoot = home.resolve("tenants").resolve(TENANT);
    trino.addCatalog(TrinoCatalog.jdbc(prefix + "_" + TENANT, TENANT, tenantRoot.resolve("catalog.db"),
        tenantRoot.resolve("warehouse")));
    Catalog catalog = CatalogLoader.load(new DirectoryDefinitionFiles(definitions));
    DuckDbCompute duckDb = new DuckDbCompute(LIMITS);
    TrinoCompute onTrino = new TrinoCompute(trino.jdbcUrl(), tenant -> prefix + "_" + tenant, duckDb);
    return new Engine(catalog, tenant -> LocalTenantStorage.open(home, tenant), duckDb,
        Map.of(io.meshwork.model.definition.Engine.ATHENA, onTrino), Optional.empty());
  }

  private Engine duckDbEngine() {
    Catalog catalog = CatalogLoader.load(new DirectoryDefinitionFiles(Path.of("../product-definitions/catalog")));
    Path home = directory.resolve("duckdb");
    return new Engine(catalog, tenant -> LocalTenantStorage.open(home, tenant), LIMITS);
  }

  private static void seed(Engine engine, SeedOptions options) {
    SwissDataGenerator generator = new SwissDataGenerator();
    for (Source source : engine.plan(TENANT).sources()) {
      new SourceDelivery(engine).deliver(TENANT, source, generator.sql(source.name(), options),
          "generated " + source.name());
    }
  }

  /** Every row of main, each value as its exact text (decimals with their scale), sorted. */
  private static List<String> rows(Engine engine, PlannedProduct product) throws Exception {
    Table table = table(engine, product.name());
    List<GenericRecord> records = StepSemanticsTest.readWithIceberg(table);
    return records.stream().map(record -> IntStream.range(0, record.size())
        .mapToObj(field -> String.valueOf(record.get(field))).collect(Collectors.joining(" | ")))
        .sorted().toList();
  }

  private static Table table(Engine engine, String product) {
    PlannedProduct planned = engine.planned(TENANT, product);
    return ProductTables.load(engine.storage(TENANT).catalog(), planned.tableName()).orElseThrow();
  }

  /** The product tables Trino wrote staging tables for, from its own query history. */
  private static List<String> stagingInserts(LocalTrino trino) throws java.sql.SQLException {
    List<String> tables = new java.util.ArrayList<>();
    try (var connection = trino.connect(); var statement = connection.createStatement();
        var result = statement.executeQuery("SELECT query FROM system.runtime.queries WHERE state = 'FINISHED' "
            + "AND query LIKE 'INSERT INTO \"parity_alpina\".\"meshwork_staging\".%'")) {
      java.util.regex.Pattern staging =
          java.util.regex.Pattern.compile("\"meshwork_staging\"\\.\"([a-z_0-9]+)_[0-9a-f]{12}\"");
      while (result.next()) {
        java.util.regex.Matcher matcher = staging.matcher(result.getString(1));
        assertThat(matcher.find()).isTrue();
        tables.add(matcher.group(1));
      }
    }
    return tables;
  }

  private static List<?> stagingTables(Engine engine) {
    SupportsNamespaces namespaces = (SupportsNamespaces) engine.storage(TENANT).catalog();
    Namespace staging = Namespace.of("meshwork_staging");
    return namespaces.namespaceExists(staging) ? engine.storage(TENANT).catalog().listTables(staging) : List.of();
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    }
  }
}
