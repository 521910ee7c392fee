package io.meshwork.engine.maintenance;

import io.meshwork.engine.pipeline.SnapshotProperties;
import io.meshwork.model.definition.RetentionPolicy;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.iceberg.ExpireSnapshots;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.ManageSnapshots;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotRef;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.io.FileInfo;
import org.apache.iceberg.io.SupportsPrefixOperations;

/**
 * Applies a {@link RetentionPolicy} to one table: removes the audit branches of published runs (main holds their
 * snapshots) and of blocked runs past their days, expires the snapshots the policy no longer keeps, deletes the
 * files only those snapshots referenced, and removes orphan files. A file that {@code main}, another branch or a
 * kept snapshot references is never deleted; orphans younger than {@link #ORPHAN_GRACE} are left alone, since a
 * running write may not have committed them yet.
 */
public final class TableMaintenance {

  static final Duration ORPHAN_GRACE = Duration.ofDays(3);

  private final RetentionPolicy policy;
  private final Instant now;

  public TableMaintenance(RetentionPolicy policy, Instant now) {
    this.policy = policy;
    this.now = now;
  }

  public MaintenanceReport maintain(Table table, boolean dryRun) {
    return maintain(table, table.name(), dryRun);
  }

  /** As {@link #maintain(Table, boolean)}, reporting the table as {@code name} (its identifier in the catalog). */
  MaintenanceReport maintain(Table table, String name, boolean dryRun) {
    table.refresh();
    Snapshot main = table.currentSnapshot();
    Set<Long> published = new HashSet<>();
    if (main != null) {
      SnapshotProperties.ancestry(table, main).forEach(snapshot -> published.add(snapshot.snapshotId()));
    }
    Set<Long> keep = new LinkedHashSet<>(kept(table, main));
    List<String> removedBranches = new ArrayList<>();
    long blockedBefore = now.minus(Duration.ofDays(policy.blockedRunDays())).toEpochMilli();
    for (Map.Entry<String, SnapshotRef> ref : table.refs().entrySet()) {
      if (ref.getKey().equals(SnapshotRef.MAIN_BRANCH)) {
        continue;
      }
      Snapshot head = table.snapshot(ref.getValue().snapshotId());
      boolean auditBranch = ref.getValue().isBranch() && ref.getKey().startsWith("audit-");
      if (auditBranch && (published.contains(head.snapshotId()) || head.timestampMillis() < blockedBefore)) {
        removedBranches.add(ref.getKey());
      } else {
        keep.add(head.snapshotId());
      }
    }
    List<Snapshot> expiring = new ArrayList<>();
    List<Snapshot> kept = new ArrayList<>();
    for (Snapshot snapshot : table.snapshots()) {
      (keep.contains(snapshot.snapshotId()) ? kept : expiring).add(snapshot);
    }
    Set<String> referencedByKept = ReferencedFiles.of(table, kept);
    Set<String> predicted = new java.util.TreeSet<>(ReferencedFiles.of(table, expiring));
    predicted.removeAll(referencedByKept);
    List<String> orphans = orphans(table, referencedByKept, predicted);
    if (!dryRun) {
      apply(table, removedBranches, expiring, orphans);
    }
    return new MaintenanceReport(name, dryRun, removedBranches.stream().sorted().toList(),
        expiring.stream().map(Snapshot::snapshotId).sorted().toList(), List.copyOf(predicted), orphans,
        kept.stream().map(Snapshot::snapshotId).sorted().toList());
  }

  /**
   * The snapshots of main the policy keeps: its head, each published snapshot younger than the policy's days, and
   * the last published ones whatever their age, each with the snapshot its run wrote before stamping it. A table without publish stamps (e.g. quality results) counts every
   * snapshot of main as published.
   */
  private Set<Long> kept(Table table, Snapshot main) {
    Set<Long> keep = new LinkedHashSet<>();
    if (main == null) {
      return keep;
    }
    List<Snapshot> history = SnapshotProperties.ancestry(table, main);
    boolean stamped = history.stream().anyMatch(snapshot -> SnapshotProperties.PUBLISHED.equals(
        snapshot.summary().get(SnapshotProperties.STAGE)));
    List<Snapshot> published = history.stream().filter(snapshot -> !stamped || SnapshotProperties.PUBLISHED.equals(
        snapshot.summary().get(SnapshotProperties.STAGE))).toList();
    long youngerThan = now.minus(Duration.ofDays(policy.publishedDays())).toEpochMilli();
    keep.add(main.snapshotId());
    for (int i = 0; i < published.size(); i++) {
      Snapshot snapshot = published.get(i);
      if (i < policy.keepLastPublished() || snapshot.timestampMillis() >= youngerThan) {
        keep.add(snapshot.snapshotId());
        // The snapshot the run wrote before its stamp: the quality results of the run name it.
        Snapshot written = snapshot.parentId() == null ? null : table.snapshot(snapshot.parentId());
        String run = snapshot.summary().get(SnapshotProperties.RUN_ID);
        if (stamped && written != null && run != null && run.equals(written.summary().get(SnapshotProperties.RUN_ID))) {
          keep.add(written.snapshotId());
        }
      }
    }
    return keep;
  }

  private static void apply(Table table, List<String> removedBranches, List<Snapshot> expiring, List<String> orphans) {
    if (!removedBranches.isEmpty()) {
      ManageSnapshots manage = table.manageSnapshots();
      removedBranches.forEach(manage::removeBranch);
      manage.commit();
    }
    if (!expiring.isEmpty()) {
      // Only the snapshots named here expire: the age-based defaults of Iceberg's expiry are switched off.
      ExpireSnapshots expire = table.expireSnapshots().expireOlderThan(0L).retainLast(1).cleanExpiredFiles(true);
      expiring.forEach(snapshot -> expire.expireSnapshotId(snapshot.snapshotId()));
      expire.commit();
    }
    orphans.forEach(table.io()::deleteFile);
    table.refresh();
  }

  /**
   * Files under the table's location that no snapshot, metadata version or statistics file references, and that are
   * older than {@link #ORPHAN_GRACE}, listed through the table's own FileIO (a local directory, or the S3 prefix
   * through S3FileIO): one rule for both. The prefix ends with a slash, so a table whose name extends this one's
   * ({@code claims_v1} and {@code claims_v10}) is never listed with it. A FileIO that cannot list finds none.
   */
  private List<String> orphans(Table table, Set<String> referencedByKept, Set<String> expiringFiles) {
    if (!(table.io() instanceof SupportsPrefixOperations listing)) {
      return List.of();
    }
    Set<String> referenced = new HashSet<>();
    referencedByKept.forEach(location -> referenced.add(comparable(location)));
    expiringFiles.forEach(location -> referenced.add(comparable(location)));
    TableMetadata metadata = ((HasTableOperations) table).operations().current();
    referenced.add(comparable(metadata.metadataFileLocation()));
    metadata.previousFiles().forEach(entry -> referenced.add(comparable(entry.file())));
    metadata.statisticsFiles().forEach(file -> referenced.add(comparable(file.path())));
    metadata.partitionStatisticsFiles().forEach(file -> referenced.add(comparable(file.path())));
    String prefix = table.location().endsWith("/") ? table.location() : table.location() + "/";
    long graceBefore = now.minus(ORPHAN_GRACE).toEpochMilli();
    List<String> orphans = new ArrayList<>();
    for (FileInfo file : listing.listPrefix(prefix)) {
      if (file.createdAtMillis() < graceBefore && !referenced.contains(comparable(file.location()))) {
        orphans.add(file.location());
      }
    }
    orphans.sort(null);
    return orphans;
  }

  /** A location in one spelling: local files as normalised absolute paths, S3 under the {@code s3} scheme. */
  private static String comparable(String location) {
    Path path = localPath(location);
    if (path != null) {
      return path.toString();
    }
    return location.replaceFirst("^s3[an]://", "s3://");
  }

  private static Path localPath(String location) {
    if (location.startsWith("file:")) {
      return Path.of(URI.create(location)).toAbsolutePath().normalize();
    }
    return location.startsWith("/") ? Path.of(location).toAbsolutePath().normalize() : null;
  }
}
