package io.meshwork.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code mesh bench}: measured performance figures, side by side in one run. */
@Command(name = "bench", description = "Benchmarks. Figures are measured in this run, never asserted in tests.",
    subcommands = {PlanBenchmark.class})
final class BenchCommand implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
