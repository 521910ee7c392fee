package io.meshwork.engine.query;

import io.meshwork.engine.compute.CheckSession;
import io.meshwork.engine.compute.ComputeEngine;
import io.meshwork.engine.compute.DuckDbSession;
import io.meshwork.engine.compute.TableFiles;
import io.meshwork.engine.pipeline.SnapshotProperties;
import io.meshwork.engine.quality.QualityResultsTable;
import io.meshwork.engine.storage.ProductTables;
import io.meshwork.engine.storage.TenantStorage;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotRef;
import org.apache.iceberg.Table;

/** What happened to one product of a tenant: its publications, its unpublished audit branches, its latest checks. */
public final class ProductHistory {

  private ProductHistory() {
  }

  /** An audit branch whose snapshot never reached {@code main}: blocked by quality, in conflict, or interrupted. */
  public record Unpublished(String branch, Snapshot snapshot) {
  }

  /** One check of a validation, as the quality results table keeps it. */
  public record Check(String runId, String name, String columns, boolean blocking, boolean passed, String message) {
  }

  /** The snapshots Publish put on {@code main}, newest first. */
  public static List<Snapshot> published(Table table) {
    return SnapshotProperties.ancestry(table, table.currentSnapshot()).stream()
        .filter(snapshot -> SnapshotProperties.PUBLISHED.equals(snapshot.summary().get(SnapshotProperties.STAGE)))
        .toList();
  }

  /** Branches other than {@code main} whose head is not in {@code main}'s history, newest first. */
  public static List<Unpublished> unpublished(Table table) {
    Set<Long> onMain = SnapshotProperties.ancestry(table, table.currentSnapshot()).stream()
        .map(Snapshot::snapshotId).collect(Collectors.toSet());
    return table.refs().entrySet().stream()
        .filter(entry -> !entry.getKey().equals(SnapshotRef.MAIN_BRANCH))
        .filter(entry -> !onMain.contains(entry.getValue().snapshotId()))
        .map((Map.Entry<String, SnapshotRef> entry) -> new Unpublished(entry.getKey(),
            table.snapshot(entry.getValue().snapshotId())))
        .sorted(Comparator.comparing((Unpublished unpublished) -> unpublished.snapshot().timestampMillis())
            .reversed())
        .toList();
  }

  /** The checks of {@code product}'s latest validation, in the order they ran; empty if it was never validated. */
  public static List<Check> latestChecks(TenantStorage storage, ComputeEngine compute, String product)
      throws SQLException {
    // Only the results table is opened: planning every table of the tenant is not needed here.
    Table results = ProductTables.load(storage.catalog(), QualityResultsTable.NAME).orElse(null);
    if (results == null || results.currentSnapshot() == null) {
      return List.of();
    }
    TableFiles files = TableFiles.of("quality_results", results, results.currentSnapshot().snapshotId(), storage);
    try (CheckSession session = compute.openChecks(storage, List.of(files))) {
      String latest = "(SELECT run_id FROM quality_results WHERE product = " + DuckDbSession.literal(product)
          + " ORDER BY checked_at DESC LIMIT 1)";
      return session.rows("SELECT run_id, check_name, check_columns, blocking, passed, message FROM "
          + "quality_results WHERE product = " + DuckDbSession.literal(product) + " AND run_id = " + latest
          + " ORDER BY check_position").stream()
          .map(row -> new Check(String.valueOf(row.get(0)), String.valueOf(row.get(1)), String.valueOf(row.get(2)),
              Boolean.TRUE.equals(row.get(3)), Boolean.TRUE.equals(row.get(4)), String.valueOf(row.get(5))))
          .toList();
    }
  }
}
