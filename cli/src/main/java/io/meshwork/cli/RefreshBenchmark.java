package io.meshwork.cli;

import io.meshwork.engine.compute.DuckDbSession;
import io.meshwork.engine.compute.TableFiles;
import io.meshwork.model.definition.Delivery;
import io.meshwork.engine.pipeline.Engine;
import io.meshwork.engine.pipeline.LocalRunner;
import io.meshwork.engine.pipeline.ProductOutcome;
import io.meshwork.engine.pipeline.RunReport;
import io.meshwork.engine.pipeline.SourceDelivery;
import io.meshwork.demodata.SeedOptions;
import io.meshwork.demodata.SwissDataGenerator;
import io.meshwork.engine.storage.ProductTables;
import io.meshwork.engine.storage.TenantStorage;
import io.meshwork.model.definition.Catalog;
import io.meshwork.model.definition.Source;
import io.meshwork.model.plan.PlannedProduct;
import io.meshwork.model.plan.TenantPlan;
import io.meshwork.model.sql.SqlTemplate;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.iceberg.Table;

/**
 * Measures, side by side in one run on the same generated data: (a) the tenant's product SQL run by plain DuckDB
 * straight to Parquet, with no Iceberg and no validation (the floor); (b) a full Meshwork refresh; (c) a refresh
 * with nothing changed; (d) a refresh after one source changed.
 */
final class RefreshBenchmark {

  private static final String CHANGED_SOURCE = "premiums";

  private final Catalog catalog;
  private final String tenant;
  private final long scale;
  private final Path requestedWork;
  private final int parallelism;
  private final MemoryOption memory;
  private final Delivery.Format format;
  private final PrintWriter out;

  RefreshBenchmark(Catalog catalog, String tenant, long scale, Path work, int parallelism, MemoryOption memory,
      Delivery.Format format, PrintWriter out) {
    this.catalog = catalog;
    this.tenant = TenantOption.require(catalog, tenant);
    this.scale = scale;
    this.requestedWork = work;
    this.parallelism = parallelism;
    this.memory = memory;
    this.format = format;
    this.out = out;
  }

  int run() throws Exception {
    if (scale < 1) {
      throw new UserInputException("--scale must be at least 1.");
    }
    Path work = requestedWork != null ? Files.createDirectories(requestedWork)
        : Files.createTempDirectory("meshwork-bench");
    DuckDbSession.Limits limits = HomeOption.limits(memory, parallelism, work);
    try (Engine engine = HomeOption.engine(catalog, work.resolve("home"), limits)) {
      out.printf(Locale.ROOT, "Benchmark: tenant %s, scale %,d insured persons, %d cores, %d products at once, "
          + "DuckDB memory %s per session, spill up to %s%n", tenant, scale, Runtime.getRuntime().availableProcessors(),
          parallelism, limits.memoryLimit(), limits.maxSpill());
      SeedOptions options = SeedCommand.options(scale, 42, SeedCommand.DEFAULT_YEARS, false);
      SeedCommand.seed(engine, tenant, options, format, Optional.empty(), out);
      Map<String, Double> floorTimes = new LinkedHashMap<>();
      long cpuAtStart = processCpuNanos();
      double floor = floor(engine, work.resolve("floor"), HomeOption.limits(memory, 1, work), floorTimes);
      long cpuAfterFloor = processCpuNanos();
      RunReport full = refresh(engine, "bench-full");
      long cpuAfterFull = processCpuNanos();
      RunReport unchanged = refresh(engine, "bench-unchanged");
      Source changed = catalog.source(CHANGED_SOURCE).orElseThrow();
      new SourceDelivery(engine).deliver(tenant, changed, new SwissDataGenerator().sql(CHANGED_SOURCE,
          new SeedOptions(options.scale(), options.seed() + 1, options.firstYear(), options.lastYear(), false)),
          "Changed data for source " + CHANGED_SOURCE);
      RunReport oneChanged = refresh(engine, "bench-one-source-changed");
      double b = seconds(full);
      double c = seconds(unchanged);
      double d = seconds(oneChanged);
      out.println();
      out.printf(Locale.ROOT, "(a) plain DuckDB, SQL to Parquet (floor)     %8.2f s%n", floor);
      out.printf(Locale.ROOT, "(b) full Meshwork refresh                    %8.2f s  (%d published)%n", b,
          full.count(ProductOutcome.Outcome.PUBLISHED));
      out.printf(Locale.ROOT, "(c) refresh, nothing changed                 %8.2f s  (%d up to date)%n", c,
          unchanged.count(ProductOutcome.Outcome.UP_TO_DATE));
      out.printf(Locale.ROOT, "(d) refresh after %s changed           %8.2f s  (%d published, %d up to date)%n",
          CHANGED_SOURCE, d, oneChanged.count(ProductOutcome.Outcome.PUBLISHED),
          oneChanged.count(ProductOutcome.Outcome.UP_TO_DATE));
      breakdown(floorTimes, full);
      out.printf(Locale.ROOT, "Ratios: b/a %.2f   c/b %.3f   d/b %.2f%n", b / floor, c / b, d / b);
      double floorCpu = (cpuAfterFloor - cpuAtStart) / 1e9;
      double fullCpu = (cpuAfterFull - cpuAfterFloor) / 1e9;
      out.printf(Locale.ROOT, "CPU time of the process (less sensitive to other load on the machine): (a) %.1f s, "
          + "(b) %.1f s, b/a %.2f%n", floorCpu, fullCpu, fullCpu / floorCpu);
      out.printf(Locale.ROOT, "Peak memory: process %s, Java heap %s%n", peakResidentMemory(), peakHeap());
      return full.succeeded() && unchanged.succeeded() && oneChanged.succeeded() ? 0 : Mesh.INTERNAL_ERROR;
    } finally {
      if (requestedWork == null) {
        io.meshwork.engine.compute.Directories.deleteRecursively(work);
      }
    }
  }

  private RunReport refresh(Engine engine, String runId) {
    return new LocalRunner(engine, parallelism, (name, outcome) -> { })
        .run(tenant, Optional.empty(), runId);
  }

  /** The same SQL, wave by wave, by DuckDB alone: sources and outputs are plain Parquet files. */
  private double floor(Engine engine, Path directory, DuckDbSession.Limits limits, Map<String, Double> times)
      throws Exception {
    TenantPlan plan = engine.plan(tenant);
    TenantStorage storage = engine.storage(tenant);
    Files.createDirectories(directory);
    StringBuilder views = new StringBuilder();
    for (Source source : plan.sources()) {
      Table table = ProductTables.load(storage.catalog(), source.tableName()).orElseThrow();
      TableFiles files = TableFiles.of(source.name(), table, table.currentSnapshot().snapshotId(), storage);
      views.append("CREATE VIEW ").append(source.name()).append(" AS SELECT * FROM read_parquet([")
          .append(files.files().stream().map(file -> "'" + file + "'").collect(Collectors.joining(", ")))
          .append("]);\n");
    }
    long start = System.nanoTime();
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      statement.execute("SET preserve_insertion_order = false");
      // The same bounds as Meshwork's sessions together, so both sides spill alike.
      statement.execute("SET threads = " + limits.threads());
      statement.execute("SET memory_limit = " + DuckDbSession.literal(limits.memoryLimit()));
      statement.execute("SET temp_directory = " + DuckDbSession.literal(directory.resolve("spill").toString()));
      statement.execute("SET max_temp_directory_size = " + DuckDbSession.literal(limits.maxSpill()));
      for (String view : views.toString().split(";\n")) {
        statement.execute(view);
      }
      for (PlannedProduct product : plan.products()) {
        Path file = directory.resolve(product.name() + ".parquet");
        long productStart = System.nanoTime();
        statement.execute("COPY (" + SqlTemplate.render(product.transform().sql(), product.parameters())
            + "\n) TO '" + file + "' (FORMAT parquet, COMPRESSION zstd)");
        statement.execute("CREATE VIEW " + product.name() + " AS SELECT * FROM read_parquet('" + file + "')");
        times.put(product.name(), (System.nanoTime() - productStart) / 1e9);
      }
    }
    return (System.nanoTime() - start) / 1e9;
  }

  /** Where (b) spends its time, product by product, beside the floor's time for the same SQL. */
  private void breakdown(Map<String, Double> floorTimes, RunReport full) {
    out.println();
    out.printf(Locale.ROOT, "%-26s %8s %8s %8s %8s %8s%n", "(b) per product, seconds", "floor", "compute", "validate",
        "publish", "total");
    for (ProductOutcome outcome : full.outcomes()) {
      out.printf(Locale.ROOT, "%-26s %8.2f %8.2f %8.2f %8.2f %8.2f%n", outcome.product(),
          floorTimes.getOrDefault(outcome.product(), 0.0), outcome.steps().compute().toNanos() / 1e9,
          outcome.steps().validate().toNanos() / 1e9, outcome.steps().publish().toNanos() / 1e9,
          outcome.elapsed().toNanos() / 1e9);
    }
    out.println();
  }

  private static double seconds(RunReport report) {
    return report.elapsed().toNanos() / 1e9;
  }

  /** The process's peak resident set (Java heap plus DuckDB's native memory), from Linux's /proc. */
  private static String peakResidentMemory() {
    try (Stream<String> lines = Files.lines(Path.of("/proc/self/status"))) {
      return lines.filter(line -> line.startsWith("VmHWM:")).findFirst()
          .map(line -> String.format(Locale.ROOT, "%.0f MiB",
              Long.parseLong(line.replaceAll("\\D", "")) / 1024.0))
          .orElse("unknown");
    } catch (IOException e) {
      return "unknown (no /proc)";
    }
  }

  /** CPU time of the whole process, DuckDB's native threads included. */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static String peakHeap() {
    long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP)
        .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    return String.format(Locale.ROOT, "%.0f MiB", peak / 1024.0 / 1024.0);
  }

}
