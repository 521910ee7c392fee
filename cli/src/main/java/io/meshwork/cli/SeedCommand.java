package io.meshwork.cli;

import io.meshwork.engine.compute.Directories;
import io.meshwork.engine.ingest.DeliveryWriter;
import io.meshwork.engine.ingest.IngestReport;
import io.meshwork.engine.ingest.IngestRequest;
import io.meshwork.engine.ingest.IngestService;
import io.meshwork.engine.usage.RunUsage;
import io.meshwork.engine.compute.DuckDbCompute;
import io.meshwork.engine.pipeline.Engine;
import io.meshwork.model.definition.Delivery;
import io.meshwork.demodata.SeedOptions;
import io.meshwork.demodata.SwissDataGenerator;
import io.meshwork.model.definition.Catalog;
import io.meshwork.model.definition.Source;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mesh seed}: generates plausible Swiss source data for a tenant and delivers it through ingestion. */
@Command(name = "seed", description = "Generate deterministic Swiss health-insurance source data for a tenant.")
final class SeedCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  TenantScope scope;

  @Option(names = "--scale", paramLabel = "N", defaultValue = "2000",
      description = "Insured persons to generate (default: ${DEFAULT-VALUE}); about 20 claims per person-year.")
  long scale;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
      description = "Random seed; the same seed gives the same data (default: ${DEFAULT-VALUE}).")
  long seed;

  /** The generator's default years, as --years takes them. */
  static final String DEFAULT_YEARS = SeedOptions.DEFAULT_FIRST_YEAR + "-" + SeedOptions.DEFAULT_LAST_YEAR;

  @Option(names = "--years", paramLabel = "FIRST-LAST", defaultValue = DEFAULT_YEARS,
      description = "Calendar years of coverage and claims (default: ${DEFAULT-VALUE}).")
  String years;

  @Option(names = "--defects", description = "Add a few realistic defects (duplicates, missing values, "
      + "out-of-range amounts) that quality rules must catch.")
  boolean defects;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv",
      description = "Format of the delivery files: csv (in each source's CSV dialect) or parquet (default: "
          + "${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--out", paramLabel = "DIR", description = "Keep the delivery files in DIR, one directory per "
      + "source (default: written to the tenant's work directory and removed once ingested).")
  Path out;

  @Override
  public Integer call() throws Exception {
    Catalog catalog = scope.catalog();
    String tenant = scope.tenant();
    SeedOptions options = options(scale, seed, years, defects);
    Delivery.Format chosen = format(format);
    PrintWriter writer = spec.commandLine().getOut();
    try (Engine engine = scope.engine()) {
      seed(engine, tenant, options, chosen, Optional.ofNullable(out), writer);
    }
    return 0;
  }

  /** Delivers every source the tenant's plan reads as CSV files, through ingestion; returns the rows delivered. */
  static long seed(Engine engine, String tenant, SeedOptions options, PrintWriter out) {
    return seed(engine, tenant, options, Delivery.Format.CSV, Optional.empty(), out);
  }

  /**
   * Writes generated data for every source the tenant's plan reads as delivery files, then ingests each like a
   * tenant's own delivery; returns the rows delivered.
   */
  static long seed(Engine engine, String tenant, SeedOptions options, Delivery.Format format, Optional<Path> keep,
      PrintWriter out) {
    List<Source> sources = engine.plan(tenant).sources();
    SwissDataGenerator generator = new SwissDataGenerator();
    Path directory = keep.orElseGet(() -> engine.storage(tenant).workDirectory().resolve("deliveries-"
        + UUID.randomUUID()));
    DeliveryWriter writer = new DeliveryWriter(engine.storage(tenant).workDirectory(),
        engine.compute() instanceof DuckDbCompute duckDb ? duckDb.limits() : HomeOption.limits());
    // The seed's deliveries record their usage in one append at the end.
    RunUsage usage = new RunUsage(engine::storage, engine.compute());
    IngestService ingest = new IngestService(engine, usage);
    String runId = "seed-" + RunCommand.newRunId();
    long total = 0;
    long start = System.nanoTime();
    try {
      for (String name : SwissDataGenerator.sources()) {
        Source source = sources.stream().filter(candidate -> candidate.name().equals(name)).findFirst().orElse(null);
        if (source == null) {
          continue;
        }
        Delivery.Format written = source.delivery().accepts(format) ? format : Delivery.Format.PARQUET;
        Path file = writer.write(source, generator.sql(name, options), directory.resolve(name)
            .resolve(name + "." + written.text()));
        IngestReport report = ingest.ingest(new IngestRequest(tenant, name, List.of(file), runId));
        if (report.rejected()) {
          throw new IllegalStateException("The generated delivery of source " + name + " was rejected: "
              + report.message());
        }
        total += report.rowsRead();
        out.printf(Locale.ROOT, "  %-16s %,12d rows  %s%n", name, report.rowsRead(), report.status() == IngestReport
            .Status.ALREADY_INGESTED ? "(already ingested)" : warnings(report));
        out.flush();
      }
    } finally {
      usage.flush(tenant);
      if (keep.isEmpty()) {
        Directories.deleteRecursively(directory);
      }
    }
    out.printf(Locale.ROOT, "Seeded tenant %s: %,d rows in %.1f s (scale %d, seed %d%s), delivered as %s files%s.%n",
        tenant, total, (System.nanoTime() - start) / 1e9, options.scale(), options.seed(),
        options.defects() ? ", with defects" : "", format.text(), keep.map(path -> " kept in " + path).orElse(""));
    return total;
  }

  private static String warnings(IngestReport report) {
    long warned = report.checks().stream().filter(check -> !check.passed() && !check.blocking()).count();
    return warned == 0 ? "" : "(" + warned + " warning" + (warned == 1 ? "" : "s") + ": " + report.checks().stream()
        .filter(check -> !check.passed() && !check.blocking()).map(check -> check.label())
        .collect(java.util.stream.Collectors.joining(", ")) + ")";
  }

  static Delivery.Format format(String text) {
    return switch (text) {
      case "csv" -> Delivery.Format.CSV;
      case "parquet" -> Delivery.Format.PARQUET;
      default -> throw new UserInputException("Invalid --format '" + text + "': use csv or parquet.");
    };
  }

  static SeedOptions options(long scale, long seed, String years, boolean defects) {
    String[] parts = years.split("-");
    try {
      if (parts.length != 2) {
        throw new NumberFormatException(years);
      }
      return new SeedOptions(scale, seed, Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()),
          defects);
    } catch (NumberFormatException e) {
      throw new UserInputException("Invalid --years '" + years + "': write FIRST-LAST, e.g. 2023-2025.");
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage());
    }
  }
}
