package io.meshwork.cli;

import io.meshwork.demodata.SeedOptions;
import io.meshwork.demodata.SwissDataGenerator;
import io.meshwork.engine.compute.Directories;
import io.meshwork.engine.compute.DuckDbSession;
import io.meshwork.engine.ingest.DeliveryWriter;
import io.meshwork.engine.ingest.IngestReport;
import io.meshwork.engine.ingest.IngestRequest;
import io.meshwork.engine.ingest.IngestService;
import io.meshwork.engine.pipeline.Engine;
import io.meshwork.engine.storage.IcebergSchemas;
import io.meshwork.model.definition.Catalog;
import io.meshwork.model.definition.CsvFormat;
import io.meshwork.model.definition.Source;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mesh bench ingest}: one generated claims delivery (CSV in the source's dialect) ingested by Meshwork, side
 * by side with its floor, plain DuckDB reading the same file with the same types into one Parquet file. Meshwork's
 * extra is the sandboxed session, the fingerprint, the Iceberg commits and the contract and quality checks.
 */
@Command(name = "ingest", description = "Time mesh ingest of a generated claims CSV against plain DuckDB read_csv "
    + "into Parquet on the same file.")
final class IngestBenchmark implements Callable<Integer> {

  private static final String SOURCE = "claims";

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin
  CatalogOption catalogOption;

  @Option(names = "--rows", paramLabel = "N", defaultValue = "10000000",
      description = "Claim lines in the delivery (default: ${DEFAULT-VALUE}).")
  long rows;

  @Option(names = {"-t", "--tenant"}, paramLabel = "TENANT", defaultValue = "alpina",
      description = "Tenant that delivers the claims (default: ${DEFAULT-VALUE}).")
  String tenant;

  @Option(names = "--rounds", paramLabel = "N", defaultValue = "2",
      description = "Times each side runs, alternating; the best time of each counts (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(names = "--work", paramLabel = "DIR", description = "Scratch directory, deleted afterwards (default: a new "
      + "temporary directory).")
  Path work;

  @Override
  public Integer call() throws Exception {
    if (rows < 1 || rounds < 1) {
      throw new UserInputException("--rows and --rounds must be at least 1.");
    }
    Catalog catalog = catalogOption.load();
    PrintWriter out = spec.commandLine().getOut();
    Path directory = work != null ? Files.createDirectories(work) : Files.createTempDirectory("meshwork-bench-ingest");
    try (Engine engine = HomeOption.engine(catalog, directory.resolve("home"))) {
      Source source = engine.plan(tenant).sources().stream().filter(candidate -> candidate.name().equals(SOURCE))
          .findFirst().orElseThrow(() -> new UserInputException("Tenant " + tenant + " does not deliver claims."));
      long scale = rows / 50 + 1;
      String sql = "SELECT * FROM (" + new SwissDataGenerator().sql(SOURCE, new SeedOptions(scale, 42,
          SeedOptions.DEFAULT_FIRST_YEAR, SeedOptions.DEFAULT_LAST_YEAR, false)) + "\n) LIMIT " + rows;
      long start = System.nanoTime();
      Path file = new DeliveryWriter(directory, HomeOption.limits()).write(source, sql,
          directory.resolve("delivery").resolve("claims.csv"));
      out.printf(Locale.ROOT, "Delivery: %,d claim lines, %,d MB of CSV ('%s'-separated, dates %s), written in %.1f s%n",
          rows, Files.size(file) >> 20, source.delivery().csv().delimiter(), source.delivery().csv().dateFormat(),
          seconds(start));
      double floor = Double.MAX_VALUE;
      double ingest = Double.MAX_VALUE;
      for (int round = 1; round <= rounds; round++) {
        floor = Math.min(floor, floor(source, file, directory.resolve("floor.parquet")));
        long begin = System.nanoTime();
        IngestReport report = new IngestService(engine).ingest(new IngestRequest(tenant, SOURCE, List.of(file),
            "bench-" + round));
        double took = seconds(begin);
        if (report.status() == IngestReport.Status.REJECTED) {
          throw new IllegalStateException("The benchmark delivery was rejected: " + report.message());
        }
        ingest = Math.min(ingest, took);
        out.printf(Locale.ROOT, "  round %d: plain DuckDB %.2f s, mesh ingest %.2f s (%s)%n", round, floor, took,
            report.status().name().toLowerCase(Locale.ROOT));
        // The next round delivers the same file into a new table version, so that it is ingested again, not skipped.
        engine.storage(tenant).catalog().dropTable(io.meshwork.engine.storage.ProductTables.identifier(
            source.tableName()), true);
      }
      out.printf(Locale.ROOT, "a  plain DuckDB read_csv -> Parquet  %6.2f s  %,12.0f rows/s%n", floor, rows / floor);
      out.printf(Locale.ROOT, "b  mesh ingest (checks, commit)     %6.2f s  %,12.0f rows/s%n", ingest, rows / ingest);
      out.printf(Locale.ROOT, "b/a = %.2f (best of %d rounds each, on %d cores)%n", ingest / floor, rounds,
          Runtime.getRuntime().availableProcessors());
    } finally {
      if (work == null) {
        Directories.deleteRecursively(directory);
      }
    }
    return 0;
  }

  /** The floor: the same file, the same types, one plain DuckDB statement into one zstd Parquet file. */
  private static double floor(Source source, Path file, Path target) throws Exception {
    CsvFormat csv = source.delivery().csv();
    String columns = source.contract().columns().stream().map(column -> DuckDbSession.literal(column.name()) + ": "
        + DuckDbSession.literal(IcebergSchemas.duckDbType(column.type()))).collect(Collectors.joining(", "));
    DuckDbSession.Limits limits = HomeOption.limits();
    long start = System.nanoTime();
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      statement.execute("SET threads = " + limits.threads());
      statement.execute("SET memory_limit = " + DuckDbSession.literal(limits.memoryLimit()));
      statement.execute("SET preserve_insertion_order = false");
      statement.execute("COPY (SELECT * FROM read_csv(" + DuckDbSession.literal(file.toString()) + ", header = true, "
          + "delim = " + DuckDbSession.literal(csv.delimiter()) + ", dateformat = "
          + DuckDbSession.literal(csv.dateFormat()) + ", columns = {" + columns + "})) TO "
          + DuckDbSession.literal(target.toString()) + " (FORMAT parquet, COMPRESSION zstd)");
    }
    double took = seconds(start);
    Files.deleteIfExists(target);
    return took;
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
