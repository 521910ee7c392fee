package io.meshwork.cli;

import io.meshwork.model.definition.Catalog;
import io.meshwork.model.parse.CatalogLoader;
import io.meshwork.model.parse.InMemoryDefinitionFiles;
import io.meshwork.model.plan.Planner;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mesh bench plan}: load, validate and plan a generated catalogue of many tenants and products. */
@Command(name = "plan", description = "Time loading, validating and planning a generated catalogue.")
final class PlanBenchmark implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--tenants", defaultValue = "1000", paramLabel = "N",
      description = "Tenants to generate (default: ${DEFAULT-VALUE}).")
  int tenants;

  @Option(names = "--products", defaultValue = "50", paramLabel = "N",
      description = "Products to generate (default: ${DEFAULT-VALUE}).")
  int products;

  @Option(names = "--rounds", defaultValue = "5", paramLabel = "N",
      description = "Measured rounds of planning every tenant, after one warm-up round (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(names = "--seed", defaultValue = "42", paramLabel = "N",
      description = "Random seed of the generated catalogue (default: ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() {
    if (tenants < 1 || products < 1 || rounds < 1) {
      throw new UserInputException("--tenants, --products and --rounds must be at least 1.");
    }
    PrintWriter out = spec.commandLine().getOut();
    Map<String, String> files = new SyntheticCatalog(seed).files(products, tenants);
    long start = System.nanoTime();
    Catalog catalog = CatalogLoader.load(new InMemoryDefinitionFiles("generated", files));
    long loadNanos = System.nanoTime() - start;
    Planner planner = new Planner(catalog);
    long planned = planAll(planner, catalog);
    List<Long> roundNanos = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      long roundStart = System.nanoTime();
      planAll(planner, catalog);
      roundNanos.add(System.nanoTime() - roundStart);
    }
    Collections.sort(roundNanos);
    long median = roundNanos.get(roundNanos.size() / 2);
    out.printf("Generated catalogue: %d tenants x %d products (%d files), seed %d; %d planned products in all.%n",
        tenants, products, files.size(), seed, planned);
    out.printf("Load and validate (parse, check, plan every tenant once): %8.1f ms%n", loadNanos / 1e6);
    out.printf("Plan every tenant, median of %d rounds:                  %8.1f ms (min %.1f ms, max %.1f ms)%n",
        rounds, median / 1e6, roundNanos.get(0) / 1e6, roundNanos.get(roundNanos.size() - 1) / 1e6);
    out.printf("Per tenant:                                              %8.1f us%n", median / 1e3 / tenants);
    return 0;
  }

  private static long planAll(Planner planner, Catalog catalog) {
    long count = 0;
    for (String tenant : catalog.tenantIds()) {
      count += planner.plan(tenant).products().size();
    }
    return count;
  }
}
