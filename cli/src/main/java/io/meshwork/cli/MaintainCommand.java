package io.meshwork.cli;

import io.meshwork.engine.maintenance.MaintenanceReport;
import io.meshwork.engine.maintenance.TableMaintenance;
import io.meshwork.engine.pipeline.Engine;
import io.meshwork.model.definition.RetentionPolicy;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
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
    TableMaintenance maintenance = new TableMaintenance(policy, Instant.now());
    int branches = 0;
    int snapshots = 0;
    int files = 0;
    try (Engine engine = scope.engine()) {
      Catalog catalog = engine.storage(tenant).catalog();
      for (TableIdentifier identifier : tables(catalog)) {
        MaintenanceReport report = maintenance.maintain(catalog.loadTable(identifier), dryRun);
        if (report.changesNothing()) {
          continue;
        }
        out.printf(Locale.ROOT, "  %-40s %3d branches, %4d snapshots, %5d files, %3d orphans%n", identifier,
            report.removedBranches().size(), report.expiredSnapshots().size(), report.deletedFiles().size(),
            report.orphanFiles().size());
        branches += report.removedBranches().size();
        snapshots += report.expiredSnapshots().size();
        files += report.deletedFiles().size() + report.orphanFiles().size();
      }
    }
    out.printf(Locale.ROOT, "%s %d audit branches, %d snapshots and %d files.%n", dryRun ? "Would remove" : "Removed",
        branches, snapshots, files);
    return 0;
  }

  private static List<TableIdentifier> tables(Catalog catalog) {
    List<TableIdentifier> tables = new ArrayList<>();
    if (catalog instanceof SupportsNamespaces namespaces) {
      for (Namespace namespace : namespaces.listNamespaces()) {
        tables.addAll(catalog.listTables(namespace));
      }
    }
    tables.sort(java.util.Comparator.comparing(TableIdentifier::toString));
    return tables;
  }
}
