package io.meshwork.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.engine.pipeline.Engine;
import io.meshwork.engine.pipeline.SourceDelivery;
import io.meshwork.model.definition.Catalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every local query is kept in the tenant's {@code meshwork.access_log_v1}, and {@code mesh audit} shows exactly
 * the queries of a session: who, when, the SQL, the tables and columns read, the rows returned and the purpose.
 */
class AuditCommandTest {

  private static final Path SOURCE = Path.of("../engine/src/test/resources/pipeline-catalog");
  private static final String TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z";

  @TempDir
  Path work;

  private Path catalogue;
  private Path home;

  @BeforeEach
  void publishWithTwoPrincipals() throws Exception {
    catalogue = SandboxKitTest.copy(SOURCE, work.resolve("catalogue"));
    home = work.resolve("home");
    Path tenantFile = catalogue.resolve("tenants/helvetia.yaml");
    Files.writeString(tenantFile, Files.readString(tenantFile)
        .replace("  region: eu-central-2\n", "  region: eu-central-2\n  id: \"123456789012\"\n")
        .replace("  - name: actuaries\n", "  - name: actuaries\n    arn: arn:aws:iam::123456789012:role/actuaries\n")
        + "  - name: zurich-desk\n    arn: arn:aws:iam::123456789012:role/zurich-desk\n"
        + "    roles: [regional_analyst]\n");
    Catalog catalog = CatalogOption.load(catalogue.toString());
    try (Engine engine = HomeOption.engine(catalog, home)) {
      new SourceDelivery(engine).deliver("helvetia", catalog.source("claims").orElseThrow(),
          "SELECT CAST(claim_id AS VARCHAR) AS claim_id, CAST(canton AS VARCHAR) AS canton, "
              + "CAST(amount_chf AS DECIMAL(12,2)) AS amount_chf FROM (VALUES ('c1', 'ZH', 120.50), "
              + "('c2', 'ZH', 80.00), ('c4', 'BE', 300.00)) AS t(claim_id, canton, amount_chf)", "test claims");
    }
    assertThat(mesh("run", "--tenant", "helvetia", "--run-id", "r1").exitCode()).isZero();
  }

  @Test
  void auditShowsTheQueriesOfTheSessionExactly() {
    mesh("query", "--tenant", "helvetia", "--purpose", "monthly cost review",
        "SELECT canton, total_chf FROM cost_by_canton ORDER BY 1");
    mesh("query", "--tenant", "helvetia", "--as", "zurich-desk", "SELECT * FROM cost_by_canton");
    mesh("query", "--tenant", "helvetia", "--as", "actuaries", "--format", "csv",
        "SELECT claim_id FROM claims.claims_clean_v1 WHERE amount_chf > 100");
    MeshRun refused = mesh("query", "--tenant", "helvetia", "--as", "zurich-desk", "SELECT * FROM claims_clean");

    MeshRun audit = mesh("audit", "--tenant", "helvetia");

    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(audit.exitCode()).as(audit.err()).isZero();
    assertThat(audit.out().replaceAll(TIME, "<time>")).isEqualTo("""
        Access log of tenant helvetia (meshwork.access_log_v1): 4 queries
        <time>  data-admin  purpose: monthly cost review
          sql:     SELECT canton, total_chf FROM cost_by_canton ORDER BY 1
          read:    finance.cost_by_canton_v1.canton, finance.cost_by_canton_v1.total_chf
          result:  2 rows, ok
        <time>  zurich-desk
          sql:     SELECT * FROM cost_by_canton
          read:    finance.cost_by_canton_v1.canton
          result:  1 row, ok
        <time>  actuaries
          sql:     SELECT claim_id FROM claims.claims_clean_v1 WHERE amount_chf > 100
          read:    claims.claims_clean_v1.claim_id, claims.claims_clean_v1.amount_chf
          result:  2 rows, ok
        <time>  zurich-desk
          sql:     SELECT * FROM claims_clean
          read:
          result:  0 rows, The query failed: Catalog Error: Table with name claims_clean does not exist! \
        Tables zurich-desk may read: cost_by_canton, finance.cost_by_canton_v1.
        """);
  }

  @Test
  void auditFiltersByPrincipalProductAndTime() {
    mesh("query", "--tenant", "helvetia", "SELECT count(*) FROM claims_clean");
    mesh("query", "--tenant", "helvetia", "--as", "zurich-desk", "SELECT canton FROM cost_by_canton");

    assertThat(entries("--principal", "zurich-desk")).containsExactly("zurich-desk");
    assertThat(entries("--product", "claims_clean")).containsExactly("data-admin");
    assertThat(entries("--since", "1h")).containsExactly("data-admin", "zurich-desk");
    assertThat(entries("--since", "2999-01-01")).isEmpty();
  }

  @Test
  void auditRefusesAnUnreadableSince_withExitTwo() {
    MeshRun audit = mesh("audit", "--tenant", "helvetia", "--since", "yesterday");

    assertThat(audit.exitCode()).isEqualTo(2);
    assertThat(audit.err()).isEqualTo("mesh audit: --since 'yesterday' is neither a date (2026-12-01), an instant "
        + "(2026-12-01T08:00:00Z) nor a time ago (90m, 24h).\n");
  }

  private List<String> entries(String... filter) {
    List<String> arguments = new ArrayList<>(List.of("audit", "--tenant", "helvetia"));
    arguments.addAll(List.of(filter));
    MeshRun audit = mesh(arguments.toArray(String[]::new));
    assertThat(audit.exitCode()).as(audit.err()).isZero();
    return audit.out().lines().filter(line -> line.matches(TIME + "  .*"))
        .map(line -> line.split("  ")[1]).toList();
  }

  private MeshRun mesh(String... arguments) {
    List<String> all = new ArrayList<>(List.of(arguments));
    all.addAll(List.of("--definitions", catalogue.toString(), "--home", home.toString()));
    return MeshRun.of(all.toArray(String[]::new));
  }
}
