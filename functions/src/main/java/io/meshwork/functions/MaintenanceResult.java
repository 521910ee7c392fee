package io.meshwork.functions;

import io.meshwork.engine.maintenance.MaintenanceReport;
import io.meshwork.engine.maintenance.TenantMaintenanceReport;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * What a maintenance run did, as the function returns it: totals, and per table the audit branches removed, the
 * snapshots expired and kept (as decimal strings, like every snapshot id Meshwork hands over as JSON), and the files
 * deleted. Tables where nothing changed are listed too, with the snapshots they keep.
 */
@Serdeable
public record MaintenanceResult(String tenant, boolean dryRun, Instant ranAt, int removedBranches,
    int expiredSnapshots, int deletedFiles, int orphanFiles, List<Table> tables) {

  /** One table's part of the run. */
  @Serdeable
  public record Table(String table, List<String> removedBranches, List<String> expiredSnapshots,
      List<String> keptSnapshots, List<String> deletedFiles, List<String> orphanFiles) {
  }

  static MaintenanceResult of(TenantMaintenanceReport report) {
    return new MaintenanceResult(report.tenant(), report.dryRun(), report.ranAt(), report.removedBranches(),
        report.expiredSnapshots(), report.deletedFiles(), report.orphanFiles(),
        report.tables().stream().map(MaintenanceResult::table).toList());
  }

  private static Table table(MaintenanceReport report) {
    return new Table(report.table(), report.removedBranches(), ids(report.expiredSnapshots()),
        ids(report.keptSnapshots()), report.deletedFiles(), report.orphanFiles());
  }

  private static List<String> ids(List<Long> snapshots) {
    return snapshots.stream().map(String::valueOf).toList();
  }
}
