package io.meshwork.engine.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.iceberg.HistoryEntry;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;

/**
 * Which retained snapshot of {@code main} a time-travel query reads. Only snapshots that {@code main} itself pointed
 * to count (its history log), never those of audit branches: consumers read only what was published. A snapshot
 * expired by maintenance is no longer there to read.
 */
public final class TimeTravel {

  private static final Pattern MAJOR = Pattern.compile("(.+)_v(\\d+)");

  private TimeTravel() {
  }

  /** A table read at a snapshot of main: since when main pointed to it. */
  public record Pin(String table, long snapshotId, Instant mainSince) {
  }

  /** The snapshot {@code main} of {@code table} (named {@code name}) pointed to at {@code at}. */
  public static Pin asOf(String name, Table table, Instant at) {
    List<HistoryEntry> retained = retained(table, name);
    HistoryEntry chosen = null;
    for (HistoryEntry entry : retained) {
      if (entry.timestampMillis() <= at.toEpochMilli()) {
        chosen = entry;
      }
    }
    if (chosen == null) {
      throw new TimeTravelException("Table " + name + " has no snapshot of main at " + at + ": its oldest retained "
          + "snapshot is " + oldest(retained) + ".");
    }
    return pin(name, chosen);
  }

  /** Snapshot {@code snapshotId} of {@code table}, when main pointed to it and it is still retained. */
  public static Pin snapshot(String name, Table table, long snapshotId) {
    List<HistoryEntry> retained = retained(table, name);
    return retained.stream().filter(entry -> entry.snapshotId() == snapshotId)
        .max(Comparator.comparingLong(HistoryEntry::timestampMillis)).map(entry -> pin(name, entry))
        .orElseThrow(() -> new TimeTravelException("Table " + name + " has no retained snapshot " + snapshotId
            + " of main: its oldest retained snapshot is " + oldest(retained) + "."));
  }

  /**
   * The table a query names: {@code domain.name_vN} as written, or a bare product name as its newest major, as the
   * query session resolves them; empty for a name that is no table (e.g. a common table expression).
   */
  public static Optional<TableIdentifier> resolve(Catalog catalog, String named) {
    if (named.contains(".")) {
      TableIdentifier identifier = TableIdentifier.parse(named);
      return catalog.tableExists(identifier) ? Optional.of(identifier) : Optional.empty();
    }
    TableIdentifier newest = null;
    int newestMajor = -1;
    if (catalog instanceof SupportsNamespaces namespaces) {
      for (Namespace namespace : namespaces.listNamespaces()) {
        for (TableIdentifier identifier : catalog.listTables(namespace)) {
          Matcher matcher = MAJOR.matcher(identifier.name());
          if (matcher.matches() && matcher.group(1).equals(named)
              && Integer.parseInt(matcher.group(2)) > newestMajor) {
            newestMajor = Integer.parseInt(matcher.group(2));
            newest = identifier;
          }
        }
      }
    }
    return Optional.ofNullable(newest);
  }

  private static List<HistoryEntry> retained(Table table, String name) {
    table.refresh();
    List<HistoryEntry> retained = new ArrayList<>();
    for (HistoryEntry entry : table.history()) {
      if (table.snapshot(entry.snapshotId()) != null) {
        retained.add(entry);
      }
    }
    if (retained.isEmpty()) {
      throw new TimeTravelException("Table " + name + " has no published snapshot to read.");
    }
    return retained;
  }

  private static String oldest(List<HistoryEntry> retained) {
    HistoryEntry oldest = retained.get(0);
    return oldest.snapshotId() + " (main since " + Instant.ofEpochMilli(oldest.timestampMillis()) + ")";
  }

  private static Pin pin(String name, HistoryEntry entry) {
    return new Pin(name, entry.snapshotId(), Instant.ofEpochMilli(entry.timestampMillis()));
  }
}
