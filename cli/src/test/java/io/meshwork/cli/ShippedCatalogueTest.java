package io.meshwork.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meshwork.model.definition.Catalog;
import io.meshwork.model.plan.PlannedProduct;
import io.meshwork.model.plan.Planner;
import io.meshwork.model.plan.TenantPlan;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped catalogue is valid, and each demo tenant gets exactly the closure it needs. */
class ShippedCatalogueTest {

  private static final String CATALOGUE = "../product-definitions/catalog";

  @Test
  void shippedCatalogueIsValid() {
    MeshRun run = MeshRun.of("validate", CATALOGUE);

    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("""
        ../product-definitions/catalog is valid: 5 sources, 9 products (9 versions), 3 tenants, 1 custom product, 23 transform tests.
          alpina            9 products in 3 waves
          lemanic           4 products in 2 waves
          rhenus            7 products in 3 waves
        """);
  }

  @Test
  void alpinaTakesEverything() {
    assertThat(waves("alpina")).containsExactly(
        List.of("claims_clean", "insured_months"),
        List.of("claims_triangle", "cost_by_provider_type", "cost_per_insured", "high_cost_claimants", "loss_ratio",
            "risk_equalisation_cells"),
        List.of("kpi_summary"));
  }

  @Test
  void lemanicGetsOnlyItsKpisAndWhatTheyRead() {
    TenantPlan plan = plan("lemanic");

    assertThat(waves("lemanic")).containsExactly(
        List.of("claims_clean", "insured_months"),
        List.of("cost_per_insured", "loss_ratio"));
    assertThat(plan.products()).extracting(PlannedProduct::name).doesNotContain("high_cost_claimants",
        "claims_triangle", "risk_equalisation_cells", "cost_by_provider_type", "kpi_summary");
    assertThat(plan.product("loss_ratio").orElseThrow().parameters().get("expense_ratio").display())
        .isEqualTo("0.0800");
    assertThat(plan.product("cost_per_insured").orElseThrow().parameters().get("age_band_width").display())
        .isEqualTo("5");
    assertThat(plan.product("loss_ratio").orElseThrow().schedule().orElseThrow().expression())
        .isEqualTo("cron(0 7 * * ? *)");
    assertThat(plan.product("claims_clean").orElseThrow().reasons())
        .containsExactly("input of cost_per_insured 1.2.1", "input of loss_ratio 1.1.1");
  }

  @Test
  void rhenusRunsItsOverrideAndItsCustomProduct() {
    TenantPlan plan = plan("rhenus");

    assertThat(waves("rhenus")).containsExactly(
        List.of("claims_clean", "insured_months"),
        List.of("claims_triangle", "cost_by_provider_type", "cost_per_insured", "loss_ratio"),
        List.of("telmed_savings"));
    PlannedProduct claims = plan.product("claims_clean").orElseThrow();
    assertThat(claims.origin()).isEqualTo(PlannedProduct.Origin.OVERRIDDEN);
    assertThat(claims.transform().sqlFile()).isEqualTo("tenants/rhenus/overrides/claims_clean.sql");
    assertThat(plan.product("telmed_savings").orElseThrow().origin()).isEqualTo(PlannedProduct.Origin.CUSTOM);
  }

  @Test
  void overrideChangesTheFingerprint_soTenantsNeverShareAStaleResult() {
    String managed = plan("alpina").product("claims_clean").orElseThrow().fingerprint();
    String overridden = plan("rhenus").product("claims_clean").orElseThrow().fingerprint();

    assertThat(overridden).isNotEqualTo(managed).hasSize(64);
  }

  @Test
  void planPrintsJson_withWavesVersionsParametersAndReasons() throws Exception {
    MeshRun run = MeshRun.of("plan", "--tenant", "lemanic", "--format", "json", "--definitions", CATALOGUE);

    assertThat(run.exitCode()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("tenant").asText()).isEqualTo("lemanic");
    assertThat(json.get("waves")).hasSize(2);
    JsonNode lossRatio = json.get("waves").get(1).get(1);
    assertThat(lossRatio.get("name").asText()).isEqualTo("loss_ratio");
    assertThat(lossRatio.get("version").asText()).isEqualTo("1.1.1");
    assertThat(lossRatio.get("table").asText()).isEqualTo("finance.loss_ratio_v1");
    assertThat(lossRatio.get("engine").asText()).isEqualTo("duckdb");
    assertThat(lossRatio.get("parameters").get("expense_ratio").asText()).isEqualTo("0.0800");
    assertThat(lossRatio.get("reasons").get(0).asText()).isEqualTo("subscribed (^1)");
  }

  @Test
  void planShowsTheEngineEachProductRunsOn() {
    MeshRun run = MeshRun.of("plan", "--tenant", "lemanic", "--definitions", CATALOGUE);

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).containsPattern("  loss_ratio 1\\.1\\.1 -> finance\\.loss_ratio_v1 \\(managed, on duckdb, "
        + "fingerprint [0-9a-f]{12}\\)");
  }

  @Test
  void planNamesAnUnknownTenant_andExitsTwo() {
    MeshRun run = MeshRun.of("plan", "--tenant", "lemanik", "--definitions", CATALOGUE);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("mesh plan: Unknown tenant 'lemanik'. Did you mean 'lemanic'? Tenants are alpina, "
        + "lemanic, rhenus.\n");
  }

  private static List<List<String>> waves(String tenant) {
    List<List<String>> names = new ArrayList<>();
    plan(tenant).waves().forEach(wave -> names.add(wave.stream().map(PlannedProduct::name).toList()));
    return names;
  }

  private static TenantPlan plan(String tenant) {
    Catalog catalog = CatalogOption.load(CATALOGUE);
    return new Planner(catalog).plan(tenant);
  }
}
