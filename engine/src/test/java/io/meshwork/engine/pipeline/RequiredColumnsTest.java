package io.meshwork.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshwork.engine.quality.CheckResult;
import io.meshwork.engine.storage.ProductTables;
import io.meshwork.model.definition.TableName;
import io.meshwork.model.runtime.RuntimeNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.Record;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rows that leave a required column empty never reach a commit, neither of a product (cost_by_canton requires
 * canton, which claims may leave empty) nor of a source (claims requires claim_id); the refused check is still
 * recorded and reported.
 */
class RequiredColumnsTest {

  private static final TableName CLAIMS = new TableName("sources", "claims_v1");
  private static final String WITHOUT_CANTON = "('c1', 'ZH', 120.50), ('c2', NULL, 40.00), ('c4', 'BE', 300.00)";

  @TempDir
  Path home;
  private PipelineFixture fixture;

  @BeforeEach
  void open() {
    fixture = new PipelineFixture(home);
  }

  @AfterEach
  void close() throws Exception {
    fixture.close();
  }

  @Test
  void aResultWithEmptyRequiredValues_isRejectedBeforeAnyCommit_andTheRunIsBlocked() throws IOException {
    fixture.deliverClaims(WITHOUT_CANTON);

    ComputeResult computed = new ComputeService(fixture.engine).compute(new StepRequest(PipelineFixture.TENANT,
        "claims_clean", "r1"));
    new PublishService(fixture.engine).publish(new ValidateService(fixture.engine).validate(computed));
    ComputeResult rejected = new ComputeService(fixture.engine).compute(new StepRequest(PipelineFixture.TENANT,
        "cost_by_canton", "r1"));

    assertThat(computed.status()).isEqualTo(ComputeResult.Status.COMPUTED);
    assertThat(rejected.status()).isEqualTo(ComputeResult.Status.REJECTED);
    assertThat(rejected.message()).isEqualTo("The transform of cost_by_canton (products/cost_by_canton/transform.sql)"
        + " returns empty values in required columns (canton: 1 of 3 rows); nothing was committed.");
    assertThat(rejected.snapshotId()).isNull();
    assertThat(rejected.rows()).isEqualTo(3);
    assertThat(rejected.refusals()).containsExactly(new CheckResult("required", List.of("canton"), true, 1, 3, false,
        List.of("null, 40.00"), "1 of 3 rows fail: canton must not be empty (the contract marks it required)"));
    Table costs = fixture.table(PipelineFixture.COST_BY_CANTON);
    assertThat(costs.refs()).isEmpty();
    assertThat(costs.snapshots()).isEmpty();
    assertThat(dataFiles(costs)).isEmpty();
  }

  @Test
  void aRejectedResult_isRecordedAndReportedLikeTheRequiredCheck_andMainStaysAsItWas() {
    fixture.deliverClaims("('c1', 'ZH', 120.50), ('c4', 'BE', 300.00)");
    fixture.run("first");
    String published = fixture.mainSnapshot(PipelineFixture.COST_BY_CANTON);
    fixture.deliverClaims(WITHOUT_CANTON);

    RunReport report = fixture.run("r2");

    ProductOutcome costs = report.outcomes().stream().filter(outcome -> outcome.product().equals("cost_by_canton"))
        .findFirst().orElseThrow();
    assertThat(costs.outcome()).isEqualTo(ProductOutcome.Outcome.BLOCKED);
    assertThat(costs.message()).isEqualTo("Not published: 0 passed, 0 warned, 1 failed. main is unchanged; nothing "
        + "was committed, as rows leave required columns empty.");
    assertThat(costs.checks()).extracting(CheckResult::label, CheckResult::message).containsExactly(
        Tuple.tuple("required(canton)",
            "1 of 3 rows fail: canton must not be empty (the contract marks it required)"));
    assertThat(fixture.mainSnapshot(PipelineFixture.COST_BY_CANTON)).isEqualTo(published);
    assertThat(fixture.table(PipelineFixture.COST_BY_CANTON).refs()).containsOnlyKeys("main", "audit-first");
    Table results = ProductTables.load(fixture.engine.storage(PipelineFixture.TENANT).catalog(),
        RuntimeNames.QUALITY_RESULTS).orElseThrow();
    List<Record> recorded = IcebergBranches.read(results, "main").stream()
        .filter(row -> row.getField("run_id").equals("r2") && row.getField("product").equals("cost_by_canton"))
        .toList();
    assertThat(recorded).extracting(row -> row.getField("check_name") + " " + row.getField("check_columns") + " "
        + row.getField("failing_rows") + "/" + row.getField("total_rows") + " passed=" + row.getField("passed")
        + " snapshot=" + row.getField("audit_snapshot_id") + " sample=" + row.getField("sample"))
        .containsExactly("required canton 1/3 passed=false snapshot=null sample=null, 40.00");
  }

  @Test
  void aDeliveryWithAnEmptyRequiredColumn_isRefusedBeforeItsCommit_andMainStaysAsItWas() throws IOException {
    fixture.deliverClaims("('c1', 'ZH', 120.50)");
    String delivered = fixture.mainSnapshot(CLAIMS);
    long files = dataFiles(fixture.table(CLAIMS)).size();

    assertThatThrownBy(() -> fixture.deliverClaims("('c1', 'ZH', 120.50), (NULL, 'BE', 300.00)"))
        .isInstanceOf(StepException.class)
        .hasMessage("test claims returns empty values in required columns (claim_id: 1 of 2 rows); nothing was "
            + "committed. Rows of claims must fill every column its contract marks required; for example: claim_id in "
            + "(null, BE, 300.00).");
    assertThat(fixture.mainSnapshot(CLAIMS)).isEqualTo(delivered);
    assertThat(dataFiles(fixture.table(CLAIMS))).hasSize((int) files);
  }

  @Test
  void noRefOfAnyTableHoldsAnEmptyValueInARequiredColumn_afterABlockedRun() {
    fixture.deliverClaims(WITHOUT_CANTON);

    fixture.run("blocked");

    assertThat(IcebergBranches.read(fixture.table(PipelineFixture.CLAIMS_CLEAN), "main"))
        .as("the reader reports empty values where a column may hold them")
        .anySatisfy(row -> assertThat(row.getField("canton")).isNull());
    for (TableName name : List.of(CLAIMS, PipelineFixture.CLAIMS_CLEAN, PipelineFixture.COST_BY_CANTON,
        RuntimeNames.QUALITY_RESULTS)) {
      assertThat(IcebergBranches.nullsInRequiredColumns(fixture.table(name))).as(name.toString()).isEmpty();
    }
  }

  @Test
  void primaryKeysAreTheTablesIdentifierFields() {
    fixture.deliverClaims(WITHOUT_CANTON);

    fixture.run("r1");

    assertThat(fixture.table(CLAIMS).schema().identifierFieldNames()).containsExactly("claim_id");
    assertThat(fixture.table(PipelineFixture.CLAIMS_CLEAN).schema().identifierFieldNames())
        .containsExactly("claim_id");
    assertThat(fixture.table(PipelineFixture.COST_BY_CANTON).schema().identifierFieldNames())
        .containsExactly("canton");
  }

  /** The Parquet files under the table's location, committed or not. */
  private static List<Path> dataFiles(Table table) throws IOException {
    Path location = Path.of(java.net.URI.create(table.location().startsWith("file:") ? table.location()
        : "file:" + table.location()));
    if (!Files.exists(location)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(location)) {
      return files.filter(file -> file.toString().endsWith(".parquet")).toList();
    }
  }
}
