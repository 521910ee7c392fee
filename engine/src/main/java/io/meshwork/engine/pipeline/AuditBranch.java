package io.meshwork.engine.pipeline;

import java.util.Map;
import java.util.Optional;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotRef;
import org.apache.iceberg.Table;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.exceptions.ValidationException;

/**
 * The last two moves of write-audit-publish, shared by products and source deliveries: stamp the audit branch with
 * the record of its checks, then fast-forward {@code main} to it (or create {@code main} on a table's first publish).
 */
public final class AuditBranch {

  private AuditBranch() {
  }

  /**
   * Adds a snapshot without data changes to {@code branch} that carries the whole record of the run (what was
   * written, plus the quality summary), so {@code main}'s snapshot describes itself; returns its id. A retried
   * publish finds its earlier stamp and reuses it.
   */
  public static long stamp(Table table, String branch, long writtenSnapshotId, String qualitySummary) {
    Snapshot written = table.snapshot(writtenSnapshotId);
    SnapshotRef ref = table.refs().get(branch);
    if (ref != null && ref.snapshotId() != written.snapshotId()) {
      Snapshot head = table.snapshot(ref.snapshotId());
      if (SnapshotProperties.PUBLISHED.equals(head.summary().get(SnapshotProperties.STAGE))) {
        return head.snapshotId(); // stamped by an earlier attempt of this publish
      }
    }
    AppendFiles append = table.newAppend().toBranch(branch);
    for (Map.Entry<String, String> entry : written.summary().entrySet()) {
      if (entry.getKey().startsWith("meshwork.")) {
        append.set(entry.getKey(), entry.getValue());
      }
    }
    append.set(SnapshotProperties.QUALITY, qualitySummary)
        .set(SnapshotProperties.STAGE, SnapshotProperties.PUBLISHED).commit();
    table.refresh();
    return table.refs().get(branch).snapshotId();
  }

  /**
   * Moves {@code main} to {@code branch}'s head; empty when another run moved {@code main} first (then names that
   * run's winner as the table now shows it).
   */
  public static Optional<String> fastForwardMain(Table table, String branch, long stamped) {
    try {
      SnapshotRef main = table.refs().get(SnapshotRef.MAIN_BRANCH);
      if (main == null) {
        table.manageSnapshots().createBranch(SnapshotRef.MAIN_BRANCH, stamped).commit();
      } else {
        table.manageSnapshots().fastForwardBranch(SnapshotRef.MAIN_BRANCH, branch).commit();
      }
      return Optional.empty();
    } catch (ValidationException | CommitFailedException | IllegalArgumentException e) {
      table.refresh();
      Snapshot current = table.currentSnapshot();
      return Optional.of(current == null ? "another run" : "run " + current.summary().get(SnapshotProperties.RUN_ID));
    }
  }
}
