package io.meshwork.model.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshwork.model.definition.Catalog;
import io.meshwork.model.definition.Diagnostic;
import io.meshwork.model.definition.Engine;
import io.meshwork.model.definition.InvalidDefinitionException;
import io.meshwork.model.parse.CatalogLoader;
import io.meshwork.model.parse.InMemoryDefinitionFiles;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnginePlanningTest {

  private final Map<String, String> files = MinimalCatalogue.files();

  EnginePlanningTest() {
    files.put("products/base.sql", "SELECT id FROM raw");
    files.put("products/base.athena.sql", "SELECT CAST(id AS bigint) AS id FROM raw");
    files.put("products/top.sql", "SELECT id FROM base");
  }

  @Test
  void productsRunOnDuckDb_unlessTheirDefinitionOrTheTenantSaysOtherwise() {
    product("base", "transform: {sql: base.sql}");
    product("top", "transform: {sql: top.sql}", "base");
    tenant("{}");

    TenantPlan plan = plan();

    assertThat(plan.product("base").orElseThrow().engine()).isEqualTo(Engine.DUCKDB);
    assertThat(plan.product("top").orElseThrow().engine()).isEqualTo(Engine.DUCKDB);
  }

  @Test
  void aProductDeclaringAthena_runsItsOwnDialectFile_onAthena() {
    product("base", "transform: {sql: base.sql, engine: athena, engineSql: {athena: base.athena.sql}}");
    product("top", "transform: {sql: top.sql}", "base");
    tenant("{}");

    PlannedProduct base = plan().product("base").orElseThrow();

    assertThat(base.engine()).isEqualTo(Engine.ATHENA);
    assertThat(base.sql()).isEqualTo("SELECT CAST(id AS bigint) AS id FROM raw");
    assertThat(base.transform().sqlFileFor(Engine.ATHENA)).isEqualTo("products/base.athena.sql");
  }

  @Test
  void aTenantMovesAnUpstreamProductToAthena_andThePlanSaysWhy() {
    product("base", "transform: {sql: base.sql, engineSql: {athena: base.athena.sql}}");
    product("top", "transform: {sql: top.sql}", "base");
    tenant("{base: athena}");

    TenantPlan plan = plan();
    PlannedProduct base = plan.product("base").orElseThrow();

    assertThat(base.engine()).isEqualTo(Engine.ATHENA);
    assertThat(base.sql()).isEqualTo("SELECT CAST(id AS bigint) AS id FROM raw");
    assertThat(base.reasons()).contains("runs on athena for this tenant");
    assertThat(plan.product("top").orElseThrow().engine()).isEqualTo(Engine.DUCKDB);
  }

  @Test
  void theFingerprintFollowsTheSqlThatRuns_notTheEngineName() {
    product("base", "transform: {sql: base.sql, engineSql: {athena: base.athena.sql}}");
    product("top", "transform: {sql: top.sql}", "base");
    tenant("{top: athena}");
    String onAthena = plan().product("top").orElseThrow().fingerprint();
    tenant("{}");
    String onDuckDb = plan().product("top").orElseThrow().fingerprint();
    tenant("{base: athena}");
    String baseOnAthena = plan().product("base").orElseThrow().fingerprint();
    tenant("{}");

    assertThat(onAthena).isEqualTo(onDuckDb);
    assertThat(baseOnAthena).isNotEqualTo(plan().product("base").orElseThrow().fingerprint());
  }

  @Test
  void refusesAnUnknownEngine_inAProductAndInATenant_withTheirLines() {
    product("base", "transform: {sql: base.sql, engine: athen, engineSql: {spark: base.athena.sql}}");
    product("top", "transform: {sql: top.sql}", "base");
    tenant("{top: trino}");

    assertThatThrownBy(this::plan).isInstanceOf(InvalidDefinitionException.class)
        .satisfies(error -> assertThat(((InvalidDefinitionException) error).diagnostics())
            .extracting(Diagnostic::toString)
            .containsExactly(
                "products/base.yaml:7:36: Unknown engine 'athen' of the transform of product base. Did you "
                    + "mean 'athena'? Engines are duckdb, athena.",
                "products/base.yaml:7:55: Unknown engine 'spark' in 'engineSql' of the transform of product base"
                    + ". Engines are duckdb, athena.",
                "tenants/t1.yaml:7:16: Unknown engine 'trino' of product top in 'engines' of tenant t1. Engines are "
                    + "duckdb, athena."));
  }

  @Test
  void refusesAnEngineChoiceForAProductTheTenantDoesNotRun() {
    product("base", "transform: {sql: base.sql}");
    product("top", "transform: {sql: top.sql}", "base");
    tenant("{tpo: athena}");

    assertThatThrownBy(this::plan).isInstanceOf(InvalidDefinitionException.class)
        .satisfies(error -> assertThat(((InvalidDefinitionException) error).diagnostics())
            .extracting(Diagnostic::toString)
            .containsExactly("tenants/t1.yaml:7:11: Cannot plan tenant t1: 'engines' names product tpo, which the "
                + "tenant does not run. Did you mean 'top'? Name a product it subscribes to or one they read."));
  }

  @Test
  void checksTheEngineSpecificFile_likeTheDefaultOne() {
    files.put("products/base.athena.sql", "SELECT id FROM elsewhere");
    product("base", "transform: {sql: base.sql, engineSql: {athena: base.athena.sql}}");
    product("top", "transform: {sql: top.sql}", "base");
    tenant("{}");

    assertThatThrownBy(this::plan).isInstanceOf(InvalidDefinitionException.class)
        .satisfies(error -> assertThat(((InvalidDefinitionException) error).diagnostics())
            .extracting(Diagnostic::toString)
            .anySatisfy(message -> assertThat(message).startsWith("products/base.athena.sql:1:16: ")
                .contains("elsewhere")));
  }

  private TenantPlan plan() {
    Catalog catalog = CatalogLoader.load(new InMemoryDefinitionFiles("test", files));
    return new Planner(catalog).plan("t1");
  }

  private void product(String name, String transform, String... inputs) {
    StringBuilder yaml = new StringBuilder("""
        apiVersion: meshwork.io/v1
        kind: DataProduct
        name: %s
        domain: d
        version: 1.0.0
        owner: team
        %s
        contract: {columns: [{name: id, type: long}]}
        inputs:
        """.formatted(name, transform));
    yaml.append("  - {name: ").append(inputs.length == 0 ? "raw" : inputs[0]).append("}\n");
    files.put("products/" + name + ".yaml", yaml.toString());
  }

  private void tenant(String engines) {
    files.put("tenants/t1.yaml", """
        apiVersion: meshwork.io/v1
        kind: Tenant
        id: t1
        displayName: Tenant t1
        account: {email: aws+t1@example.ch, region: eu-central-2}
        subscriptions: [{product: top}]
        engines: %s
        """.formatted(engines));
  }
}
