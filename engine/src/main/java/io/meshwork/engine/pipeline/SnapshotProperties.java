package io.meshwork.engine.pipeline;

import java.util.ArrayList;
import java.util.List;
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
  /** A content hash of a source delivery's files, so that the same delivery is published once. */
  public static final String DELIVERY = "meshwork.delivery-fingerprint";

  /** {@link #STAGE} of a snapshot Compute committed to an audit branch. */
  public static final String COMPUTED = "computed";
  /** {@link #STAGE} of a source delivery. */
  public static final String DELIVERED = "delivered";
  /** {@link #STAGE} of the snapshot Publish adds to carry the run's record onto {@code main}. */
  public static final String PUBLISHED = "published";

  private SnapshotProperties() {
  }

  /** Input snapshot ids as {@code name=id,...}, sorted, so equal inputs give equal text. */
  public static String inputs(Map<String, Long> snapshots) {
    return new TreeMap<>(snapshots).entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue())
        .collect(Collectors.joining(","));
  }

  /** The pins {@link #inputs(Map)} wrote: name to snapshot id, sorted by name. */
  public static Map<String, Long> parseInputs(String text) {
    Map<String, Long> pins = new TreeMap<>();
    for (String pair : text == null || text.isEmpty() ? new String[0] : text.split(",")) {
      int equals = pair.indexOf('=');
      pins.put(pair.substring(0, equals), Long.parseLong(pair.substring(equals + 1)));
    }
    return pins;
  }

  /** {@code head} and its ancestors, newest first: the history of the branch {@code head} is on. */
  public static List<Snapshot> ancestry(Table table, Snapshot head) {
    List<Snapshot> snapshots = new ArrayList<>();
    for (Snapshot snapshot = head; snapshot != null;
        snapshot = snapshot.parentId() == null ? null : table.snapshot(snapshot.parentId())) {
      snapshots.add(snapshot);
    }
    return snapshots;
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
    return ancestry(table, table.currentSnapshot()).stream()
        .filter(snapshot -> runId.equals(snapshot.summary().get(RUN_ID))).findFirst();
  }
}
