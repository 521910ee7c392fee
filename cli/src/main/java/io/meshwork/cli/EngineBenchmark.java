package io.meshwork.cli;

import io.meshwork.engine.compute.ComputeEngine;
import io.meshwork.engine.compute.Directories;
import io.meshwork.engine.compute.DuckDbCompute;
import io.meshwork.engine.compute.TableFiles;
import io.meshwork.engine.compute.TrinoCompute;
import io.meshwork.engine.pipeline.Engine;
import io.meshwork.engine.pipeline.LocalRunner;
import io.meshwork.engine.pipeline.RunReport;
import io.meshwork.engine.storage.ProductTables;
import io.meshwork.engine.storage.TenantStorage;
import io.meshwork.model.definition.Catalog;
import io.meshwork.model.plan.PlannedProduct;
import io.meshwork.model.sql.SqlTemplate;
import io.meshwork.trino.local.LocalTrino;
import io.meshwork.trino.local.TrinoCatalog;
import io.meshwork.trino.local.TrinoSettings;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Table;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mesh bench engines}: the same products computed by DuckDB in-process and by a local Trino (Athena's engine)
 * on the same generated data and the same pinned inputs, each engine's own SQL, timed from statement to Iceberg-ready
 * files. Nothing is published by the timed writes; the work directory is deleted afterwards.
 */
@Command(name = "engines", description = "Time DuckDB against a local Trino on the same products and inputs "
    + "(products that ship Athena SQL, by default).")
final class EngineBenchmark implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin
  CatalogOption catalogOption;

  @Option(names = "--scale", paramLabel = "N", defaultValue = "20000",
      description = "Insured persons to generate (default: ${DEFAULT-VALUE}).")
  long scale;

  @Option(names = {"-t", "--tenant"}, paramLabel = "TENANT", defaultValue = "alpina",
      description = "Tenant whose data is generated (default: ${DEFAULT-VALUE}).")
  String tenant;

  @Option(names = {"-p", "--product"}, paramLabel = "PRODUCT", split = ",",
      description = "Products to time, in order (default: every planned product that ships Athena SQL).")
  List<String> products;

  @Option(names = "--trino-heap", paramLabel = "SIZE", defaultValue = "${MESHWORK_TRINO_HEAP:-4G}",
      description = "Heap of the local Trino (default: $MESHWORK_TRINO_HEAP or ${DEFAULT-VALUE}).")
  String trinoHeap;

  @Option(names = "--work", paramLabel = "DIR", description = "Scratch directory, deleted afterwards (default: a new "
      + "temporary directory).")
  Path work;

  @Override
  public Integer call() throws Exception {
    Catalog catalog = catalogOption.load();
    String id = TenantOption.require(catalog, tenant);
    if (scale < 1) {
      throw new UserInputException("--scale must be at least 1.");
    }
    PrintWriter out = spec.commandLine().getOut();
    Path directory = work != null ? Files.createDirectories(work) : Files.createTempDirectory("meshwork-engines");
    Path home = directory.resolve("home");
    try (Engine engine = HomeOption.engine(catalog, home)) {
      List<PlannedProduct> timed = timed(engine, id);
      out.printf(Locale.ROOT, "Engines: tenant %s, scale %,d insured persons, %d cores; products %s%n", id, scale,
          Runtime.getRuntime().availableProcessors(), timed.stream().map(PlannedProduct::name).toList());
      SeedCommand.seed(engine, id, SeedCommand.options(scale, 42, SeedCommand.DEFAULT_YEARS, false), out);
      RunReport inputs = new LocalRunner(engine, Runtime.getRuntime().availableProcessors(), (t, o) -> { })
          .run(id, Optional.empty(), "bench-inputs");
      if (!inputs.succeeded()) {
        throw new IllegalStateException("The refresh that publishes the inputs failed: " + inputs.outcomes());
      }
      long started = System.nanoTime();
      try (LocalTrino trino = LocalTrino.start(TrinoSettings.fromEnvironment().withHeap(trinoHeap)
          .withDirectory(directory.resolve("trino")))) {
        out.printf(Locale.ROOT, "Local Trino %s started in %.1f s (heap %s)%n", TrinoSettings.VERSION,
            (System.nanoTime() - started) / 1e9, trinoHeap);
        Path root = home.resolve("tenants").resolve(id);
        String trinoCatalog = "bench_" + TrinoCompute.defaultCatalog(id);
        trino.addCatalog(TrinoCatalog.jdbc(trinoCatalog, id, root.resolve("catalog.db"), root.resolve("warehouse")));
        DuckDbCompute duckDb = new DuckDbCompute(HomeOption.limits());
        TrinoCompute onTrino = new TrinoCompute(trino.jdbcUrl(), tenant -> trinoCatalog, duckDb);
        out.printf(Locale.ROOT, "%n%-26s %12s %10s %10s %14s%n", "product", "rows", "DuckDB s", "Trino s",
            "Trino scanned");
        for (PlannedProduct product : timed) {
          Timing onDuckDb = time(engine, id, product, duckDb, io.meshwork.model.definition.Engine.DUCKDB);
          Timing trinoTiming = time(engine, id, product, onTrino, io.meshwork.model.definition.Engine.ATHENA);
          if (onDuckDb.rows() != trinoTiming.rows()) {
            throw new IllegalStateException(product.name() + ": DuckDB wrote " + onDuckDb.rows() + " rows, Trino "
                + trinoTiming.rows());
          }
          out.printf(Locale.ROOT, "%-26s %,12d %10.2f %10.2f %14s%n", product.name(), onDuckDb.rows(),
              onDuckDb.seconds(), trinoTiming.seconds(), String.format(Locale.ROOT, "%.1f MB", trinoTiming.scanned() / 1e6));
        }
      }
      return 0;
    } finally {
      if (work == null) {
        Directories.deleteRecursively(directory);
      }
    }
  }

  private List<PlannedProduct> timed(Engine engine, String id) {
    if (products != null && !products.isEmpty()) {
      return products.stream().map(name -> PlannedProducts.require(engine.plan(id), name)).toList();
    }
    return engine.plan(id).products().stream()
        .filter(product -> product.transform().engineSql().containsKey(io.meshwork.model.definition.Engine.ATHENA))
        .toList();
  }

  /** The rows written, the wall time from statement to files, and what the engine scanned (0: not reported). */
  private record Timing(long rows, double seconds, long scanned) {
  }

  private static Timing time(Engine engine, String tenant, PlannedProduct product, ComputeEngine compute,
      io.meshwork.model.definition.Engine dialect) throws Exception {
    TenantStorage storage = engine.storage(tenant);
    List<TableFiles> inputs = new ArrayList<>();
    for (PlannedProduct.ResolvedInput input : product.inputs()) {
      Table table = ProductTables.load(storage.catalog(), input.tableName()).orElseThrow();
      inputs.add(TableFiles.of(input.name(), table, table.currentSnapshot().snapshotId(), storage));
    }
    Table output = ProductTables.load(storage.catalog(), product.tableName()).orElseThrow();
    String sql = SqlTemplate.render(product.transform().sqlFor(dialect), product.parameters());
    long start = System.nanoTime();
    ComputeEngine.Written written = compute.writeMeasured(storage, inputs, sql, output, product.name(),
        ComputeEngine.DEFAULT_TIMEOUT);
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Timing(written.files().stream().mapToLong(DataFile::recordCount).sum(), seconds,
        written.bytesScanned().orElse(0));
  }
}
