package io.meshwork.cli;

import io.meshwork.engine.maintenance.MaintenanceReport;
import io.meshwork.engine.maintenance.MaintenanceService;
import io.meshwork.engine.maintenance.TenantMaintenanceReport;
import io.meshwork.engine.pipeline.Engine;
import io.meshwork.model.definition.RetentionPolicy;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mesh maintain}: applies the catalogue's retention policy to every table of a tenant. */
@Command(name = "maintain", description = "Expire old snapshots and audit branches and remove unreferenced files of "
    + "every table of a tenant, as the catalogue's retention policy says.")
final class MaintainCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  TenantScope scope;

  @Option(names = "--dry-run", description = "Report what would be removed; change nothing.")
  boolean dryRun;

  @Override
  public Integer call() throws Exception {
    RetentionPolicy policy = scope.catalog().info().retention();
    String tenant = scope.tenant();
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "%s tenant %s: keep published snapshots %d days and at least the last %d, blocked runs "
            + "%d days%n", dryRun ? "Dry run for" : "Maintaining", tenant, policy.publishedDays(),
        policy.keepLastPublished(), policy.blockedRunDays());
    TenantMaintenanceReport maintained;
    try (Engine engine = scope.engine()) {
      maintained = new MaintenanceService(engine, Clock.systemUTC()).maintain(tenant, dryRun);
    }
    for (MaintenanceReport report : maintained.tables()) {
      if (!report.changesNothing()) {
        out.printf(Locale.ROOT, "  %-40s %3d branches, %4d snapshots, %5d files, %3d orphans%n", report.table(),
            report.removedBranches().size(), report.expiredSnapshots().size(), report.deletedFiles().size(),
            report.orphanFiles().size());
      }
    }
    out.printf(Locale.ROOT, "%s %d audit branches, %d snapshots and %d files.%n", dryRun ? "Would remove" : "Removed",
        maintained.removedBranches(), maintained.expiredSnapshots(), maintained.deletedFiles());
    return 0;
  }
}
