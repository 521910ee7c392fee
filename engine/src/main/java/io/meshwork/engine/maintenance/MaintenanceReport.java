package io.meshwork.engine.maintenance;

import java.util.List;
import java.util.Objects;

/**
 * What maintenance did to one table (or, for a dry run, would do): audit branches removed, snapshots expired, and
 * files deleted because no kept snapshot references them (unreferenced files of expired snapshots, and orphans: files
 * in the table's location that no snapshot or metadata version references, e.g. left by an interrupted write).
 */
public record MaintenanceReport(String table, boolean dryRun, List<String> removedBranches,
    List<Long> expiredSnapshots, List<String> deletedFiles, List<String> orphanFiles, List<Long> keptSnapshots) {

  public MaintenanceReport {
    Objects.requireNonNull(table, "table");
    removedBranches = List.copyOf(removedBranches);
    expiredSnapshots = List.copyOf(expiredSnapshots);
    deletedFiles = List.copyOf(deletedFiles);
    orphanFiles = List.copyOf(orphanFiles);
    keptSnapshots = List.copyOf(keptSnapshots);
  }

  public boolean changesNothing() {
    return removedBranches.isEmpty() && expiredSnapshots.isEmpty() && deletedFiles.isEmpty() && orphanFiles.isEmpty();
  }
}
