package io.meshwork.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshwork.engine.compute.DuckDbSession;
import io.meshwork.engine.compute.UnsafeSqlException;
import io.meshwork.engine.pipeline.Engine;
import io.meshwork.engine.pipeline.SourceDelivery;
import io.meshwork.engine.query.PublishedTables;
import io.meshwork.model.definition.Catalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SQL sandbox kit: every case of {@link SandboxCases} against the query path ({@code mesh query}), against the
 * engine's guard alone (without Meshwork's own tokenizer in front), and the definition cases against a transform,
 * a tenant's override and an SQL quality rule ({@code mesh run}). Every case checks the exit code, the message and
 * that every file of the home is byte-identical afterwards; so does the end of the whole kit.
 */
class SandboxKitTest {

  private static final String CATALOGUE = "../engine/src/test/resources/pipeline-catalog";

  @TempDir
  static Path root;

  private static Path home;
  private static Map<String, String> published;

  @BeforeAll
  static void publish() throws Exception {
    home = root.resolve("home");
    Catalog catalog = CatalogOption.load(CATALOGUE);
    try (Engine engine = HomeOption.engine(catalog, home)) {
      new SourceDelivery(engine).deliver("helvetia", catalog.source("claims").orElseThrow(),
          "SELECT CAST(claim_id AS VARCHAR) AS claim_id, CAST(canton AS VARCHAR) AS canton, "
              + "CAST(amount_chf AS DECIMAL(12,2)) AS amount_chf FROM (VALUES ('c1', 'ZH', 120.50), "
              + "('c2', 'BE', 80.00)) AS t(claim_id, canton, amount_chf)", "kit claims");
    }
    MeshRun run = MeshRun.of("run", "--tenant", "helvetia", "--definitions", CATALOGUE, "--home", home.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    published = HomeChecksums.of(home);
  }

  @AfterAll
  static void homeIsByteIdentical_afterTheWholeKit() {
    assertThat(HomeChecksums.of(home)).isEqualTo(published);
  }

  static List<SandboxCase> cases() {
    return SandboxCases.all();
  }

  @ParameterizedTest(name = "mesh query: {0}")
  @MethodSource("cases")
  void queryPath(SandboxCase sandboxCase) {
    MeshRun query = query(sandboxCase.sql());

    assertThat(query.exitCode()).as(query.err()).isEqualTo(sandboxCase.exitCode());
    if (sandboxCase.exitCode() != 0) {
      assertThat(query.err()).isEqualTo("mesh query: The query is not allowed: " + sandboxCase.reason() + "\n");
      assertThat(query.out()).isEmpty();
    } else {
      assertThat(query.err()).isEmpty();
    }
    assertThat(HomeChecksums.of(home)).isEqualTo(published);
  }

  /** The guard alone: DuckDB's parser refuses every case even where Meshwork's tokenizer would have let it by. */
  @ParameterizedTest(name = "engine guard: {0}")
  @MethodSource("cases")
  void engineGuard(SandboxCase sandboxCase) throws Exception {
    try (Engine engine = HomeOption.engine(CatalogOption.load(CATALOGUE), home);
        DuckDbSession session = PublishedTables.open(engine.storage("helvetia"), HomeOption.limits())) {
      if (sandboxCase.duckDbReadsOneQuery()) {
        assertThat(session.guard(sandboxCase.sql()).text()).isEqualTo(sandboxCase.sql().replaceAll(";$", ""));
      } else {
        assertThatThrownBy(() -> session.guard(sandboxCase.sql())).isInstanceOf(UnsafeSqlException.class)
            .hasMessage(duckDbReason(sandboxCase.reason()));
      }
    }
    assertThat(HomeChecksums.of(home)).isEqualTo(published);
  }

  /** What DuckDB's parser says where Meshwork's tokenizer answers first in {@code mesh query}. */
  private static String duckDbReason(String reason) {
    return reason.equals(SandboxCases.SECOND_STATEMENT) || reason.startsWith("Only a query is allowed here")
        ? SandboxCases.NOT_A_QUERY : reason;
  }

  static Stream<DefinitionCase> definitionCases() {
    return DefinitionCases.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("definitionCases")
  void definitionPaths(DefinitionCase definitionCase) throws Exception {
    Path catalogue = definitionCase.writeCatalogue(root.resolve("catalogues"));

    MeshRun run = MeshRun.of("run", "--tenant", "helvetia", "--definitions", catalogue.toString(), "--home",
        home.toString());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).isEqualTo(catalogue + "/" + definitionCase.expected() + "\n1 problem in 1 file. Nothing "
        + "was run or changed.\n");
    assertThat(run.out()).isEmpty();
    assertThat(HomeChecksums.of(home)).isEqualTo(published);
  }

  @Test
  void runawayRecursiveQuery_endsAtTheTimeout_andNamesTheOption() {
    MeshRun query = query("WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t) SELECT count(*) FROM t",
        "--timeout", "2s");

    assertThat(query.exitCode()).isEqualTo(2);
    assertThat(query.err()).isEqualTo("mesh query: The query failed: The statement ran longer than its time limit of "
        + "2 seconds and was stopped. Raise --timeout (now 2s) or make the query cheaper.\n");
    assertThat(HomeChecksums.of(home)).isEqualTo(published);
  }

  @Test
  void hugeResult_isStreamedUpToMaxRows_andSaysThereIsMore() {
    MeshRun query = query("SELECT * FROM range(500000000) AS t(n)", "--max-rows", "3");

    assertThat(query.exitCode()).as(query.err()).isZero();
    assertThat(query.out()).isEqualTo("-- as the data admin of tenant helvetia: every table, column and row; pass "
        + "--as PRINCIPAL to query as one of the tenant's principals\nn\n-\n0\n1\n2\n(first 3 rows shown; the result has more: raise --max-rows, "
        + "at most 100000, or aggregate)\n");
  }

  @Test
  void maxRowsAboveTheCeiling_isRefused() {
    MeshRun query = query("SELECT * FROM range(500000000)", "--max-rows", "500000000");

    assertThat(query.exitCode()).isEqualTo(2);
    assertThat(query.err()).isEqualTo("mesh query: --max-rows 500000000 is outside 1..100000. mesh query prints at "
        + "most 100000 rows; aggregate or filter larger results in the query.\n");
  }

  @Test
  void unknownTenant_isRefused_withoutListingTheOtherTenants() {
    MeshRun query = MeshRun.of("query", "--tenant", "helvetica", "--definitions", CATALOGUE, "--home",
        home.toString(), "SELECT 1");

    assertThat(query.exitCode()).isEqualTo(2);
    assertThat(query.err()).isEqualTo("mesh query: Unknown tenant 'helvetica': the catalogue defines no tenant of "
        + "that id.\n");
  }

  @Test
  void invalidTimeout_isRefused() {
    MeshRun query = query("SELECT 1", "--timeout", "forever");

    assertThat(query.exitCode()).isEqualTo(2);
    assertThat(query.err()).isEqualTo("mesh query: --timeout 'forever' is not a duration from 1s to 60m. Write e.g. "
        + "30s, 5m or PT5M.\n");
  }

  private static MeshRun query(String sql, String... options) {
    String[] arguments = Stream.concat(Stream.of("query", "--tenant", "helvetia", "--definitions", CATALOGUE,
        "--home", home.toString()), Stream.concat(Stream.of(options), Stream.of(sql))).toArray(String[]::new);
    return MeshRun.of(arguments);
  }

  static Path copy(Path from, Path to) throws java.io.IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
    return to;
  }
}
