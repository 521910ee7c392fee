package io.meshwork.localstack.orchestration;

import io.meshwork.engine.compute.DuckDbSession;
import io.meshwork.engine.pipeline.Engine;
import io.meshwork.engine.pipeline.LocalRunner;
import io.meshwork.engine.pipeline.ProductOutcome;
import io.meshwork.engine.pipeline.RunReport;
import io.meshwork.engine.pipeline.SourceDelivery;
import io.meshwork.demodata.SeedOptions;
import io.meshwork.demodata.SwissDataGenerator;
import io.meshwork.engine.storage.StagedTenantStorage;
import io.meshwork.engine.storage.LocalTenantStorage;
import io.meshwork.engine.storage.ProductTables;
import io.meshwork.model.definition.Catalog;
import io.meshwork.model.definition.Source;
import io.meshwork.model.plan.PlannedProduct;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.CloseableIterable;

/**
 * A tenant's data seen from the test JVM: source deliveries into the tenant's Glue catalog in the emulator (through
 * the same {@link StagedTenantStorage} the functions use), the tables' published state there, and the same refresh
 * run by the local pipeline for comparison.
 */
final class TenantData implements AutoCloseable {

  /** Small data, few cores: DuckDB in this JVM runs beside the functions' runtime processes. */
  static final DuckDbSession.Limits LIMITS = new DuckDbSession.Limits(1, "1GB");

  private final String tenant;
  private final Engine engine;

  private TenantData(String tenant, Engine engine) {
    this.tenant = tenant;
    this.engine = engine;
  }

  /** The tenant's tables in the Glue catalog of {@code accountId} at {@code endpoint}, warehouse {@code warehouse}. */
  static TenantData glue(Catalog catalog, String tenant, String accountId, URI endpoint, String warehouse,
      Path workRoot) {
    Map<String, String> properties = new LinkedHashMap<>(StagedTenantStorage.glueProperties(warehouse,
        Optional.of(endpoint.toString()), true));
    properties.put("client.credentials-provider", TenantAccountCredentials.class.getName());
    properties.put("client.credentials-provider." + TenantAccountCredentials.ACCOUNT_PROPERTY, accountId);
    return new TenantData(tenant, new Engine(catalog,
        id -> StagedTenantStorage.open(id, properties, workRoot), LIMITS));
  }

  /** Delivers every source the tenant's plan reads, generated with {@code options}. */
  void deliverAll(SeedOptions options) {
    engine.plan(tenant).sources().forEach(source -> deliver(source.name(), options));
  }

  /** Delivers the source {@code name}, generated with {@code options}; returns its row count. */
  long deliver(String name, SeedOptions options) {
    Source source = source(name);
    return new SourceDelivery(engine).deliver(tenant, source, new SwissDataGenerator().sql(name, options),
        "Generated data for source " + name);
  }

  /**
   * Writes the first {@code rows} rows of source {@code name} generated with {@code options} to {@code file} as a CSV
   * file with a header row, as a tenant's core system would export them; returns the file.
   */
  static Path csv(String name, SeedOptions options, int rows, Path file) {
    String sql = new SwissDataGenerator().sql(name, options);
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duckdb.createStatement()) {
      statement.execute("COPY (SELECT * FROM (" + sql + ") LIMIT " + rows + ") TO '" + file.toAbsolutePath()
          .toString().replace("'", "''") + "' (FORMAT csv, HEADER true, DELIMITER ',')");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot write the CSV delivery " + file + ": " + e.getMessage(), e);
    }
    return file;
  }

  /** The current snapshot of source {@code name}'s table, if delivered. */
  Optional<Snapshot> delivered(String name) {
    return ProductTables.load(engine.storage(tenant).catalog(), source(name).tableName())
        .map(table -> {
          table.refresh();
          return table.currentSnapshot();
        });
  }

  /** Rows on main of source {@code name}, counted by planning its files. */
  long deliveredRows(String name) {
    return ProductTables.load(engine.storage(tenant).catalog(), source(name).tableName())
        .map(TenantData::rowsOnMain).orElse(0L);
  }

  private Source source(String name) {
    return engine.plan(tenant).sources().stream().filter(candidate -> candidate.name().equals(name))
        .findFirst().orElseThrow(() -> new IllegalArgumentException(tenant + " reads no source " + name));
  }

  /** Drops the table of source {@code name}, as if it had never been delivered. */
  void dropSource(String name) {
    Source source = source(name);
    engine.storage(tenant).catalog().dropTable(ProductTables.identifier(source.tableName()), false);
  }

  /** The current snapshot of {@code product}'s table on main, if published. */
  Optional<Snapshot> published(String product) {
    PlannedProduct planned = engine.planned(tenant, product);
    return ProductTables.load(engine.storage(tenant).catalog(), planned.tableName()).map(Table::currentSnapshot);
  }

  /** Rows on main per planned product, in plan order; products never published are absent. */
  Map<String, Long> publishedRows() {
    return publishedRows(engine, tenant);
  }

  /**
   * Seeds a fresh local warehouse under {@code home} with {@code options}, refreshes the tenant there with the local
   * pipeline, and returns the rows on main per product.
   */
  static Map<String, Long> localPipelineRows(Catalog catalog, String tenant, SeedOptions options, Path home) {
    try (Engine local = new Engine(catalog, id -> LocalTenantStorage.open(home, id), LIMITS)) {
      TenantData data = new TenantData(tenant, local);
      data.deliverAll(options);
      RunReport report = new LocalRunner(local, 2, (id, outcome) -> { }).run(tenant, Optional.empty(), "local");
      report.outcomes().stream().filter(outcome -> outcome.outcome() != ProductOutcome.Outcome.PUBLISHED)
          .findFirst().ifPresent(outcome -> {
            throw new IllegalStateException("The local pipeline did not publish " + outcome.product() + ": "
                + outcome.outcome() + " " + outcome.message());
          });
      return publishedRows(local, tenant);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Counts rows by planning main's files: Iceberg's summary totals are not reliable after a branch fast-forward. */
  private static Map<String, Long> publishedRows(Engine engine, String tenant) {
    Map<String, Long> rows = new LinkedHashMap<>();
    for (PlannedProduct product : engine.plan(tenant).products()) {
      Optional<Table> table = ProductTables.load(engine.storage(tenant).catalog(), product.tableName());
      if (table.isEmpty() || table.get().currentSnapshot() == null) {
        continue;
      }
      rows.put(product.name(), rowsOnMain(table.get()));
    }
    return rows;
  }

  private static long rowsOnMain(Table table) {
    if (table.currentSnapshot() == null) {
      return 0;
    }
    long count = 0;
    try (CloseableIterable<FileScanTask> files = table.newScan().planFiles()) {
      for (FileScanTask file : files) {
        count += file.file().recordCount();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return count;
  }

  @Override
  public void close() throws IOException {
    engine.close();
  }
}
