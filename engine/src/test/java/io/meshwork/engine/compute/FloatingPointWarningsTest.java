package io.meshwork.engine.compute;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.model.definition.Catalog;
import io.meshwork.model.definition.Diagnostic;
import io.meshwork.model.definition.Problems;
import io.meshwork.model.parse.CatalogLoader;
import io.meshwork.model.parse.InMemoryDefinitionFiles;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mesh validate} warns where a decimal contract column is computed in floating point, from DuckDB's bound
 * plan: types decide, so text in comments and strings never does, and conditions feed no value.
 */
class FloatingPointWarningsTest {

  private static final String FILE = "products/finance/cost_cells/transform.sql";
  private static final String WHOSE = "The transform of cost_cells computes the ";
  private static final String AFTER = ". DuckDB may then round half units differently than an exact engine such as "
      + "Athena. " + FloatingPointWarnings.INSTEAD;

  @TempDir
  Path work;

  private final Map<String, String> files = new LinkedHashMap<>();

  FloatingPointWarningsTest() {
    files.put("catalog.yaml", "apiVersion: meshwork.io/v1\nkind: Catalog\nname: test\nroles: [{role: analyst}]\n");
    files.put("sources/cells.yaml", """
        apiVersion: meshwork.io/v1
        kind: Source
        name: cells
        domain: sources
        version: 1.0.0
        columns:
          - {name: canton, type: string, required: true}
          - {name: cost_chf, type: "decimal(12,2)", required: true}
          - {name: months, type: long, required: true}
          - {name: weight, type: double}
        """);
  }

  @Test
  void decimalDivisionInACommonTableExpressionIsNamedAtItsLine() {
    List<Diagnostic> warnings = warnings("""
        -- Cost per insured-year per canton.
        WITH per_canton AS (
            SELECT canton, SUM(cost_chf) * 12 / SUM(months) AS per_year
            FROM cells
            GROUP BY canton
        )
        SELECT
            CAST(canton AS VARCHAR)           AS canton,
            CAST(per_year AS DECIMAL(18,2))   AS amount_chf
        FROM per_canton
        """);

    assertThat(warnings).extracting(Diagnostic::toString).containsExactly(FILE + ":3:20: " + WHOSE
        + "decimal(18,2) column amount_chf in floating point: `/` (DuckDB divides in DOUBLE) at line 3" + AFTER);
  }

  @Test
  void avgOverDecimalsIsNamedAtTheColumnsExpression() {
    List<Diagnostic> warnings = warnings("""
        SELECT
            CAST(canton AS VARCHAR)              AS canton,
            CAST(AVG(cost_chf) AS DECIMAL(18,2)) AS amount_chf
        FROM cells
        GROUP BY canton
        """);

    assertThat(warnings).extracting(Diagnostic::toString).containsExactly(FILE + ":3:5: " + WHOSE
        + "decimal(18,2) column amount_chf in floating point: aggregate avg (returns DOUBLE)" + AFTER);
  }

  @Test
  void aDoubleInputColumnACastToDoubleAndADoubleFunctionAreNamed() {
    files.put("products/finance/cost_cells/product.yaml", product("""
            - {name: weighted_chf, type: "decimal(18,2)"}
            - {name: rounded_chf, type: "decimal(18,2)"}
            - {name: root_chf, type: "decimal(18,2)"}
        """));

    List<Diagnostic> warnings = warnings("""
        SELECT
            CAST(canton AS VARCHAR)                                  AS canton,
            CAST(cost_chf AS DECIMAL(18,2))                          AS amount_chf,
            CAST(cost_chf * weight AS DECIMAL(18,2))                 AS weighted_chf,
            CAST(CAST(cost_chf AS DOUBLE) AS DECIMAL(18,2))          AS rounded_chf,
            CAST(sqrt(months) AS DECIMAL(18,2))                      AS root_chf
        FROM cells
        """);

    assertThat(warnings).extracting(Diagnostic::toString).containsExactly(
        FILE + ":4:5: " + WHOSE + "decimal(18,2) column weighted_chf in floating point: the input column cells.weight "
            + "is DOUBLE" + AFTER,
        FILE + ":5:10: " + WHOSE + "decimal(18,2) column rounded_chf in floating point: a conversion to DOUBLE at "
            + "line 5" + AFTER,
        FILE + ":6:10: " + WHOSE + "decimal(18,2) column root_chf in floating point: function sqrt (returns DOUBLE) "
            + "at line 6" + AFTER);
  }

  @Test
  void slashesInCommentsAndStrings_divisionInConditions_andExactIntegerDivision_giveNoWarning() {
    List<Diagnostic> warnings = warnings("""
        -- net cost / insured-years, as a comment / and /* in a block / comment */
        SELECT
            CAST(canton || ' / ' || 'avg(x) / 2' AS VARCHAR)                       AS canton,
            CAST(CASE WHEN cost_chf / months > 100 THEN cost_chf ELSE 0 END
                 AS DECIMAL(18,2))                                                 AS amount_chf
        FROM cells
        WHERE cost_chf / 2 > 1
          AND months > 0
          -- cents, rounded half up: (2n + d) // (2d)
          AND (2 * CAST(cost_chf * 100 AS BIGINT) + months) // (2 * months) * 0.01 >= 0
        """);

    assertThat(warnings).isEmpty();
  }

  @Test
  void theExactFormulationGivesNoWarning_andFloatingPointInANonDecimalColumnIsNoConcern() {
    files.put("products/finance/cost_cells/product.yaml", product("""
            - {name: share, type: double}
        """));

    List<Diagnostic> warnings = warnings("""
        SELECT
            CAST(canton AS VARCHAR)                                                        AS canton,
            CAST((2 * CAST(SUM(cost_chf) * 100 AS BIGINT) * 12 + SUM(months)) // (2 * SUM(months)) * 0.01
                 AS DECIMAL(18,2))                                                         AS amount_chf,
            CAST(SUM(cost_chf) / SUM(months) AS DOUBLE)                                    AS share
        FROM cells
        GROUP BY canton
        """);

    assertThat(warnings).isEmpty();
  }

  @Test
  void aWindowCarriesItsArgumentsOrigin_throughAUnion_butNotItsPartition() {
    files.put("products/finance/cost_cells/product.yaml", product("""
            - {name: partitioned_chf, type: "decimal(18,2)"}
        """));

    List<Diagnostic> warnings = warnings("""
        WITH parts AS (
            SELECT canton, cost_chf, months FROM cells
            UNION ALL
            SELECT canton, cost_chf / 2, months FROM cells
        )
        SELECT
            CAST(canton AS VARCHAR)                                                    AS canton,
            CAST(SUM(cost_chf) OVER (PARTITION BY canton) AS DECIMAL(18,2))            AS amount_chf,
            CAST(SUM(months) OVER (PARTITION BY cost_chf / 3) AS DECIMAL(18,2))        AS partitioned_chf
        FROM parts
        """);

    // The union's column is DOUBLE, so the first branch's decimal is converted too.
    assertThat(warnings).extracting(Diagnostic::toString).containsExactly(FILE + ":2:20: " + WHOSE
        + "decimal(18,2) column amount_chf in floating point: a conversion to DOUBLE at line 2, `/` (DuckDB divides "
        + "in DOUBLE) at line 4" + AFTER);
  }

  @Test
  void aTenantsOverrideIsCheckedLikeTheTransform() {
    files.put("tenants/helvetia/tenant.yaml", """
        apiVersion: meshwork.io/v1
        kind: Tenant
        id: helvetia
        displayName: Helvetia
        account: {email: aws+helvetia@example.ch, id: "111122223333", region: eu-central-2}
        subscriptions:
          - product: cost_cells
        overrides:
          - product: cost_cells
            transform: {sql: overrides/cost_cells.sql}
            reason: Helvetia averages per canton.
        """);
    files.put("tenants/helvetia/overrides/cost_cells.sql", """
        SELECT CAST(canton AS VARCHAR) AS canton, CAST(AVG(cost_chf) AS DECIMAL(18,2)) AS amount_chf
        FROM cells GROUP BY canton
        """);

    List<Diagnostic> warnings = warnings("""
        SELECT CAST(canton AS VARCHAR) AS canton, CAST(SUM(cost_chf) AS DECIMAL(18,2)) AS amount_chf
        FROM cells GROUP BY canton
        """);

    assertThat(warnings).extracting(Diagnostic::toString).containsExactly("tenants/helvetia/overrides/cost_cells.sql"
        + ":1:43: The override by tenant helvetia of cost_cells computes the decimal(18,2) column amount_chf in "
        + "floating point: aggregate avg (returns DOUBLE)" + AFTER);
  }

  private List<Diagnostic> warnings(String sql) {
    files.putIfAbsent("products/finance/cost_cells/product.yaml", product(""));
    files.put(FILE, sql);
    Catalog catalog = CatalogLoader.load(new InMemoryDefinitionFiles("test", files));
    Problems problems = new Problems();
    Problems warnings = new Problems();
    TransformBinding.check(catalog, work, problems, warnings);
    assertThat(problems.sorted()).isEmpty();
    return warnings.sorted();
  }

  private static String product(String moreColumns) {
    return """
        apiVersion: meshwork.io/v1
        kind: DataProduct
        name: cost_cells
        domain: finance
        version: 1.0.0
        owner: finance-team
        inputs: [{name: cells}]
        transform: {sql: transform.sql}
        contract:
          columns:
            - {name: canton, type: string, required: true}
            - {name: amount_chf, type: "decimal(18,2)"}
        """ + moreColumns;
  }
}
