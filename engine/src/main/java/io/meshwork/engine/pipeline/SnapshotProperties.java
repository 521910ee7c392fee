package io.meshwork.engine.pipeline;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;

/** The snapshot-summary properties through which Meshwork records what produced each snapshot. */
public final class SnapshotProperties {

  public static final String RUN_ID = "meshwork.run-id";
  public static final String PRODUCT = "meshwork.product";
  public static final String VERSION = "meshwork.version";
  public static final String FINGERPRINT = "meshwork.fingerprint";
  public static final String INPUTS = "meshwork.input-snapshots";
  public static final String ROWS = "meshwork.rows";
  public static final String QUALITY = "meshwork.quality";
  public static final String STAGE = "meshwork.stage";

  private SnapshotProperties() {
  }

  /** Input snapshot ids as {@code name=id,...}, sorted, so equal inputs give equal text. */
  public static String inputs(Map<String, Long> snapshots) {
    return new TreeMap<>(snapshots).entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue())
        .collect(Collectors.joining(","));
  }

  /**
   * Whether {@code snapshot} was computed from definition {@code fingerprint} over inputs {@code pins}: then
   * computing again would give the same data.
   */
  public static boolean describes(Snapshot snapshot, String fingerprint, Map<String, Long> pins) {
    return snapshot != null && fingerprint.equals(snapshot.summary().get(FINGERPRINT))
        && inputs(pins).equals(snapshot.summary().get(INPUTS));
  }

  /** The newest snapshot on {@code main} produced by run {@code runId}, if it was published. */
  public static Optional<Snapshot> publishedBy(Table table, String runId) {
    Snapshot snapshot = table.currentSnapshot();
    while (snapshot != null) {
      if (runId.equals(snapshot.summary().get(RUN_ID))) {
        return Optional.of(snapshot);
      }
      snapshot = snapshot.parentId() == null ? null : table.snapshot(snapshot.parentId());
    }
    return Optional.empty();
  }
}
