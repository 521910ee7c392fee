package io.meshwork.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.engine.compute.DuckDbSession;
import io.meshwork.engine.query.PublishedTables;
import io.meshwork.engine.quality.CheckResult;
import io.meshwork.demodata.SeedOptions;
import io.meshwork.demodata.SwissDataGenerator;
import io.meshwork.engine.storage.LocalTenantStorage;
import io.meshwork.engine.storage.ProductTables;
import io.meshwork.model.definition.Catalog;
import io.meshwork.model.definition.Source;
import io.meshwork.model.definition.TableName;
import io.meshwork.model.parse.CatalogLoader;
import io.meshwork.model.parse.DirectoryDefinitionFiles;
import io.meshwork.model.plan.PlannedProduct;
import io.meshwork.model.runtime.RuntimeNames;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped catalogue end to end on generated data: every product of the tenant that takes everything publishes,
 * and what DuckDB reads from each published table equals what Iceberg's own reader reads: rows and sums.
 */
class ShippedCatalogueRefreshTest {

  private static final String TENANT = "alpina";

  @TempDir
  Path home;

  @Test
  void seededDefectsBlockTheProductsWhoseRulesCatchThem_andMainStaysUnpublished() throws Exception {
    try (Engine engine = engine()) {
      seed(engine, new SeedOptions(300, 7, SeedOptions.DEFAULT_FIRST_YEAR, SeedOptions.DEFAULT_LAST_YEAR, true));

      RunReport report = new LocalRunner(engine, 2, (tenant, outcome) -> { }).run(TENANT, Optional.empty(), "r1");

      java.util.Map<String, ProductOutcome.Outcome> outcomes = report.outcomes().stream().collect(
          java.util.stream.Collectors.toMap(ProductOutcome::product, ProductOutcome::outcome));
      assertThat(outcomes).containsEntry("claims_clean", ProductOutcome.Outcome.BLOCKED)
          .containsEntry("insured_months", ProductOutcome.Outcome.BLOCKED);
      assertThat(outcomes.values()).containsOnly(ProductOutcome.Outcome.BLOCKED, ProductOutcome.Outcome.SKIPPED);
      assertThat(report.outcomes()).filteredOn(outcome -> outcome.outcome() == ProductOutcome.Outcome.BLOCKED)
          .extracting(outcome -> outcome.product() + ": " + outcome.checks().stream().map(CheckResult::label).toList())
          .containsExactlyInAnyOrder("claims_clean: [required(insured_id)]", "insured_months: [required(canton)]");
      for (PlannedProduct product : engine.plan(TENANT).products()) {
        Optional<Table> table = ProductTables.load(engine.storage(TENANT).catalog(), product.tableName());
        assertThat(table.map(Table::currentSnapshot)).as(product.name()).satisfiesAnyOf(
            snapshot -> assertThat(snapshot).isEmpty(), snapshot -> assertThat(snapshot.get()).isNull());
      }
    }
  }

  /** Read as a new user would, with Iceberg's own reader: no ref of any table breaks a required column. */
  @Test
  void seededDefects_leaveNoEmptyValueInARequiredColumn_onAnyBranchOfAnyTable() throws Exception {
    try (Engine engine = engine()) {
      seed(engine, new SeedOptions(300, 7, SeedOptions.DEFAULT_FIRST_YEAR, SeedOptions.DEFAULT_LAST_YEAR, true));
      new LocalRunner(engine, 2, (tenant, outcome) -> { }).run(TENANT, Optional.empty(), "r1");

      List<TableName> tables = new java.util.ArrayList<>();
      engine.plan(TENANT).sources().forEach(source -> tables.add(source.tableName()));
      engine.plan(TENANT).products().forEach(product -> tables.add(product.tableName()));
      tables.add(RuntimeNames.QUALITY_RESULTS);
      int refs = 0;
      for (TableName name : tables) {
        Optional<Table> table = ProductTables.load(engine.storage(TENANT).catalog(), name);
        if (table.isPresent()) {
          refs += table.get().refs().size();
          assertThat(IcebergBranches.nullsInRequiredColumns(table.get())).as(name.toString()).isEmpty();
        }
      }
      // main of the five sources and of the quality results: the blocked products committed nothing at all
      assertThat(refs).as("refs read").isEqualTo(6);
    }
  }

  @Test
  void everyProductPublishes_andIcebergsReaderAgreesWithDuckDb() throws Exception {
    try (Engine engine = engine()) {
      seed(engine, new SeedOptions(300, 7));

      RunReport report = new LocalRunner(engine, 2, (tenant, outcome) -> { }).run(TENANT, Optional.empty(), "r1");

      assertThat(report.outcomes()).extracting(ProductOutcome::outcome)
          .containsOnly(ProductOutcome.Outcome.PUBLISHED).hasSize(9);
      try (DuckDbSession session = PublishedTables.open(engine.storage(TENANT), new DuckDbSession.Limits(2, "1GB"))) {
        for (PlannedProduct product : engine.plan(TENANT).products()) {
          Table table = ProductTables.load(engine.storage(TENANT).catalog(), product.tableName()).orElseThrow();
          List<GenericRecord> rows = StepSemanticsTest.readWithIceberg(table);
          String view = product.tableName().toString();
          assertThat(rows).as(view).hasSize((int) session.count("SELECT count(*) FROM " + view));
          Optional<Types.NestedField> decimal = table.schema().columns().stream()
              .filter(field -> field.type().typeId() == Type.TypeID.DECIMAL).findFirst();
          if (decimal.isPresent()) {
            String column = decimal.get().name();
            BigDecimal icebergSum = rows.stream().map(row -> (BigDecimal) row.getField(column))
                .filter(java.util.Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
            Object duckDbSum = session.rows("SELECT coalesce(sum(" + DuckDbSession.quote(column) + "), 0) FROM "
                + view).get(0).get(0);
            assertThat(icebergSum).as(view + "." + column).isEqualByComparingTo(new BigDecimal(duckDbSum.toString()));
          }
        }
      }
    }
  }

  private Engine engine() {
    Catalog catalog = CatalogLoader.load(new DirectoryDefinitionFiles(Path.of("../product-definitions/catalog")));
    return new Engine(catalog, tenant -> LocalTenantStorage.open(home, tenant), new DuckDbSession.Limits(2, "1GB"));
  }

  private static void seed(Engine engine, SeedOptions options) {
    SwissDataGenerator generator = new SwissDataGenerator();
    for (Source source : engine.plan(TENANT).sources()) {
      new SourceDelivery(engine).deliver(TENANT, source, generator.sql(source.name(), options),
          "generated " + source.name());
    }
  }
}
