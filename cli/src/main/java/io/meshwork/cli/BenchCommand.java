package io.meshwork.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mesh bench}: measured performance figures, side by side in one run. */
@Command(name = "bench", description = "Benchmark a full refresh against plain DuckDB (or, with 'plan', planning). "
    + "Figures are measured in this run, never asserted in tests.", subcommands = {PlanBenchmark.class,
    IngestBenchmark.class,
    EngineBenchmark.class})
final class BenchCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin
  CatalogOption catalogOption;

  @CommandLine.Mixin
  MemoryOption memoryOption;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv",
      description = "Format of the generated deliveries: csv or parquet (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--scale", paramLabel = "N", defaultValue = "20000",
      description = "Insured persons to generate (default: ${DEFAULT-VALUE}).")
  long scale;

  @Option(names = {"-t", "--tenant"}, paramLabel = "TENANT", defaultValue = "alpina",
      description = "Tenant whose plan is refreshed (default: ${DEFAULT-VALUE}).")
  String tenant;

  @Option(names = "--parallelism", paramLabel = "N", description = "Products refreshed at once within a wave "
      + "(default: the number of cores).")
  Integer parallelism;

  @Option(names = "--work", paramLabel = "DIR", description = "Scratch directory, deleted afterwards (default: a new "
      + "temporary directory).")
  Path work;

  @Override
  public Integer call() throws Exception {
    int atOnce = parallelism == null ? Runtime.getRuntime().availableProcessors() : parallelism;
    return new RefreshBenchmark(catalogOption.load(), tenant, scale, work, atOnce, memoryOption,
        SeedCommand.format(format), spec.commandLine().getOut()).run();
  }
}
