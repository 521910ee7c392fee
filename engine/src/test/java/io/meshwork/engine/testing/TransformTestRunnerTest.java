package io.meshwork.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.model.definition.Catalog;
import io.meshwork.model.definition.ColumnType;
import io.meshwork.model.definition.DataProduct;
import io.meshwork.model.definition.Problems;
import io.meshwork.model.definition.VersionRange;
import io.meshwork.model.parse.CatalogLoader;
import io.meshwork.model.parse.InMemoryDefinitionFiles;
import io.meshwork.model.testing.TestValue;
import io.meshwork.model.testing.TransformTestCase;
import io.meshwork.model.testing.TransformTests;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransformTestRunnerTest {

  private static final String TOTALS_SQL = """
      SELECT
          CAST(insured_id AS VARCHAR)            AS insured_id,
          CAST(COUNT(*) AS BIGINT)               AS claim_count,
          CAST(SUM(amount_chf) AS DECIMAL(18,2)) AS total_chf,
          CAST(AVG(share) AS DOUBLE)             AS average_share,
          CAST(MAX(service_date) AS DATE)        AS last_service
      FROM claims
      WHERE amount_chf >= ${min_amount_chf}
      GROUP BY insured_id
      """;

  private static final String INPUTS = """
      inputs:
        claims:
          - {claim_id: c1, insured_id: i1, amount_chf: 100.00, service_date: 2024-01-10, share: 0.5}
          - {claim_id: c2, insured_id: i1, amount_chf: 20.50, service_date: 2024-03-02, share: 0.25}
          - {claim_id: c3, insured_id: i2, amount_chf: 7.00, service_date: 2024-02-01}
          - {claim_id: c4, insured_id: "x'); DROP TABLE claims; --", amount_chf: 1.00, service_date: 2024-02-02,
             share: 1}
      """;

  @TempDir
  Path work;

  private final Map<String, String> files = new LinkedHashMap<>();

  TransformTestRunnerTest() {
    files.put("catalog.yaml", "apiVersion: meshwork.io/v1\nkind: Catalog\nname: test\nroles: [{role: analyst}]\n");
    files.put("sources/claims.yaml", """
        apiVersion: meshwork.io/v1
        kind: Source
        name: claims
        domain: sources
        version: 1.0.0
        columns:
          - {name: claim_id, type: string, required: true}
          - {name: insured_id, type: string, required: true}
          - {name: amount_chf, type: "decimal(12,2)", required: true}
          - {name: service_date, type: date, required: true}
          - {name: booked_at, type: timestamp}
          - {name: share, type: double}
        """);
    product(TOTALS_SQL);
  }

  @Test
  void passesWhenTheRowsMatchInAnyOrder_andStringsAreBoundAsLiterals() {
    fixture(INPUTS + """
        expected:
          rows:
            - {insured_id: i2, claim_count: 1, total_chf: 7, average_share: null, last_service: 2024-02-01}
            - {insured_id: "x'); DROP TABLE claims; --", claim_count: 1, total_chf: 1.00, average_share: 1.0,
               last_service: 2024-02-02}
            - {insured_id: i1, claim_count: 2, total_chf: 120.50, average_share: 0.375, last_service: 2024-03-02}
        """);

    TransformTestResult result = run();

    assertThat(result.status()).isEqualTo(TransformTestResult.Status.PASSED);
    assertThat(result.report()).isEmpty();
    assertThat(result.producedRows()).isEqualTo(3);
  }

  @Test
  void aWrongExpectationListsTheMissingAndUnexpectedRows() {
    fixture(INPUTS + """
        expected:
          columns: [insured_id, claim_count, total_chf]
          rows:
            - {insured_id: i1, claim_count: 2, total_chf: 120.50}
            - {insured_id: i2, claim_count: 1, total_chf: 7.50}
            - {insured_id: i3, claim_count: 1, total_chf: 3.00}
        """);

    TransformTestResult result = run();

    assertThat(result.status()).isEqualTo(TransformTestResult.Status.FAILED);
    assertThat(result.report()).containsExactly(
        "expected 3 rows, produced 3 rows",
        "missing (expected, not produced):",
        "  {insured_id=i2, claim_count=1, total_chf=7.50}",
        "  {insured_id=i3, claim_count=1, total_chf=3.00}",
        "unexpected (produced, not expected):",
        "  {insured_id=i2, claim_count=1, total_chf=7.00}",
        "  {insured_id=x'); DROP TABLE claims; --, claim_count=1, total_chf=1.00}");
  }

  @Test
  void rowsAreAMultiset_aDuplicateExpectedRowIsMissingOnce() {
    fixture(INPUTS + """
        expected:
          columns: [claim_count]
          rows: [{claim_count: 1}, {claim_count: 1}, {claim_count: 1}, {claim_count: 2}]
        """);

    assertThat(run().report()).containsExactly(
        "expected 4 rows, produced 3 rows",
        "missing (expected, not produced):",
        "  {claim_count=1}");
  }

  @Test
  void decimalsAndDoublesCompareWithinTheTolerance() {
    product(TOTALS_SQL.replace("AVG(share)", "AVG(share) / 3"));
    String expectation = INPUTS + """
        expected:
          columns: [insured_id, average_share]
          %s
          rows:
            - {insured_id: i1, average_share: 0.125}
            - {insured_id: i2, average_share: null}
            - {insured_id: "x'); DROP TABLE claims; --", average_share: 0.333}
        """;
    fixture(expectation.formatted("tolerance: 0.001"));
    assertThat(run().status()).isEqualTo(TransformTestResult.Status.PASSED);

    fixture(expectation.formatted(""));
    assertThat(run().report()).containsExactly(
        "expected 3 rows, produced 3 rows",
        "missing (expected, not produced):",
        "  {insured_id=x'); DROP TABLE claims; --, average_share=0.333}",
        "unexpected (produced, not expected):",
        "  {insured_id=x'); DROP TABLE claims; --, average_share=0.3333333333333333}");
  }

  @Test
  void theTestsParametersOverrideTheDefaults() {
    fixture("parameters: {min_amount_chf: 10}\n" + INPUTS + """
        expected:
          columns: [insured_id, total_chf]
          rows: [{insured_id: i1, total_chf: 120.50}]
        """);

    assertThat(run().status()).isEqualTo(TransformTestResult.Status.PASSED);
  }

  @Test
  void aResultThatBreaksTheContractIsAnError() {
    product(TOTALS_SQL.replace("AS DECIMAL(18,2)) AS total_chf", "AS DOUBLE) AS total"));
    fixture(INPUTS + "expected: {rows: []}\n");

    TransformTestResult result = run();

    assertThat(result.status()).isEqualTo(TransformTestResult.Status.ERROR);
    assertThat(result.report()).containsExactly("The transform of claim_totals 1.0.0 returns columns [insured_id "
        + "VARCHAR, claim_count BIGINT, total DOUBLE, average_share DOUBLE, last_service DATE], but its contract "
        + "declares [insured_id VARCHAR, claim_count BIGINT, total_chf DECIMAL(18,2), average_share DOUBLE, "
        + "last_service DATE]. Select exactly the contract's columns, in order, with CAST(... AS type) where the type "
        + "differs.");
  }

  @Test
  void aTransformThatFailsInDuckDbIsAnError() {
    product(TOTALS_SQL.replace("CAST(COUNT(*) AS BIGINT)", "CAST(MAX(claim_id) AS BIGINT)"));
    fixture(INPUTS + "expected: {rows: []}\n");

    TransformTestResult result = run();

    assertThat(result.status()).isEqualTo(TransformTestResult.Status.ERROR);
    assertThat(result.error()).startsWith("The transform of claim_totals 1.0.0 "
        + "(products/finance/claim_totals/transform.sql) failed: Conversion Error: ");
  }

  @Test
  void literalsAreTyped_timestampsAndNullsIncluded() {
    assertThat(FixtureTables.literal(new TestValue(ColumnType.of(ColumnType.Kind.TIMESTAMP),
        LocalDateTime.of(2024, 3, 1, 8, 30)))).isEqualTo("CAST('2024-03-01T08:30' AS TIMESTAMP)");
    assertThat(FixtureTables.literal(new TestValue(ColumnType.of(ColumnType.Kind.STRING), "it's")))
        .isEqualTo("'it''s'");
    assertThat(FixtureTables.literal(TestValue.nullOf(ColumnType.decimal(12, 2))))
        .isEqualTo("CAST(NULL AS DECIMAL(12,2))");
  }

  private void product(String sql) {
    files.put("products/finance/claim_totals/product.yaml", """
        apiVersion: meshwork.io/v1
        kind: DataProduct
        name: claim_totals
        domain: finance
        version: 1.0.0
        owner: finance-team
        inputs: [{name: claims}]
        parameters:
          - {name: min_amount_chf, type: "decimal(12,2)", default: 0, minimum: 0, maximum: 1000}
        transform: {sql: transform.sql}
        contract:
          columns:
            - {name: insured_id, type: string, required: true}
            - {name: claim_count, type: long, required: true}
            - {name: total_chf, type: "decimal(18,2)", required: true}
            - {name: average_share, type: double}
            - {name: last_service, type: date}
        """);
    files.put("products/finance/claim_totals/transform.sql", sql);
  }

  private void fixture(String body) {
    files.put("products/finance/claim_totals/tests/case.yaml",
        "apiVersion: meshwork.io/v1\nkind: TransformTest\nname: totals\n" + body);
  }

  private TransformTestResult run() {
    InMemoryDefinitionFiles definitions = new InMemoryDefinitionFiles("test", files);
    Catalog catalog = CatalogLoader.load(definitions);
    Problems problems = new Problems();
    List<TransformTestCase> cases = TransformTests.validate(catalog, definitions,
        List.of("products/finance/claim_totals/tests/case.yaml"), problems);
    assertThat(problems.sorted()).isEmpty();
    DataProduct product = catalog.product("claim_totals", VersionRange.ANY).orElseThrow();
    return new TransformTestRunner(work).run(product, cases.get(0));
  }
}
