package io.meshwork.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meshwork.model.access.DataCellsFilter;
import io.meshwork.model.access.LakeFormationPolicy;
import io.meshwork.model.access.SelectGrant;
import io.meshwork.model.definition.Catalog;
import io.meshwork.model.definition.Classification;
import io.meshwork.model.definition.Column;
import io.meshwork.model.definition.Tenant;
import io.meshwork.model.plan.PlannedProduct;
import io.meshwork.model.plan.Planner;
import io.meshwork.model.plan.TenantPlan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One policy, two enforcers: for every principal and every table of the three demo tenants (and of alpina with its
 * example workspace, whose grants are delegated by its admins), what {@code mesh query --as} shows equals what the
 * compiled Lake Formation grants and data cells filters allow. The expectation is computed from the policy alone:
 * the data admin reads the whole table with each grant's filter evaluated, and a cell is expected where some grant
 * keeps its row and includes its column (Lake Formation's rule for several grants on one table).
 */
class LocalEnforcementTest {

  private static final String CATALOGUE = "../product-definitions/catalog";
  private static final String WORKSPACE = "../product-definitions/workspaces/alpina";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path home;

  @BeforeAll
  static void publishTheDemoTenants() {
    MeshRun demo = MeshRun.of("demo", "--scale", "150", "--definitions", CATALOGUE, "--home", home.toString());
    assertThat(demo.exitCode()).as(demo.err()).isZero();
  }

  static Stream<Arguments> principalsAndTables() {
    List<Arguments> cases = new ArrayList<>();
    for (Optional<String> workspace : List.of(Optional.<String>empty(), Optional.of(WORKSPACE))) {
      Catalog catalog = CatalogOption.load(CATALOGUE, workspace.map(Path::of));
      for (Tenant tenant : catalog.tenants()) {
        if (workspace.isPresent() && !tenant.id().equals("alpina")) {
          continue;
        }
        TenantPlan plan = new Planner(catalog).plan(tenant.id());
        for (Tenant.Principal principal : tenant.principals()) {
          for (PlannedProduct planned : plan.products()) {
            cases.add(Arguments.of(tenant.id() + workspace.map(path -> " (workspace)").orElse(""),
                principal.name(), planned.product().name(), workspace));
          }
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}: {1} on {2}")
  @MethodSource("principalsAndTables")
  void queryAsAPrincipalShowsExactlyWhatLakeFormationWouldAllow(String label, String principal, String product,
      Optional<String> workspace) throws Exception {
    String tenant = label.split(" ")[0];
    Catalog catalog = CatalogOption.load(CATALOGUE, workspace.map(Path::of));
    Tenant definition = catalog.tenant(tenant).orElseThrow();
    TenantPlan plan = new Planner(catalog).plan(tenant);
    LakeFormationPolicy policy = LakeFormationPolicy.of(definition, plan, definition.account().id());
    PlannedProduct planned = plan.product(product).orElseThrow();
    String table = planned.tableName().namespace() + "." + planned.tableName().table();
    List<SelectGrant> grants = policy.selectGrants().stream()
        .filter(grant -> Arrays.asList(grant.grantee().name().split("\\+")).contains(principal))
        .filter(grant -> grant.table().equals(planned.tableName())).toList();

    MeshRun local = query(workspace, tenant, Optional.of(principal), "SELECT * FROM " + table);

    if (grants.isEmpty()) {
      assertThat(local.exitCode()).as("%s must not see %s", principal, table).isEqualTo(2);
      assertThat(local.err()).containsPattern("The query failed: Catalog Error: Table with name \"?("
          + planned.tableName().namespace() + "\\.)?" + planned.tableName().table() + "\"? does not exist");
      return;
    }
    assertThat(local.exitCode()).as(local.err()).isZero();
    List<String> contract = planned.product().contract().columns().stream().map(Column::name).toList();
    List<String> visible = contract.stream()
        .filter(column -> grants.stream().anyMatch(grant -> grant.columns().contains(column))).toList();
    JsonNode actual = JSON.readTree(local.out());
    assertThat(columns(actual, visible)).isEqualTo(visible);
    assertThat(rows(actual)).containsExactlyInAnyOrderElementsOf(expectedRows(workspace, tenant, table, policy,
        grants, visible));
  }

  @Test
  void queryAsDeniesPiiColumnsToEveryPrincipalWithoutCaseManager() throws Exception {
    Catalog catalog = CatalogOption.load(CATALOGUE);
    int checked = 0;
    for (Tenant tenant : catalog.tenants()) {
      TenantPlan plan = new Planner(catalog).plan(tenant.id());
      for (Tenant.Principal principal : tenant.principals()) {
        if (tenant.rolesOf(principal).contains("case_manager")) {
          continue;
        }
        for (PlannedProduct planned : plan.products()) {
          List<String> pii = planned.product().contract().columns().stream()
              .filter(column -> column.classification() == Classification.PII).map(Column::name).toList();
          if (pii.isEmpty()) {
            continue;
          }
          MeshRun local = query(Optional.empty(), tenant.id(), Optional.of(principal.name()),
              "DESCRIBE " + planned.tableName().namespace() + "." + planned.tableName().table());
          if (local.exitCode() == 0) {
            for (JsonNode row : JSON.readTree(local.out())) {
              assertThat(pii).as("%s of %s on %s", principal.name(), tenant.id(), planned.tableName())
                  .doesNotContain(row.get("column_name").asText());
            }
          }
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThan(10);
  }

  @Test
  void selectingAColumnOutsideTheGrantsNamesTheMissingGrant() {
    MeshRun local = query(Optional.empty(), "alpina", Optional.of("data-governance"),
        "SELECT claim_id, insured_id FROM claims_clean");

    assertThat(local.exitCode()).isEqualTo(2);
    assertThat(local.err()).isEqualTo("mesh query: The query failed: Column insured_id of "
        + "claims.claims_clean_v1 (claims_clean) is not granted to principal data-governance: it is classified pii, "
        + "and no grant of the principal on claims_clean includes pii columns. A tenant admin can grant it in the "
        + "workspace ('grants: - {to: data-governance, product: claims_clean, role: ..., classifications: [pii]}') "
        + "if the provider's ceiling allows it.\n");
  }

  @Test
  void caseManagementReadsTheIdentifiableHighCostClaimants() {
    MeshRun local = query(Optional.empty(), "alpina", Optional.of("case-management"),
        "SELECT count(insured_id) > 0 AS identified FROM high_cost_claimants");

    assertThat(local.exitCode()).as(local.err()).isZero();
    assertThat(local.out()).isEqualTo("[{\"identified\":true}]\n");
  }

  @Test
  void withoutAsTheQueryActsAsTheDataAdmin_andSaysSoInItsHeader() {
    MeshRun admin = MeshRun.of("query", "--tenant", "lemanic", "--definitions", CATALOGUE, "--home",
        home.toString(), "SELECT count(*) > 0 AS any_rows FROM claims_clean");

    assertThat(admin.exitCode()).as(admin.err()).isZero();
    assertThat(admin.out()).isEqualTo("""
        -- as the data admin of tenant lemanic: every table, column and row; pass --as PRINCIPAL to query as one \
        of the tenant's principals
        any_rows
        --------
        true
        (1 row)
        """);
  }

  @Test
  void principalsCannotReachTheTablesBehindTheirViews() {
    MeshRun viewText = query(Optional.empty(), "lemanic", Optional.of("controle-de-gestion"),
        "SELECT sql FROM duckdb_views()");
    MeshRun files = query(Optional.empty(), "lemanic", Optional.of("controle-de-gestion"),
        "SELECT * FROM read_parquet('" + home + "/lemanic/**/*.parquet')");

    assertThat(viewText.exitCode()).isEqualTo(2);
    assertThat(viewText.err()).contains("mesh query: The query is not allowed:");
    assertThat(files.exitCode()).isEqualTo(2);
    assertThat(files.err()).contains("mesh query: The query is not allowed:");
  }

  private static MeshRun query(Optional<String> workspace, String tenant, Optional<String> principal, String sql) {
    List<String> arguments = new ArrayList<>(List.of("query", "--tenant", tenant, "--definitions", CATALOGUE,
        "--home", home.toString(), "--format", "json", "--max-rows", "100000"));
    workspace.ifPresent(path -> arguments.addAll(List.of("--workspace", path)));
    principal.ifPresent(name -> arguments.addAll(List.of("--as", name)));
    arguments.add(sql);
    return MeshRun.of(arguments.toArray(String[]::new));
  }

  /** The expected rows: each base row some grant keeps, with the cells of the grants that keep it. */
  private static List<List<String>> expectedRows(Optional<String> workspace, String tenant, String table,
      LakeFormationPolicy policy, List<SelectGrant> grants, List<String> visible) throws Exception {
    StringBuilder sql = new StringBuilder("SELECT *");
    for (int index = 0; index < grants.size(); index++) {
      String condition = grants.get(index).filter().flatMap(policy::filter).map(DataCellsFilter::rowFilter)
          .orElse("true");
      sql.append(", coalesce(").append(condition).append(", false) AS meshwork_grant_").append(index);
    }
    MeshRun admin = query(workspace, tenant, Optional.empty(), sql.append(" FROM ").append(table).toString());
    assertThat(admin.exitCode()).as(admin.err()).isZero();
    List<List<String>> rows = new ArrayList<>();
    for (JsonNode row : JSON.readTree(admin.out())) {
      List<Boolean> keeps = new ArrayList<>();
      for (int index = 0; index < grants.size(); index++) {
        keeps.add(row.get("meshwork_grant_" + index).asBoolean());
      }
      if (!keeps.contains(true)) {
        continue;
      }
      List<String> values = new ArrayList<>();
      for (String column : visible) {
        boolean shown = false;
        for (int index = 0; index < grants.size(); index++) {
          shown |= keeps.get(index) && grants.get(index).columns().contains(column);
        }
        values.add(shown ? row.get(column).toString() : "null");
      }
      rows.add(values);
    }
    return rows;
  }

  private static List<String> columns(JsonNode result, List<String> fallback) {
    if (result.isEmpty()) {
      return fallback; // no row to read the columns from: DESCRIBE-free check happens on non-empty tables
    }
    List<String> names = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> fields = result.get(0).fields();
    fields.forEachRemaining(field -> names.add(field.getKey()));
    return names;
  }

  private static List<List<String>> rows(JsonNode result) {
    List<List<String>> rows = new ArrayList<>();
    for (JsonNode row : result) {
      List<String> values = new ArrayList<>();
      row.fields().forEachRemaining(field -> values.add(field.getValue().toString()));
      rows.add(values);
    }
    return rows;
  }
}
