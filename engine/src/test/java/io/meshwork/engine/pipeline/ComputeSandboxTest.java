package io.meshwork.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.engine.compute.DuckDbSession;
import io.meshwork.engine.storage.LocalTenantStorage;
import io.meshwork.model.definition.Catalog;
import io.meshwork.model.parse.CatalogLoader;
import io.meshwork.model.parse.DirectoryDefinitionFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's own guard at compute time, for a catalogue that reached it without {@code mesh}'s load-time check
 * (as a Lambda's packaged catalogue would): a hidden statement never runs, a transform stops at its own timeout,
 * and committed data files are read-only on disk.
 */
class ComputeSandboxTest {

  private static final Path SOURCE = Path.of("src/test/resources/pipeline-catalog");

  @TempDir
  Path root;

  @Test
  void hiddenSecondStatement_neverRuns_andMainStaysUntouched() throws Exception {
    Path written = root.resolve("smuggled.csv");
    Catalog catalog = catalogue("transform.sql", "SELECT claim_id, canton, amount_chf FROM claims -- c\r; COPY (SELECT "
        + "1) TO '" + written + "'; SELECT 1", "");

    RunReport report = run(catalog);

    ProductOutcome claimsClean = outcome(report, "claims_clean");
    assertThat(claimsClean.outcome()).isEqualTo(ProductOutcome.Outcome.FAILED);
    assertThat(claimsClean.message()).isEqualTo("The transform of claims_clean (products/claims_clean/transform.sql) "
        + "is not allowed for tenant helvetia: Only one query is allowed (SELECT, WITH, VALUES or FROM): DuckDB reads a "
        + "statement here that is not a query. Nothing of it ran.");
    assertThat(written).doesNotExist();
  }

  @Test
  void transformStopsAtTheTimeoutOfItsDefinition() throws Exception {
    Catalog catalog = catalogue("transform.sql", "WITH RECURSIVE t AS (SELECT 1 AS n UNION ALL SELECT n + 1 FROM t) "
        + "SELECT claim_id, canton, amount_chf FROM claims WHERE (SELECT count(*) FROM t) > 0", "  timeout: PT1S\n");

    ProductOutcome claimsClean = outcome(run(catalog), "claims_clean");

    assertThat(claimsClean.outcome()).isEqualTo(ProductOutcome.Outcome.FAILED);
    assertThat(claimsClean.message()).isEqualTo("The transform of claims_clean (products/claims_clean/transform.sql) "
        + "failed for tenant helvetia: The statement ran longer than its time limit of 1 second and was stopped. "
        + "Raise 'timeout' under 'transform' in the product definition (an ISO-8601 duration up to PT12H), or make "
        + "the SQL cheaper.");
  }

  @Test
  void productThatCannotFitItsMemory_failsNamingTheProductTheLimitAndTheWayOut() throws Exception {
    // One string of 32 MB cannot be spilled in parts: no limit of 16 MB can hold it.
    Catalog catalog = catalogue("transform.sql", "SELECT claim_id, canton, amount_chf FROM claims WHERE (SELECT "
        + "length(string_agg(md5(n::VARCHAR), '')) FROM range(1000000) AS t(n)) > 0", "");

    ProductOutcome claimsClean = outcome(run(catalog, new DuckDbSession.Limits(1, "16MB")), "claims_clean");

    assertThat(claimsClean.outcome()).isEqualTo(ProductOutcome.Outcome.FAILED);
    assertThat(claimsClean.message()).isEqualTo("The transform of claims_clean (products/claims_clean/transform.sql) "
        + "failed for tenant helvetia: The statement needed more than its memory limit of 16MB and was stopped. It "
        + "does not fit in this Compute's memory even when spilling to disk: give it more (mesh run --memory SIZE, a "
        + "larger Compute on AWS), run the product on the Athena engine ('engine: athena' under its transform, or the "
        + "tenant's 'engines'), or make the SQL cheaper.");
  }

  @Test
  void productLargerThanItsMemory_spillsToDisk_andPublishes() throws Exception {
    // Sorting 2 M strings of 32 characters needs far more than 32 MB: DuckDB sorts it in runs on disk.
    Catalog catalog = catalogue("transform.sql", "SELECT claim_id, canton, amount_chf FROM claims WHERE (SELECT "
        + "count(*) FROM (SELECT md5(n::VARCHAR) AS m FROM range(2000000) AS t(n) ORDER BY m OFFSET 1)) > 0", "");

    RunReport report = run(catalog, new DuckDbSession.Limits(1, "32MB"));

    assertThat(outcome(report, "claims_clean").outcome()).isEqualTo(ProductOutcome.Outcome.PUBLISHED);
  }

  @Test
  void committedDataFiles_areReadOnlyOnDisk() throws Exception {
    Catalog catalog = catalogue("transform.sql", null, "");

    assertThat(run(catalog).succeeded()).isTrue();

    try (Stream<Path> files = Files.walk(root.resolve("home"))) {
      var parquet = files.filter(path -> path.toString().endsWith(".parquet") && path.toString().contains("/data/"))
          .toList();
      assertThat(parquet).isNotEmpty();
      assertThat(parquet).allSatisfy(file -> assertThat(PosixFilePermissions.toString(
          Files.getPosixFilePermissions(file))).isEqualTo("r--r--r--"));
    }
  }

  private Catalog catalogue(String file, String sql, String transformSettings) throws IOException {
    Path catalogue = root.resolve("catalogue");
    try (Stream<Path> paths = Files.walk(SOURCE)) {
      for (Path path : paths.toList()) {
        Path target = catalogue.resolve(SOURCE.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    }
    Path product = catalogue.resolve("products/claims_clean");
    if (sql != null) {
      Files.writeString(product.resolve(file), sql);
    }
    Files.writeString(product.resolve("product.yaml"), Files.readString(product.resolve("product.yaml"))
        .replace("  sql: transform.sql\n", "  sql: transform.sql\n" + transformSettings));
    return CatalogLoader.load(new DirectoryDefinitionFiles(catalogue));
  }

  private RunReport run(Catalog catalog) throws IOException {
    return run(catalog, new DuckDbSession.Limits(2, "1GB"));
  }

  private RunReport run(Catalog catalog, DuckDbSession.Limits limits) throws IOException {
    Path home = root.resolve("home");
    try (Engine engine = new Engine(catalog, tenant -> LocalTenantStorage.open(home, tenant), limits)) {
      new SourceDelivery(engine).deliver("helvetia", catalog.source("claims").orElseThrow(),
          "SELECT CAST(claim_id AS VARCHAR) AS claim_id, CAST(canton AS VARCHAR) AS canton, CAST(amount_chf AS "
              + "DECIMAL(12,2)) AS amount_chf FROM (VALUES ('c1', 'ZH', 120.50)) AS t(claim_id, canton, amount_chf)",
          "test claims");
      return new LocalRunner(engine, 1, (tenant, outcome) -> { }).run("helvetia", Optional.empty(), "r1");
    }
  }

  private static ProductOutcome outcome(RunReport report, String product) {
    return report.outcomes().stream().filter(outcome -> outcome.product().equals(product)).findFirst()
        .orElseThrow();
  }
}
