package io.meshwork.engine.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.engine.compute.DuckDbSession;
import io.meshwork.model.definition.Catalog;
import io.meshwork.model.definition.DataProduct;
import io.meshwork.model.definition.VersionRange;
import io.meshwork.model.parse.CatalogLoader;
import io.meshwork.model.parse.InMemoryDefinitionFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every rule kind passes on good data and counts exactly the failing rows of a crafted defect. */
class QualityChecksTest {

  private static final String PRODUCT = """
      apiVersion: meshwork.io/v1
      kind: DataProduct
      name: checked
      domain: test
      version: 1.0.0
      owner: team
      inputs: [{name: cantons}]
      transform: {sql: checked.sql}
      contract:
        columns:
          - {name: id, type: long, required: true}
          - {name: canton, type: string}
          - {name: amount, type: "decimal(12,2)"}
          - {name: booked, type: date}
        primaryKey: [id]
      quality:
        - {type: not_null, columns: [canton]}
        - {type: unique, columns: [canton, booked], severity: warn}
        - {type: accepted_values, columns: [canton], values: [ZH, BE, GE]}
        - {type: range, columns: [amount], minimum: 0, maximum: 1000}
        - {type: regex, columns: [canton], pattern: "[A-Z]{2}"}
        - {type: row_count, minimum: 3, maximum: 10, maxChangePercent: 50}
        - {type: freshness, columns: [booked], maxAge: P36500D}
        - {type: references, columns: [canton], product: cantons, column: code}
        - {type: sql, query: "SELECT * FROM checked WHERE amount > 500 AND canton = 'GE'"}
        - {type: not_null, columns: [amount], tolerance: "25%"}
      """;

  private static final String GOOD = "(1, 'ZH', 10.00, DATE '2025-01-01'), (2, 'BE', 20.00, DATE '2025-01-02'), "
      + "(3, 'GE', 30.00, DATE '2025-01-03'), (4, 'ZH', 40.00, DATE '2025-01-04')";

  private static final String DEFECTS = "(1, 'ZH', 10.00, DATE '2025-01-01'), (1, 'ZH', 10.00, DATE '2025-01-01'), "
      + "(3, NULL, -5.00, DATE '2025-01-03'), (4, 'zh', 2000.00, DATE '2025-01-04'), "
      + "(5, 'XX', NULL, DATE '2025-01-05'), (6, 'GE', 900.00, DATE '2025-01-06')";

  @TempDir
  Path work;

  @Test
  void everyRulePassesOnGoodData() throws Exception {
    Map<String, CheckResult> results = run(GOOD, Optional.of(4L));

    assertThat(results.values()).allSatisfy(check -> {
      assertThat(check.failingRows()).as(check.label()).isZero();
      assertThat(check.passed()).as(check.label()).isTrue();
    });
    assertThat(results).hasSize(12);
  }

  @Test
  void everyRuleCountsTheRowsOfItsDefect() throws Exception {
    Map<String, CheckResult> results = run(DEFECTS, Optional.of(2L));

    assertThat(failing(results)).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
        Map.entry("required(id)", 0L),
        Map.entry("primary_key(id)", 2L),
        Map.entry("not_null(canton)", 1L),
        Map.entry("unique(canton, booked)", 2L),
        Map.entry("accepted_values(canton)", 2L),
        Map.entry("range(amount)", 2L),
        Map.entry("regex(canton)", 1L),
        Map.entry("row_count", 6L),
        Map.entry("freshness(booked)", 0L),
        Map.entry("references(canton)", 2L),
        Map.entry("sql", 1L),
        Map.entry("not_null(amount)", 1L)));
    assertThat(results.get("row_count").message()).isEqualTo("6 rows: changed by 200.0 % since the published 2 rows "
        + "(at most 50 %)");
    assertThat(results.get("not_null(amount)").passed()).as("one of six rows is within 25 %").isTrue();
    assertThat(results.get("unique(canton, booked)").blocking()).isFalse();
    assertThat(results.get("range(amount)").sample()).containsExactlyInAnyOrder("3, null, -5.00, 2025-01-03",
        "4, zh, 2000.00, 2025-01-04");
  }

  @Test
  void keyCheckedByPrimaryKeyAndUniqueRule_countedOnce_failsBothOnADuplicate() throws Exception {
    String product = PRODUCT.replace("- {type: unique, columns: [canton, booked], severity: warn}",
        "- {type: unique, columns: [id]}");

    Map<String, CheckResult> results = run(product, DEFECTS, Optional.of(6L), Map.of());

    assertThat(results.get("primary_key(id)").failingRows()).isEqualTo(2);
    assertThat(results.get("primary_key(id)").passed()).isFalse();
    assertThat(results.get("unique(id)").failingRows()).isEqualTo(2);
    assertThat(results.get("unique(id)").passed()).isFalse();
    assertThat(results.get("unique(id)").sample()).containsExactly("1, 2");
  }

  @Test
  void notNullRules_answeredFromKnownNullCounts_passWithoutEmptyValues_andStillCountThemWhenPresent()
      throws Exception {
    Map<String, CheckResult> clean = run(PRODUCT, GOOD, Optional.of(4L), Map.of("canton", 0L, "amount", 0L));
    Map<String, CheckResult> defects = run(PRODUCT, DEFECTS, Optional.of(6L), Map.of("canton", 1L, "amount", 1L));

    assertThat(clean.get("not_null(canton)").passed()).isTrue();
    assertThat(clean.get("not_null(canton)").message()).isEqualTo("0 of 4 rows fail: canton must not be empty");
    assertThat(defects.get("not_null(canton)").failingRows()).isEqualTo(1);
    assertThat(defects.get("not_null(canton)").passed()).isFalse();
    assertThat(defects.get("not_null(canton)").sample()).containsExactly("3, null, -5.00, 2025-01-03");
    assertThat(defects.get("not_null(amount)").failingRows()).isEqualTo(1);
  }

  private Map<String, CheckResult> run(String rows, Optional<Long> previousRows) throws Exception {
    return run(PRODUCT, rows, previousRows, Map.of());
  }

  private Map<String, CheckResult> run(String productYaml, String rows, Optional<Long> previousRows,
      Map<String, Long> knownNulls) throws Exception {
    Catalog catalog = CatalogLoader.load(new InMemoryDefinitionFiles("test", Map.of(
        "catalog.yaml", "apiVersion: meshwork.io/v1\nkind: Catalog\nname: test\n",
        "cantons.yaml", "apiVersion: meshwork.io/v1\nkind: Source\nname: cantons\ndomain: sources\nversion: 1.0.0\n"
            + "columns: [{name: code, type: string}]\n",
        "checked.yaml", productYaml,
        "checked.sql", "SELECT id, canton, amount, booked FROM cantons, (SELECT 1 AS id, 'ZH' AS canton, 1.0 AS "
            + "amount, DATE '2025-01-01' AS booked)")));
    DataProduct product = catalog.product("checked", VersionRange.ANY).orElseThrow();
    try (DuckDbSession session = DuckDbSession.open(work, List.of(), new DuckDbSession.Limits(1, "256MB"))) {
      session.execute("CREATE VIEW cantons AS SELECT * FROM (VALUES ('ZH'), ('BE'), ('GE')) t(code)");
      session.execute("CREATE VIEW checked AS SELECT CAST(id AS BIGINT) AS id, CAST(canton AS VARCHAR) AS canton, "
          + "CAST(amount AS DECIMAL(12,2)) AS amount, booked FROM (VALUES " + rows + ") t(id, canton, amount, booked)");
      return new QualityChecks(session, product).withKnownNullCounts(knownNulls).run(previousRows).stream()
          .collect(Collectors.toMap(CheckResult::label, check -> check, (a, b) -> b));
    }
  }

  private static Map<String, Long> failing(Map<String, CheckResult> results) {
    return results.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
        entry -> entry.getValue().failingRows()));
  }
}
