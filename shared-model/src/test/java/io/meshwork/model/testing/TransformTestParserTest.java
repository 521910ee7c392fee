package io.meshwork.model.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.model.definition.Catalog;
import io.meshwork.model.definition.Diagnostic;
import io.meshwork.model.definition.Problems;
import io.meshwork.model.parse.CatalogLoader;
import io.meshwork.model.parse.DirectoryTestFiles;
import io.meshwork.model.parse.InMemoryDefinitionFiles;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransformTestParserTest {

  private static final String FIXTURE = "products/claims/claims_clean/tests/case.yaml";
  private static final String DOWNSTREAM_FIXTURE = "products/finance/claim_totals/tests/case.yaml";

  private final Map<String, String> files = new LinkedHashMap<>();

  TransformTestParserTest() {
    files.put("catalog.yaml", "apiVersion: meshwork.io/v1\nkind: Catalog\nname: test\nroles: [{role: analyst}]\n");
    files.put("sources/claims.yaml", """
        apiVersion: meshwork.io/v1
        kind: Source
        name: claims
        domain: sources
        version: 1.0.0
        columns:
          - {name: claim_id, type: string, required: true}
          - {name: amount_chf, type: "decimal(12,2)", required: true}
          - {name: service_date, type: date, required: true}
          - {name: booked_at, type: timestamp}
          - {name: received_at, type: timestamptz}
          - {name: lines, type: int}
        """);
    files.put("sources/providers.yaml", """
        apiVersion: meshwork.io/v1
        kind: Source
        name: providers
        domain: sources
        version: 1.0.0
        columns: [{name: provider_id, type: string, required: true}]
        """);
    files.put("products/claims/claims_clean/product.yaml", """
        apiVersion: meshwork.io/v1
        kind: DataProduct
        name: claims_clean
        domain: claims
        version: 1.1.0
        owner: claims-team
        inputs: [{name: claims}, {name: providers}]
        parameters:
          - {name: min_amount_chf, type: "decimal(12,2)", default: 0, minimum: 0, maximum: 1000}
        transform: {sql: transform.sql}
        contract:
          columns:
            - {name: claim_id, type: string, required: true}
            - {name: amount_chf, type: "decimal(12,2)", required: true}
            - {name: share, type: double}
        """);
    files.put("products/claims/claims_clean/transform.sql",
        "SELECT claim_id, amount_chf, CAST(1 AS DOUBLE) AS share FROM claims, providers "
            + "WHERE amount_chf >= ${min_amount_chf}");
    files.put("products/finance/claim_totals/product.yaml", """
        apiVersion: meshwork.io/v1
        kind: DataProduct
        name: claim_totals
        domain: finance
        version: 1.0.0
        owner: finance-team
        inputs: [{name: claims_clean, version: "^1"}]
        transform: {sql: transform.sql}
        contract:
          columns: [{name: total_chf, type: "decimal(18,2)", required: true}]
        """);
    files.put("products/finance/claim_totals/transform.sql",
        "SELECT CAST(SUM(amount_chf) AS DECIMAL(18,2)) AS total_chf FROM claims_clean");
  }

  @Test
  void validFixtureIsReadWithTypedValues_omittedInputColumnsAreNull() {
    files.put(FIXTURE, """
        apiVersion: meshwork.io/v1
        kind: TransformTest
        name: keeps_large_claims
        description: Claims from CHF 50 on are kept.
        parameters: {min_amount_chf: 50}
        inputs:
          claims:
            - {claim_id: "c'1", amount_chf: 120.5, service_date: 2024-02-29, booked_at: 2024-03-01T08:30:00,
               received_at: "2024-03-01T08:30:00+01:00", lines: 3}
            - {claim_id: c2, amount_chf: 20, service_date: 2024-03-01}
          providers: []
        expected:
          columns: [claim_id, amount_chf]
          tolerance: 0.005
          rows:
            - {claim_id: "c'1", amount_chf: 120.50}
        """);

    List<TransformTestCase> cases = load(new Problems());

    assertThat(cases).hasSize(1);
    TransformTestCase testCase = cases.get(0);
    assertThat(testCase.label()).isEqualTo("claims_clean/keeps_large_claims");
    assertThat(testCase.version().toString()).isEqualTo("1.1.0");
    assertThat(testCase.description()).isEqualTo("Claims from CHF 50 on are kept.");
    assertThat(testCase.parameters().get("min_amount_chf").display()).isEqualTo("50.00");
    assertThat(testCase.inputs()).extracting(TestInput::name).containsExactly("claims", "providers");
    TestInput claims = testCase.inputs().get(0);
    assertThat(claims.rows().get(0).values().values()).extracting(TestValue::value).containsExactly("c'1",
        new BigDecimal("120.50"), LocalDate.of(2024, 2, 29), LocalDateTime.of(2024, 3, 1, 8, 30),
        Instant.parse("2024-03-01T07:30:00Z"), 3L);
    assertThat(claims.rows().get(1).display())
        .isEqualTo("{claim_id=c2, amount_chf=20.00, service_date=2024-03-01, booked_at=NULL, received_at=NULL, "
            + "lines=NULL}");
    assertThat(testCase.expected().columns()).containsExactly("claim_id", "amount_chf");
    assertThat(testCase.expected().tolerance()).isEqualByComparingTo("0.005");
    assertThat(testCase.expected().rows()).extracting(TestRow::display).containsExactly("{claim_id=c'1, "
        + "amount_chf=120.50}");
  }

  @Test
  void expectedRowsCompareEveryContractColumnByDefault_andAnUpstreamProductIsReadByItsContract() {
    files.put(DOWNSTREAM_FIXTURE, """
        apiVersion: meshwork.io/v1
        kind: TransformTest
        name: sums_amounts
        inputs:
          claims_clean: [{claim_id: c1, amount_chf: 10.00, share: 0.5}]
        expected:
          rows: [{total_chf: 10}]
        """);

    TransformTestCase testCase = load(new Problems()).get(0);

    assertThat(testCase.inputs().get(0).columns()).extracting(column -> column.name())
        .containsExactly("claim_id", "amount_chf", "share");
    assertThat(testCase.expected().columns()).containsExactly("total_chf");
    assertThat(testCase.expected().tolerance()).isZero();
    assertThat(testCase.expected().rows().get(0).display()).isEqualTo("{total_chf=10.00}");
  }

  @Test
  void unknownKeysSuggestTheClosest() {
    files.put(FIXTURE, """
        apiVersion: meshwork.io/v1
        kind: TransformTest
        name: typo
        inputs: {claims: [], providers: []}
        expected:
          colums: [claim_id]
          rows: []
        expectd: {}
        """);

    assertThat(problems()).containsExactly(
        FIXTURE + ":6:3: Unknown key 'colums' in the expected rows of test typo of claims_clean 1.1.0. Did you mean "
            + "'columns'?",
        FIXTURE + ":8:1: Unknown key 'expectd' in test typo of claims_clean 1.1.0. Did you mean 'expected'?");
  }

  @Test
  void inputsMustBeExactlyTheProductsInputs() {
    files.put(FIXTURE, """
        apiVersion: meshwork.io/v1
        kind: TransformTest
        name: wrong_inputs
        inputs:
          claim: []
          premiums: []
        expected: {rows: []}
        """);

    assertThat(problems()).containsExactly(
        FIXTURE + ":5:3: Test wrong_inputs of claims_clean 1.1.0 gives no rows for input 'claims'. Add 'claims: []' "
            + "under 'inputs' if it should be empty.",
        FIXTURE + ":5:3: Test wrong_inputs of claims_clean 1.1.0 gives no rows for input 'providers'. Add "
            + "'providers: []' under 'inputs' if it should be empty.",
        FIXTURE + ":5:3: Test wrong_inputs of claims_clean 1.1.0 gives rows for 'claim', which is not an input of "
            + "claims_clean 1.1.0. Did you mean 'claims'? Its inputs are claims, providers.",
        FIXTURE + ":6:3: Test wrong_inputs of claims_clean 1.1.0 gives rows for 'premiums', which is not an input of "
            + "claims_clean 1.1.0. Its inputs are claims, providers.");
  }

  @Test
  void columnsMustBeInTheInputsSchema_aSourcesColumnsOrAnUpstreamContract() {
    files.put(FIXTURE, """
        apiVersion: meshwork.io/v1
        kind: TransformTest
        name: wrong_columns
        inputs:
          claims: [{claim_id: c1, amout_chf: 10}]
          providers: [{provider_id: p1, zip: "8001"}]
        expected: {rows: []}
        """);
    files.put(DOWNSTREAM_FIXTURE, """
        apiVersion: meshwork.io/v1
        kind: TransformTest
        name: wrong_columns
        inputs:
          claims_clean: [{claim_id: c1, service_date: 2024-01-01}]
        expected: {rows: []}
        """);

    assertThat(problems()).containsExactly(
        FIXTURE + ":5:27: Input claims has no column 'amout_chf'. Did you mean 'amount_chf'?",
        FIXTURE + ":6:33: Input providers has no column 'zip'. Its columns are: provider_id.",
        DOWNSTREAM_FIXTURE + ":5:33: Input claims_clean has no column 'service_date'. Its columns are: claim_id, "
            + "amount_chf, share.");
  }

  @Test
  void valuesMustFitTheColumnType() {
    files.put(FIXTURE, """
        apiVersion: meshwork.io/v1
        kind: TransformTest
        name: wrong_values
        inputs:
          claims:
            - {claim_id: c1, amount_chf: 10.005, service_date: 2024-02-30, booked_at: yesterday, lines: 1.5}
            - {claim_id: c2, amount_chf: ten, received_at: 2024-03-01T08:30:00, service_date: [2024]}
          providers: []
        expected:
          rows:
            - {claim_id: c1, amount_chf: 10, share: high}
        """);

    assertThat(problems()).containsExactly(
        FIXTURE + ":6:34: Column 'amount_chf' of input claims expects decimal(12,2), and 10.005 has more than 2 "
            + "decimal places.",
        FIXTURE + ":6:56: Column 'service_date' of input claims expects a date (YYYY-MM-DD), got '2024-02-30'.",
        FIXTURE + ":6:79: Column 'booked_at' of input claims expects a timestamp without time zone in ISO form, e.g. "
            + "2024-01-31T08:30:00, got 'yesterday'.",
        FIXTURE + ":6:97: Column 'lines' of input claims expects an int (a whole number), got '1.5'.",
        FIXTURE + ":7:34: Column 'amount_chf' of input claims expects a decimal number, got 'ten'.",
        FIXTURE + ":7:52: Column 'received_at' of input claims expects a timestamp with a time zone offset in ISO "
            + "form, e.g. 2024-01-31T08:30:00+01:00, got '2024-03-01T08:30:00'.",
        FIXTURE + ":7:87: Column 'service_date' of input claims must be a single value, found a list.",
        FIXTURE + ":11:45: Column 'share' of the expected rows expects a number, got 'high'.");
  }

  @Test
  void parametersFollowTheRulesOfSubscriptions() {
    files.put(FIXTURE, """
        apiVersion: meshwork.io/v1
        kind: TransformTest
        name: wrong_parameters
        parameters:
          min_amont_chf: 10
          min_amount_chf: 5000
        inputs: {claims: [], providers: []}
        expected: {rows: []}
        """);
    files.put(DOWNSTREAM_FIXTURE, """
        apiVersion: meshwork.io/v1
        kind: TransformTest
        name: wrong_parameters
        parameters: {min_amount_chf: abc}
        inputs: {claims_clean: []}
        expected: {rows: []}
        """);

    assertThat(problems()).containsExactly(
        FIXTURE + ":5:3: Product claims_clean 1.1.0 has no parameter 'min_amont_chf'. Did you mean 'min_amount_chf'? "
            + "Its parameters are min_amount_chf.",
        FIXTURE + ":6:19: Parameter 'min_amount_chf' of claims_clean 1.1.0 must be between 0.00 and 1000.00, got "
            + "5000.00.",
        DOWNSTREAM_FIXTURE + ":4:14: Product claim_totals 1.0.0 has no parameter 'min_amount_chf'. It takes no "
            + "parameters.");
  }

  @Test
  void expectedColumnsMustBeInTheContract_andEveryRowGivesEachComparedColumn() {
    files.put(FIXTURE, """
        apiVersion: meshwork.io/v1
        kind: TransformTest
        name: wrong_expectations
        inputs: {claims: [], providers: []}
        expected:
          columns: [claim_id, amout_chf, claim_id]
          tolerance: -1
          rows:
            - {claim_id: c1, share: 0.5}
            - {amount_chf: 10.00}
        """);
    files.put(DOWNSTREAM_FIXTURE, """
        apiVersion: meshwork.io/v1
        kind: TransformTest
        name: all_columns
        inputs: {claims_clean: []}
        expected:
          rows:
            - {}
        """);

    assertThat(problems()).containsExactly(
        FIXTURE + ":6:23: The contract of claims_clean 1.1.0 has no column 'amout_chf'. Did you mean 'amount_chf'?",
        FIXTURE + ":6:34: Column 'claim_id' is listed twice in 'columns' of the expected rows of test "
            + "wrong_expectations of claims_clean 1.1.0.",
        FIXTURE + ":7:14: 'tolerance' of the expected rows of test wrong_expectations of claims_clean 1.1.0 must be a "
            + "number of at least 0, e.g. 0.005, got '-1'.",
        FIXTURE + ":9:22: Column 'share' is not compared by test wrong_expectations of claims_clean 1.1.0. Add it to "
            + "'columns' of the expected rows, or remove it from this row.",
        FIXTURE + ":10:7: This expected row of test wrong_expectations of claims_clean 1.1.0 gives no value for "
            + "'claim_id'. Give one (null for NULL), or remove it from 'columns'.",
        FIXTURE + ":10:8: Column 'amount_chf' is not compared by test wrong_expectations of claims_clean 1.1.0. Add it "
            + "to 'columns' of the expected rows, or remove it from this row.",
        DOWNSTREAM_FIXTURE + ":7:7: This expected row of test all_columns of claim_totals 1.0.0 gives no value for "
            + "'total_chf'. Give one (null for NULL), or list the compared columns in 'columns'.");
  }

  @Test
  void missingSectionsSayWhatToAdd() {
    files.put(FIXTURE, """
        apiVersion: meshwork.io/v1
        kind: TransformTest
        name: empty
        """);
    files.put(DOWNSTREAM_FIXTURE, """
        apiVersion: meshwork.io/v1
        kind: TransformTest
        inputs: {claims_clean: []}
        expected: {columns: [total_chf]}
        """);

    assertThat(problems()).containsExactly(
        FIXTURE + ":1:1: Test empty of claims_clean 1.1.0 is missing 'expected'. Add 'expected: {rows: [...]}' with "
            + "the rows the transform must return.",
        FIXTURE + ":1:1: Test empty of claims_clean 1.1.0 is missing 'inputs'. Give the rows of each input of "
            + "claims_clean 1.1.0, e.g. 'inputs: {claims: []}'.",
        DOWNSTREAM_FIXTURE + ":1:1: The transform test is missing 'name'. Add it, e.g. 'name: drops_cancelled_lines'.",
        DOWNSTREAM_FIXTURE + ":4:11: The expected rows of test (unnamed) of claim_totals 1.0.0 are missing 'rows'. "
            + "Add 'rows: []' if the transform should return no rows.");
  }

  @Test
  void aTestsDirectoryHoldsOnlyTransformTestsBesideAProduct() {
    files.put(FIXTURE, """
        apiVersion: meshwork.io/v1
        kind: DataProduct
        name: claims_clean
        """);
    files.put("products/claims/tests/orphan.yaml", "apiVersion: meshwork.io/v1\nkind: TransformTest\n");
    files.put("products/claims/claims_clean/tests/duplicate.yaml", """
        apiVersion: meshwork.io/v1
        kind: TransformTest
        name: same
        inputs: {claims: [], providers: []}
        expected: {rows: []}
        ---
        apiVersion: meshwork.io/v1
        kind: TransformTest
        name: same
        inputs: {claims: [], providers: []}
        expected: {rows: []}
        """);

    assertThat(problems()).containsExactly(
        FIXTURE + ":2:7: Files in a tests directory are transform tests: their kind is 'TransformTest', found "
            + "'DataProduct'. Move definitions out of tests directories.",
        "products/claims/claims_clean/tests/duplicate.yaml:9:7: Duplicate test name 'same' of claims_clean 1.1.0 "
            + "(first at products/claims/claims_clean/tests/duplicate.yaml:3:7). Rename one of them.",
        "products/claims/tests/orphan.yaml: No product beside this transform test: products/claims has no "
            + "product.yaml. Put transform tests in the tests directory beside the product.yaml they test.");
  }

  @Test
  void malformedYamlIsReportedWhereItIs() {
    files.put(FIXTURE, "apiVersion: meshwork.io/v1\nkind: TransformTest\ninputs: {claims: [}\n");

    assertThat(problems()).hasSize(1).first().asString()
        .startsWith(FIXTURE + ":3:19: Malformed YAML: ");
  }

  @Test
  void testFilesAreTheYamlFilesDirectlyInATestsDirectory(@TempDir Path root) throws IOException {
    for (String path : List.of("products/a/tests/one.yaml", "products/a/tests/two.yml", "products/a/product.yaml",
        "products/a/tests/data/rows.yaml", "products/a/tests/notes.md", "products/a/tests/.hidden.yaml")) {
      Files.createDirectories(root.resolve(path).getParent());
      Files.writeString(root.resolve(path), "");
    }

    assertThat(DirectoryTestFiles.paths(root)).containsExactly("products/a/tests/one.yaml",
        "products/a/tests/two.yml");
    assertThat(DirectoryTestFiles.isTestFixture("tests/root.yaml")).isTrue();
    assertThat(DirectoryTestFiles.isTestFixture("products/a/latest/one.yaml")).isFalse();
  }

  private List<TransformTestCase> load(Problems problems) {
    InMemoryDefinitionFiles definitions = new InMemoryDefinitionFiles("test", files);
    Catalog catalog = CatalogLoader.load(definitions);
    List<String> paths = files.keySet().stream().filter(DirectoryTestFiles::isTestFixture).toList();
    List<TransformTestCase> cases = TransformTests.validate(catalog, definitions, paths, problems);
    return cases;
  }

  private List<String> problems() {
    Problems problems = new Problems();
    load(problems);
    return problems.sorted().stream().map(Diagnostic::toString).toList();
  }
}
