package io.meshwork.cli;

import io.meshwork.engine.pipeline.Engine;
import io.meshwork.engine.pipeline.LocalRunner;
import io.meshwork.engine.pipeline.RunReport;
import io.meshwork.model.definition.Catalog;
import io.meshwork.model.plan.Planner;
import java.io.PrintWriter;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mesh run}: refreshes a tenant's products: compute, validate, publish. */
@Command(name = "run", description = "Refresh a tenant's products: compute, validate and publish (write-audit-publish).")
final class RunCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  CatalogOption catalogOption;

  @Mixin
  WorkspaceOption workspaceOption;

  @Mixin
  HomeOption homeOption;

  @Mixin
  MemoryOption memoryOption;

  @ArgGroup(multiplicity = "1")
  TenantTarget target;

  @Option(names = {"-p", "--product"}, paramLabel = "PRODUCT",
      description = "Refresh only this product and what it reads.")
  String product;

  @Option(names = "--run-id", paramLabel = "ID", description = "Run id (default: a new one from the time). Re-using "
      + "a run id publishes nothing twice.")
  String runId;

  @Option(names = "--parallelism", paramLabel = "N", description = "Products refreshed at once within a wave "
      + "(default: the number of cores).")
  Integer parallelism;

  @CommandLine.Mixin
  TrinoOption trinoOption;

  @Option(names = "--json", description = "Print the run report as JSON instead of a table.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    Catalog catalog = catalogOption.load(workspaceOption);
    List<String> tenants = target.tenants(catalog);
    if (target.tenant != null) {
      workspaceOption.requireTenant(catalog, target.tenant);
    }
    if (product != null) {
      Planner planner = new Planner(catalog);
      tenants.forEach(tenant -> PlannedProducts.require(planner.plan(tenant), product));
    }
    Planner plans = new Planner(catalog);
    tenants.forEach(tenant -> trinoOption.requireFor(plans.plan(tenant), Optional.ofNullable(product)));
    String id = runId != null ? runId : newRunId();
    int cores = Runtime.getRuntime().availableProcessors();
    int atOnce = parallelism == null ? cores : parallelism;
    PrintWriter out = spec.commandLine().getOut();
    List<RunReport> reports = new ArrayList<>();
    try (Engine engine = homeOption.engine(catalog, trinoOption, memoryOption, atOnce)) {
      for (String tenant : tenants) {
        if (!json) {
          out.printf("Refreshing tenant %s (run %s)%n", tenant, id);
        }
        LocalRunner runner = new LocalRunner(engine, atOnce,
            (name, outcome) -> {
              if (!json) {
                RunReportText.printOutcome(outcome, out);
              }
            });
        RunReport report = runner.run(tenant, Optional.ofNullable(product), id);
        reports.add(report);
        if (!json) {
          RunReportText.printSummary(report, out);
        }
      }
    }
    if (json) {
      out.println(RunReportJson.write(reports));
    }
    return reports.stream().allMatch(RunReport::succeeded) ? 0 : Mesh.INTERNAL_ERROR;
  }

  static String newRunId() {
    return LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-"
        + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt());
  }
}
