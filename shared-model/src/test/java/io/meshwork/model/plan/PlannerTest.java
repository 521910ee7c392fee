package io.meshwork.model.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshwork.model.definition.Catalog;
import io.meshwork.model.definition.InvalidDefinitionException;
import io.meshwork.model.parse.CatalogLoader;
import io.meshwork.model.parse.InMemoryDefinitionFiles;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlannerTest {

  private final Map<String, String> files = MinimalCatalogue.files();

  @Test
  void planIncludesOnlyTheSubscriptionsAndWhatTheyRead() {
    product("base", "1.0.0", "raw");
    product("middle", "1.0.0", "base");
    product("top", "1.0.0", "middle");
    product("unrelated", "1.0.0", "base");
    tenant("t1", "  - {product: middle}\n");

    TenantPlan plan = planner().plan("t1");

    assertThat(names(plan)).containsExactly(List.of("base"), List.of("middle"));
    assertThat(plan.product("base").orElseThrow().reasons()).containsExactly("input of middle 1.0.0");
    assertThat(plan.sources()).extracting(source -> source.name()).containsExactly("raw");
  }

  @Test
  void independentProductsShareAWave() {
    product("base", "1.0.0", "raw");
    product("left", "1.0.0", "base");
    product("right", "1.0.0", "base");
    product("join", "1.0.0", "left", "right");
    tenant("t1", "  - {product: join}\n");

    assertThat(names(planner().plan("t1")))
        .containsExactly(List.of("base"), List.of("left", "right"), List.of("join"));
  }

  @Test
  void aProductRunsOncePerMajor_atTheHighestVersionEveryConsumerAccepts() {
    product("base", "1.2.0", "raw");
    product("base", "1.3.0", "raw");
    product("base", "1.4.0", "raw");
    product("left", "1.0.0", "base:^1.2");
    product("right", "1.0.0", "base:~1.3");
    tenant("t1", "  - {product: left}\n  - {product: right}\n");

    TenantPlan plan = planner().plan("t1");

    assertThat(plan.products()).filteredOn(product -> product.name().equals("base"))
        .extracting(product -> product.version().toString()).containsExactly("1.3.0");
  }

  @Test
  void majorsLiveSideBySide_asSeparateTables() {
    product("base", "1.0.0", "raw");
    product("base", "2.0.0", "raw");
    product("old", "1.0.0", "base:^1");
    product("new", "1.0.0", "base:^2");
    tenant("t1", "  - {product: old}\n  - {product: new}\n");

    assertThat(planner().plan("t1").products()).extracting(product -> product.tableName().toString())
        .contains("d.base_v1", "d.base_v2");
  }

  @Test
  void conflictingRangesWithinAMajorAreReported() {
    product("base", "1.2.0", "raw");
    product("base", "1.3.0", "raw");
    product("left", "1.0.0", "base:1.2.0");
    product("right", "1.0.0", "base:1.3.0");
    tenant("t1", "  - {product: left}\n  - {product: right}\n");

    assertThatThrownBy(this::planner).isInstanceOf(InvalidDefinitionException.class)
        .hasMessageContaining("Cannot plan tenant t1: product base is required as 1.2.0 (input of left 1.0.0), "
            + "1.3.0 (input of right 1.0.0), and no version of it satisfies all of them (available: 1.2.0, 1.3.0). "
            + "Align the version ranges.");
  }

  @Test
  void fingerprintDependsOnParameterValues() {
    product("base", "1.0.0", "raw");
    tenant("t1", "  - {product: base, parameters: {factor: 2}}\n");
    tenant("t2", "  - {product: base}\n");
    tenant("t3", "  - {product: base, parameters: {factor: 1}}\n");

    Planner planner = planner();
    String withTwo = planner.plan("t1").products().get(0).fingerprint();
    String withDefault = planner.plan("t2").products().get(0).fingerprint();
    String withOne = planner.plan("t3").products().get(0).fingerprint();

    assertThat(withTwo).isNotEqualTo(withDefault);
    assertThat(withOne).isEqualTo(withDefault);
  }

  @Test
  void unknownTenantIsNamed_withASuggestion() {
    product("base", "1.0.0", "raw");
    tenant("helvetia", "  - {product: base}\n");

    assertThatThrownBy(() -> planner().plan("helvetica")).isInstanceOf(InvalidDefinitionException.class)
        .hasMessage("tenants: Unknown tenant 'helvetica'. Did you mean 'helvetia'? Tenants are helvetia.");
  }

  @Test
  void refreshAfterAProduct_plansItsDependentsAndWhatTheyRead_inWaves() {
    product("base", "1.0.0", "raw");
    product("other", "1.0.0", "raw");
    product("left", "1.0.0", "base");
    product("join", "1.0.0", "left", "other");
    product("unrelated", "1.0.0", "other");
    tenant("t1", "  - {product: join}\n  - {product: unrelated}\n");
    TenantPlan plan = planner().plan("t1");

    assertThat(plan.downstreamOf("base")).containsExactlyInAnyOrder("left", "join");
    assertThat(plan.refreshAfter("base")).containsExactlyInAnyOrder("base", "other", "left", "join");
    assertThat(plan.waves(plan.refreshAfter("base"))).extracting(wave -> wave.stream().map(PlannedProduct::name)
        .sorted().toList()).containsExactly(List.of("base", "other"), List.of("left"), List.of("join"));
  }

  @Test
  void refreshAfterASourceDelivery_plansItsReadersTheirDependentsAndWhatTheyRead_inWaves() {
    product("base", "1.0.0", "raw");
    product("other", "1.0.0", "base");
    product("left", "1.0.0", "base");
    product("join", "1.0.0", "left", "base");
    tenant("t1", "  - {product: join}\n  - {product: other}\n");
    TenantPlan plan = planner().plan("t1");

    assertThat(plan.refreshAfterSource("raw")).containsExactlyInAnyOrder("base", "other", "left", "join");
    assertThat(plan.waves(plan.refreshAfterSource("raw"))).extracting(wave -> wave.stream()
        .map(PlannedProduct::name).sorted().toList())
        .containsExactly(List.of("base"), List.of("left", "other"), List.of("join"));
  }

  @Test
  void refreshAfterAnUnplannedSource_namesItAndThePlannedSources() {
    product("base", "1.0.0", "raw");
    tenant("t1", "  - {product: base}\n");
    TenantPlan plan = planner().plan("t1");

    assertThatThrownBy(() -> plan.refreshAfterSource("claims")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Source claims is not planned for tenant t1. Planned sources: raw.");
  }

  @Test
  void refreshAfterAProductNobodyReads_isEmpty() {
    product("base", "1.0.0", "raw");
    tenant("t1", "  - {product: base}\n");
    TenantPlan plan = planner().plan("t1");

    assertThat(plan.refreshAfter("base")).isEmpty();
    assertThat(plan.waves(plan.refreshAfter("base"))).isEmpty();
  }

  @Test
  void closuresOfAnUnplannedProduct_nameItAndThePlannedOnes() {
    product("base", "1.0.0", "raw");
    tenant("t1", "  - {product: base}\n");
    TenantPlan plan = planner().plan("t1");

    assertThatThrownBy(() -> plan.refreshAfter("nope")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Product nope is not planned for tenant t1. Planned: base.");
    assertThat(plan.upstreamOf("base")).containsExactly("base");
  }

  private Planner planner() {
    Catalog catalog = CatalogLoader.load(new InMemoryDefinitionFiles("test", files));
    return new Planner(catalog);
  }

  private static List<List<String>> names(TenantPlan plan) {
    return plan.waves().stream().map(wave -> wave.stream().map(PlannedProduct::name).toList()).toList();
  }

  /** Adds a product reading {@code inputs}, each "name" or "name:range". */
  private void product(String name, String version, String... inputs) {
    StringBuilder yaml = new StringBuilder("""
        apiVersion: meshwork.io/v1
        kind: DataProduct
        name: %s
        domain: d
        version: %s
        owner: team
        parameters: [{name: factor, type: int, default: 1, minimum: 1, maximum: 9}]
        transform: {sql: %s-%s.sql}
        contract: {columns: [{name: id, type: long}]}
        inputs:
        """.formatted(name, version, name, version));
    StringBuilder sql = new StringBuilder("SELECT id * ${factor} AS id FROM ");
    for (int i = 0; i < inputs.length; i++) {
      String[] parts = inputs[i].split(":");
      yaml.append("  - {name: ").append(parts[0]).append(parts.length > 1 ? ", version: \"" + parts[1] + "\"" : "")
          .append("}\n");
      sql.append(i == 0 ? "" : ", ").append(parts[0]);
    }
    files.put("products/" + name + "-" + version + ".yaml", yaml.toString());
    files.put("products/" + name + "-" + version + ".sql", sql.toString());
  }

  private void tenant(String id, String subscriptions) {
    files.put("tenants/" + id + ".yaml", """
        apiVersion: meshwork.io/v1
        kind: Tenant
        id: %s
        displayName: Tenant %s
        account: {email: aws+%s@example.ch, region: eu-central-2}
        subscriptions:
        %s""".formatted(id, id, id, subscriptions));
  }
}
