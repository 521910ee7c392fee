package io.meshwork.cli;

import io.meshwork.engine.pipeline.Engine;
import io.meshwork.engine.pipeline.SourceDelivery;
import io.meshwork.demodata.SeedOptions;
import io.meshwork.demodata.SwissDataGenerator;
import io.meshwork.model.definition.Catalog;
import io.meshwork.model.definition.Source;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mesh seed}: delivers generated, plausible Swiss source data for a tenant. */
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

  @Override
  public Integer call() throws Exception {
    Catalog catalog = scope.catalog();
    String tenant = scope.tenant();
    SeedOptions options = options(scale, seed, years, defects);
    PrintWriter out = spec.commandLine().getOut();
    try (Engine engine = scope.engine()) {
      seed(engine, tenant, options, out);
    }
    return 0;
  }

  /** Delivers every source the tenant's plan reads; returns the rows delivered. */
  static long seed(Engine engine, String tenant, SeedOptions options, PrintWriter out) {
    List<Source> sources = engine.plan(tenant).sources();
    SwissDataGenerator generator = new SwissDataGenerator();
    long total = 0;
    long start = System.nanoTime();
    for (String name : SwissDataGenerator.sources()) {
      Source source = sources.stream().filter(candidate -> candidate.name().equals(name)).findFirst().orElse(null);
      if (source == null) {
        continue;
      }
      long rows = new SourceDelivery(engine).deliver(tenant, source, generator.sql(name, options),
          "Generated data for source " + name);
      total += rows;
      out.printf(Locale.ROOT, "  %-16s %,12d rows%n", name, rows);
      out.flush();
    }
    out.printf(Locale.ROOT, "Seeded tenant %s: %,d rows in %.1f s (scale %d, seed %d%s).%n", tenant, total,
        (System.nanoTime() - start) / 1e9, options.scale(), options.seed(), options.defects() ? ", with defects" : "");
    return total;
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
