package io.meshwork.model.export;

import static io.meshwork.model.export.DocumentPaths.at;
import static io.meshwork.model.export.DocumentPaths.property;
import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.model.definition.Catalog;
import io.meshwork.model.parse.CatalogLoader;
import io.meshwork.model.parse.InMemoryDefinitionFiles;
import io.meshwork.model.plan.Planner;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every kind of quality rule, every column type and a tenant without an AWS account yet, on a small catalogue: each
 * rule lands where ODCS expects it, as a library metric when one means the same, and the contract stays valid.
 */
class QualityRulesInOdcsTest {

  private static final Map<String, String> FILES = Map.of(
      "catalog.yaml", """
          apiVersion: meshwork.io/v1
          kind: Catalog
          name: test
          roles: [{role: analyst}]
          """,
      "sources/raw.yaml", """
          apiVersion: meshwork.io/v1
          kind: Source
          name: raw
          domain: sources
          version: 1.0.0
          columns: [{name: id, type: long, required: true}]
          """,
      "products/p.sql", "SELECT * FROM raw",
      "products/p.yaml", """
          apiVersion: meshwork.io/v1
          kind: DataProduct
          name: p
          domain: d
          version: 2.3.4
          owner: team
          inputs: [{name: raw}]
          transform: {sql: p.sql}
          contract:
            columns:
              - {name: id, type: long, required: true}
              - {name: code, type: string}
              - {name: amount, type: double}
              - {name: share, type: float}
              - {name: ok, type: boolean}
              - {name: day, type: date}
              - {name: at, type: timestamp}
              - {name: at_zone, type: timestamptz}
              - {name: ref, type: long}
            primaryKey: [id]
          quality:
            - {type: not_null, columns: [code, amount], tolerance: 5, severity: warn}
            - {type: not_null, columns: [ref], tolerance: "0.5%"}
            - {type: unique, columns: [code, day]}
            - {type: accepted_values, columns: [code], values: [A, B]}
            - {type: range, columns: [amount], minimum: 0, maximum: 100}
            - {type: regex, columns: [code], pattern: "[A-Z]"}
            - {type: row_count, minimum: 1, maximum: 1000, maxChangePercent: 20}
            - {type: row_count, minimum: 10}
            - {type: freshness, columns: [at], maxAge: PT2H}
            - {type: references, columns: [ref], product: raw, column: id}
            - type: sql
              name: no_negatives
              description: Amounts are never negative.
              query: SELECT * FROM p WHERE amount < 0
              tolerance: 3
            - {type: sql, query: "SELECT * FROM p WHERE share > 1", tolerance: "1%"}
          sla: {freshness: P1D}
          access:
            - {role: analyst, classifications: [internal], rowFilter: "code = 'A'"}
          """,
      "tenants/t1.yaml", """
          apiVersion: meshwork.io/v1
          kind: Tenant
          id: t1
          displayName: Tenant one
          account: {email: aws+t1@example.ch, region: eu-central-2}
          subscriptions: [{product: p}]
          """);

  private final Catalog catalog = CatalogLoader.load(new InMemoryDefinitionFiles("test", FILES));
  private final Map<String, Object> contract = OdcsExport.contract(
      new Planner(catalog).plan("t1").product("p").orElseThrow(), catalog.tenant("t1").orElseThrow(),
      catalog.info(), ".meshwork");

  @Test
  void theContractOfEveryRuleKindIsValidOdcs() {
    assertThat(StandardSchemas.ODCS.problems(contract)).isEmpty();
    assertThat(StandardSchemas.ODPS.problems(OdpsExport.product(new Planner(catalog).plan("t1").product("p")
        .orElseThrow(), catalog.tenant("t1").orElseThrow(), catalog.info()))).isEmpty();
  }

  @Test
  void singleColumnRulesSitOnTheirProperty() {
    assertThat(at(property(contract, "ref"), "quality")).isEqualTo(List.of(
        Map.of("type", "library", "metric", "nullValues", "mustBeLessOrEqualTo", new BigDecimal("0.5"),
            "unit", "percent", "dimension", "completeness", "severity", "error"),
        custom(implementation("references", List.of("ref"), "column", "id", "product", "raw"), "consistency")));
    assertThat(at(property(contract, "code"), "quality")).isEqualTo(List.of(
        Map.of("type", "library", "metric", "invalidValues", "arguments", Map.of("validValues", List.of("A", "B")),
            "mustBe", 0, "dimension", "conformity", "severity", "error"),
        Map.of("type", "library", "metric", "invalidValues", "arguments", Map.of("pattern", "^(?:[A-Z])$"),
            "mustBe", 0, "dimension", "conformity", "severity", "error")));
    assertThat(at(property(contract, "amount"), "quality")).isEqualTo(List.of(
        custom(implementation("range", List.of("amount"), "maximum", 100L, "minimum", 0L), "conformity")));
    assertThat(at(property(contract, "at"), "quality")).isEqualTo(List.of(
        custom(implementation("freshness", List.of("at"), "maxAge", "PT2H"), "timeliness")));
  }

  @Test
  void tableRulesSitOnTheSchemaObject() {
    Map<String, Object> notNullWithinTolerance = new LinkedHashMap<>(custom(implementation("not_null",
        List.of("code", "amount"), "tolerance", 5L), "completeness"));
    notNullWithinTolerance.put("severity", "warning");

    assertThat(at(contract, "schema", 0, "quality")).isEqualTo(List.of(
        notNullWithinTolerance,
        Map.of("type", "library", "metric", "duplicateValues",
            "arguments", Map.of("properties", List.of("code", "day")), "mustBe", 0, "dimension", "uniqueness",
            "severity", "error"),
        Map.of("type", "library", "metric", "rowCount", "mustBeBetween", List.of(1L, 1000L), "unit", "rows",
            "dimension", "completeness", "severity", "error"),
        custom(implementation("row_count", List.of(), "maxChangePercent", 20L), "completeness"),
        Map.of("type", "library", "metric", "rowCount", "mustBeGreaterOrEqualTo", 10L, "unit", "rows",
            "dimension", "completeness", "severity", "error"),
        Map.of("type", "sql", "query", "SELECT count(*) FROM (\nSELECT * FROM p WHERE amount < 0\n) AS failing_rows",
            "mustBeLessOrEqualTo", new BigDecimal("3"), "unit", "rows", "severity", "error", "name", "no_negatives",
            "description", "Amounts are never negative."),
        custom(implementation("sql", List.of(), "query", "SELECT * FROM p WHERE share > 1", "tolerance", "1%"),
            null)));
  }

  @Test
  void everyIcebergTypeHasItsLogicalType() {
    Map<String, Object> types = new LinkedHashMap<>();
    for (String column : List.of("id", "code", "amount", "share", "ok", "day", "at", "at_zone", "ref")) {
      Map<String, Object> property = property(contract, column);
      types.put(column, property.get("logicalType") + " " + property.getOrDefault("logicalTypeOptions", Map.of())
          + " " + property.get("physicalType"));
    }

    assertThat(types).containsExactly(
        Map.entry("id", "integer {format=i64} long"),
        Map.entry("code", "string {} string"),
        Map.entry("amount", "number {format=f64} double"),
        Map.entry("share", "number {format=f32} float"),
        Map.entry("ok", "boolean {} boolean"),
        Map.entry("day", "date {} date"),
        Map.entry("at", "timestamp {timezone=false} timestamp"),
        Map.entry("at_zone", "timestamp {timezone=true} timestamptz"),
        Map.entry("ref", "integer {format=i64} long"));
  }

  @Test
  void aTenantWithoutAnAccountYetHasOnlyTheLocalServer() {
    assertThat(DocumentPaths.list(contract, "servers")).hasSize(1);
    assertThat(at(contract, "servers", 0, "path")).isEqualTo(".meshwork/tenants/t1/warehouse/d/p_v2");
    assertThat(at(contract, "id")).isEqualTo("t1-p-v2-contract");
  }

  @Test
  void freshnessInWholeDaysAndRolesWithoutACatalogueDescription() {
    assertThat(at(contract, "slaProperties")).isEqualTo(List.of(Map.of("property", "latency", "value", 1L,
        "unit", "d", "description", "The newest published snapshot is at most 1 day old (PT24H).")));
    assertThat(at(contract, "roles", 0, "description"))
        .isEqualTo("Reads the columns classified internal, only on rows where code = 'A'.");
  }

  private static Map<String, Object> implementation(String type, List<String> columns, Object... settings) {
    Map<String, Object> implementation = new LinkedHashMap<>();
    implementation.put("type", type);
    if (!columns.isEmpty()) {
      implementation.put("columns", columns);
    }
    for (int i = 0; i < settings.length; i += 2) {
      implementation.put((String) settings[i], settings[i + 1]);
    }
    return implementation;
  }

  private static Map<String, Object> custom(Map<String, Object> implementation, String dimension) {
    Map<String, Object> check = new LinkedHashMap<>();
    check.put("type", "custom");
    check.put("engine", "meshwork");
    check.put("implementation", implementation);
    if (dimension != null) {
      check.put("dimension", dimension);
    }
    check.put("severity", "error");
    return check;
  }
}
