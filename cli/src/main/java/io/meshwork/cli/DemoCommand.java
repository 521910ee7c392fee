package io.meshwork.cli;

import io.meshwork.engine.compute.DuckDbSession;
import io.meshwork.engine.pipeline.Engine;
import io.meshwork.engine.pipeline.LocalRunner;
import io.meshwork.engine.pipeline.ProductOutcome;
import io.meshwork.engine.pipeline.RunReport;
import io.meshwork.engine.query.PublishedTables;
import io.meshwork.model.definition.Catalog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mesh demo}: seeds the demo tenants, refreshes them, and shows what each tenant received. */
@Command(name = "demo", description = "Seed every demo tenant at a small scale, refresh them, and show the result.")
final class DemoCommand implements Callable<Integer> {

  static final String SAMPLE_TENANT = "lemanic";
  static final String SAMPLE_QUERY = "SELECT year, canton, earned_premium_chf, net_claims_chf, loss_ratio "
      + "FROM loss_ratio ORDER BY year DESC, earned_premium_chf DESC LIMIT 5";

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  CatalogOption catalogOption;

  @Mixin
  HomeOption homeOption;

  @Option(names = "--scale", paramLabel = "N", defaultValue = "2000",
      description = "Insured persons per tenant (default: ${DEFAULT-VALUE}).")
  long scale;

  @Override
  public Integer call() throws Exception {
    Catalog catalog = catalogOption.load();
    PrintWriter out = spec.commandLine().getOut();
    long start = System.nanoTime();
    List<RunReport> reports = new ArrayList<>();
    String runId = RunCommand.newRunId();
    try (Engine engine = homeOption.engine(catalog)) {
      int tenantNumber = 0;
      for (String tenant : catalog.tenantIds()) {
        out.printf("%n== %s (%s)%n", tenant, catalog.tenant(tenant).orElseThrow().displayName());
        SeedCommand.seed(engine, tenant, SeedCommand.options(scale, 42 + tenantNumber++, SeedCommand.DEFAULT_YEARS, false), out);
        RunReport report = new LocalRunner(engine, Runtime.getRuntime().availableProcessors(),
            (name, outcome) -> RunReportText.printOutcome(outcome, out)).run(tenant, Optional.empty(), runId);
        RunReportText.printSummary(report, out);
        reports.add(report);
      }
      printRowCounts(reports, out);
      printSample(engine, out);
    }
    out.printf(Locale.ROOT, "%nDemo finished in %.1f s. Data is under %s; try: ./mesh query --tenant %s \"%s\"%n",
        (System.nanoTime() - start) / 1e9, homeOption.home, "alpina", "SELECT * FROM kpi_summary");
    return reports.stream().allMatch(RunReport::succeeded) ? 0 : Mesh.INTERNAL_ERROR;
  }

  /** A product-by-tenant table of published row counts; "-" where the tenant does not receive the product. */
  static void printRowCounts(List<RunReport> reports, PrintWriter out) {
    TreeSet<String> products = new TreeSet<>();
    Map<String, Map<String, ProductOutcome>> byTenant = new LinkedHashMap<>();
    for (RunReport report : reports) {
      Map<String, ProductOutcome> outcomes = new LinkedHashMap<>();
      report.outcomes().forEach(outcome -> {
        outcomes.put(outcome.product(), outcome);
        products.add(outcome.product());
      });
      byTenant.put(report.tenant(), outcomes);
    }
    out.printf("%nPublished rows per product and tenant:%n");
    StringBuilder header = new StringBuilder(String.format("  %-26s", "product"));
    byTenant.keySet().forEach(tenant -> header.append(String.format(" %12s", tenant)));
    out.println(header);
    for (String product : products) {
      StringBuilder line = new StringBuilder(String.format("  %-26s", product));
      for (Map<String, ProductOutcome> outcomes : byTenant.values()) {
        ProductOutcome outcome = outcomes.get(product);
        String cell = outcome == null ? "-" : outcome.outcome().isSuccess()
            ? String.format(Locale.ROOT, "%,d", outcome.rows()) : RunReportText.label(outcome.outcome());
        line.append(String.format(" %12s", cell));
      }
      out.println(line);
    }
  }

  private static void printSample(Engine engine, PrintWriter out) throws Exception {
    out.printf("%nSample query for tenant %s:%n  %s%n", SAMPLE_TENANT, SAMPLE_QUERY);
    StringWriter table = new StringWriter();
    try (DuckDbSession session = PublishedTables.open(engine.storage(SAMPLE_TENANT), HomeOption.limits())) {
      session.firstRows(session.guard(SAMPLE_QUERY), 6, result -> QueryTable.print(result, 5, new PrintWriter(table,
          true)));
    }
    table.toString().lines().forEach(line -> out.println("  " + line));
  }
}
