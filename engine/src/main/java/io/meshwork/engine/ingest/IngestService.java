package io.meshwork.engine.ingest;

import io.meshwork.engine.compute.CheckSession;
import io.meshwork.engine.compute.DuckDbCompute;
import io.meshwork.engine.compute.DuckDbSession;
import io.meshwork.engine.compute.Messages;
import io.meshwork.engine.compute.MissingRequiredValuesException;
import io.meshwork.engine.compute.TableFiles;
import io.meshwork.engine.pipeline.AuditBranch;
import io.meshwork.engine.pipeline.Engine;
import io.meshwork.engine.pipeline.SnapshotIds;
import io.meshwork.engine.pipeline.SnapshotProperties;
import io.meshwork.engine.pipeline.ValidateResult;
import io.meshwork.engine.quality.CheckResult;
import io.meshwork.engine.quality.NullCounts;
import io.meshwork.engine.quality.QualityChecks;
import io.meshwork.engine.quality.QualityResultsTable;
import io.meshwork.engine.storage.ProductTables;
import io.meshwork.engine.storage.TenantStorage;
import io.meshwork.engine.usage.SnapshotSizes;
import io.meshwork.engine.usage.StepClock;
import io.meshwork.engine.usage.UsageMeter;
import io.meshwork.engine.usage.UsageSink;
import io.meshwork.engine.usage.UsageSinks;
import io.meshwork.engine.usage.UsageStep;
import io.meshwork.model.definition.Delivery;
import io.meshwork.model.definition.Source;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.OverwriteFiles;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotRef;
import org.apache.iceberg.SnapshotUpdate;
import org.apache.iceberg.Table;
import org.apache.iceberg.expressions.Expressions;

/**
 * Ingests a tenant's delivery of a source with write-audit-publish: the files are read under the compute sandbox
 * and cast to the contract's types into the audit branch {@code audit-<run>} of the source table; the contract's
 * checks, the source's quality rules and the count of unreadable lines decide; {@code main} moves only when nothing
 * of severity error failed. Consumers, and the products that read the source, never see a delivery that broke its
 * contract. The same files delivered again publish nothing new.
 */
public final class IngestService {

  private final Engine engine;
  private final UsageSink usage;
  private final UsageMeter meter;

  /** An ingest that appends its usage to the tenant's usage table at once. */
  public IngestService(Engine engine) {
    this(engine, UsageSinks.table(engine::storage, engine.compute()));
  }

  /** An ingest that hands the usage of each delivery it read to {@code usage}. */
  public IngestService(Engine engine, UsageSink usage) {
    this.engine = engine;
    this.usage = usage;
    this.meter = UsageMeter.of(engine.compute().name());
  }

  /**
   * Ingests one delivery.
   *
   * @throws DeliveryException if the delivery cannot be read at all; nothing was written
   */
  public IngestReport ingest(IngestRequest request) {
    StepClock clock = StepClock.start();
    Source source = source(request.tenant(), request.source());
    List<DeliveredFile> files = DeliveryFiles.of(source, request.files());
    // The content hash runs beside DuckDB's read; a delivery seen before is recognised before anything is committed.
    CompletableFuture<String> hashing = CompletableFuture.supplyAsync(() -> DeliveryFiles.fingerprint(files));
    TenantStorage storage = engine.storage(request.tenant());
    Table table = ProductTables.ensure(storage.catalog(), source.tableName(), source.contract());
    DeliverySchema schema = new DeliverySchema(source);
    List<String> selects = new ArrayList<>();
    for (DeliveredFile file : files) {
      FileColumns columns = FileInspection.columns(file, source, storage, limits());
      schema.select(columns).ifPresent(selects::add);
    }
    if (!schema.refusals().isEmpty()) {
      return report(request, source, IngestReport.Status.REJECTED, table, 0, 0, List.of(), List.of(), schema.notes(),
          "Not published: " + String.join(" ", schema.refusals()) + " main is unchanged.", fingerprint(hashing));
    }
    Optional<TableFiles> kept = keyedAppend(source, table, storage);
    DeliveryLoader.Loaded loaded;
    try {
      loaded = new DeliveryLoader(storage, limits(), source).load(files, selects, kept, table);
    } catch (MissingRequiredValuesException e) {
      List<CheckResult> checks = QualityChecks.requiredFailed(e);
      QualityResultsTable.append(storage, engine.compute(), new QualityResultsTable.Record(Instant.now(),
          request.runId(), source.name(), source.version().toString(), source.tableName().toString(), null, checks));
      return report(request, source, IngestReport.Status.REJECTED, table, e.totalRows(), 0, List.of(), checks,
          schema.notes(), "Not published: " + ValidateResult.summary(checks) + ". main is unchanged; nothing was "
              + "committed, as rows leave required columns empty.", fingerprint(hashing));
    } catch (SQLException e) {
      throw new DeliveryException("Cannot read the delivery of source " + source.name() + ": " + Messages.firstLine(e),
          e);
    }
    String fingerprint = fingerprint(hashing);
    Optional<Snapshot> earlier = deliveredBefore(table, source, fingerprint);
    if (earlier.isPresent()) {
      loaded.files().forEach(file -> table.io().deleteFile(file.location()));
      return report(request, source, IngestReport.Status.ALREADY_INGESTED, table, 0, 0, List.of(), List.of(),
          List.of(), "The same files were already delivered and published as snapshot " + earlier.get().snapshotId()
              + "; nothing changed.", fingerprint);
    }
    long rowsRead = loaded.rowsDelivered() + loaded.rowsRejected();
    try {
      if (rowsRead == 0) {
        return report(request, source, IngestReport.Status.REJECTED, table, 0, 0, List.of(), List.of(),
            schema.notes(), "Not published: the delivery of source " + source.name() + " has no rows (" + files.stream()
                .map(DeliveredFile::name).collect(Collectors.joining(", ")) + "). main is unchanged.", fingerprint);
      }
      return publish(request, source, table, storage, schema, loaded, fingerprint, kept.isPresent());
    } finally {
      usage.record(meter.step(request.tenant(), source.name(), source.version().toString(), request.runId(),
          UsageStep.INGEST, clock, rowsRead, loaded.rowsDelivered(), DeliveryFiles.bytes(files),
          SnapshotSizes.bytes(loaded.files()), loaded.files().size()));
    }
  }

  /** Commits what was loaded to the audit branch, checks it and publishes it unless a check failed. */
  private IngestReport publish(IngestRequest request, Source source, Table table, TenantStorage storage,
      DeliverySchema schema, DeliveryLoader.Loaded loaded, String fingerprint, boolean replacesAll) {
    long rowsRead = loaded.rowsDelivered() + loaded.rowsRejected();
    long written = commit(request, source, table, loaded, fingerprint, replacesAll);
    List<CheckResult> checks = check(request, source, table, storage, written, loaded);
    String summary = ValidateResult.summary(checks);
    boolean passed = checks.stream().noneMatch(check -> check.blocking() && !check.passed());
    if (!passed) {
      return report(request, source, IngestReport.Status.REJECTED, table, rowsRead, loaded.rowsRejected(),
          loaded.sample(), checks, schema.notes(), "Not published: " + summary + ". main is unchanged; the delivery "
              + "stays on branch " + request.auditBranch() + " for inspection.", fingerprint);
    }
    long stamped = AuditBranch.stamp(table, request.auditBranch(), written, summary);
    Optional<String> winner = AuditBranch.fastForwardMain(table, request.auditBranch(), stamped);
    if (winner.isPresent()) {
      return report(request, source, IngestReport.Status.REJECTED, table, rowsRead, 0, List.of(), checks,
          schema.notes(), "Not published: " + winner.get() + " published " + source.tableName() + " first; deliver "
              + "again. The delivery stays on branch " + request.auditBranch() + ".", fingerprint);
    }
    table.refresh();
    return report(request, source, IngestReport.Status.PUBLISHED, table, rowsRead, 0, List.of(), checks,
        schema.notes(), "Published " + loaded.rowsDelivered() + " delivered rows of source " + source.name() + " ("
            + summary + ").", fingerprint);
  }

  private static String fingerprint(CompletableFuture<String> hashing) {
    try {
      return hashing.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  private Source source(String tenant, String name) {
    List<Source> sources = engine.plan(tenant).sources();
    return sources.stream().filter(source -> source.name().equals(name)).findFirst()
        .orElseThrow(() -> new DeliveryException("Tenant " + tenant + " delivers no source named '" + name + "'. Its "
            + "sources are " + sources.stream().map(Source::name).sorted().collect(Collectors.joining(", ")) + "."));
  }

  private DuckDbSession.Limits limits() {
    return engine.compute() instanceof DuckDbCompute duckDb ? duckDb.limits() : DuckDbSession.Limits.forMachine(1);
  }

  /** The published snapshot that carries this delivery already: main's head, or for appends any of its history. */
  private static Optional<Snapshot> deliveredBefore(Table table, Source source, String fingerprint) {
    Snapshot head = table.currentSnapshot();
    if (head == null) {
      return Optional.empty();
    }
    List<Snapshot> candidates = source.delivery().mode() == Delivery.Mode.REPLACE ? List.of(head)
        : SnapshotProperties.ancestry(table, head);
    return candidates.stream().filter(snapshot -> fingerprint.equals(snapshot.summary().get(SnapshotProperties.DELIVERY)))
        .findFirst();
  }

  /** For an append with a delivery key, the published rows, of which those of other slices are kept. */
  private static Optional<TableFiles> keyedAppend(Source source, Table table, TenantStorage storage) {
    if (source.delivery().mode() != Delivery.Mode.APPEND || source.delivery().key().isEmpty()) {
      return Optional.empty();
    }
    Snapshot head = table.currentSnapshot();
    return Optional.of(TableFiles.of(DeliveryLoader.KEPT, table, head == null ? null : head.snapshotId(), storage));
  }

  /** Commits the written files to the audit branch, started from {@code main}; returns the new snapshot's id. */
  private static long commit(IngestRequest request, Source source, Table table, DeliveryLoader.Loaded loaded,
      String fingerprint, boolean replacesAll) {
    Snapshot head = table.currentSnapshot();
    String branch = request.auditBranch();
    if (table.refs().containsKey(branch)) {
      throw new DeliveryException("Run " + request.runId() + " already wrote a delivery of source " + source.name()
          + " (branch " + branch + "). Ingest again with a new run id.");
    }
    if (head != null) {
      table.manageSnapshots().createBranch(branch, head.snapshotId()).commit();
    }
    boolean replace = source.delivery().mode() == Delivery.Mode.REPLACE || replacesAll;
    long rows = replace ? loaded.files().stream().mapToLong(DataFile::recordCount).sum()
        : loaded.rowsDelivered() + Optional.ofNullable(head).map(snapshot -> snapshot.summary()
            .get(SnapshotProperties.ROWS)).map(Long::parseLong).orElse(0L);
    if (replace) {
      OverwriteFiles overwrite = table.newOverwrite().overwriteByRowFilter(Expressions.alwaysTrue()).toBranch(branch);
      loaded.files().forEach(overwrite::addFile);
      record(overwrite, request, source, rows, fingerprint).commit();
    } else {
      AppendFiles append = table.newAppend().toBranch(branch);
      loaded.files().forEach(append::appendFile);
      record(append, request, source, rows, fingerprint).commit();
    }
    table.refresh();
    return table.refs().get(branch).snapshotId();
  }

  private static <T extends SnapshotUpdate<T>> T record(T update, IngestRequest request, Source source, long rows,
      String fingerprint) {
    return update.set(SnapshotProperties.RUN_ID, request.runId())
        .set(SnapshotProperties.PRODUCT, source.name())
        .set(SnapshotProperties.VERSION, source.version().toString())
        .set(SnapshotProperties.ROWS, Long.toString(rows))
        .set(SnapshotProperties.DELIVERY, fingerprint)
        .set(SnapshotProperties.STAGE, SnapshotProperties.DELIVERED);
  }

  /** The contract's checks and the source's rules on the audit snapshot, and one for the lines not read. */
  private List<CheckResult> check(IngestRequest request, Source source, Table table, TenantStorage storage,
      long snapshotId, DeliveryLoader.Loaded loaded) {
    Snapshot main = Optional.ofNullable(table.refs().get(SnapshotRef.MAIN_BRANCH))
        .map(ref -> table.snapshot(ref.snapshotId())).orElse(null);
    Optional<Long> previousRows = Optional.ofNullable(main)
        .map(snapshot -> snapshot.summary().get(SnapshotProperties.ROWS)).map(Long::parseLong);
    List<CheckResult> checks = new ArrayList<>();
    long read = loaded.rowsDelivered() + loaded.rowsRejected();
    checks.add(new CheckResult("readable_rows", List.of(), true, loaded.rowsRejected(), read,
        loaded.rowsRejected() == 0, loaded.sample().stream().map(RejectedRow::toString).toList(),
        loaded.rowsRejected() + " of " + read + " delivered rows could not be read as the contract says"));
    try (CheckSession session = engine.compute().openChecks(storage,
        List.of(TableFiles.of(source.name(), table, snapshotId, storage)))) {
      checks.addAll(new QualityChecks(session, source.name(), source.contract(), source.quality())
          .withKnownNullCounts(NullCounts.of(table, snapshotId, source.contract().requiredColumnNames()))
          .run(previousRows));
    } catch (SQLException e) {
      throw new DeliveryException("A check of source " + source.name() + " could not run: " + Messages.firstLine(e),
          e);
    }
    QualityResultsTable.append(storage, engine.compute(), new QualityResultsTable.Record(Instant.now(),
        request.runId(), source.name(), source.version().toString(), source.tableName().toString(), snapshotId,
        checks));
    return checks;
  }

  private static IngestReport report(IngestRequest request, Source source, IngestReport.Status status, Table table,
      long rowsRead, long rowsRejected, List<RejectedRow> sample, List<CheckResult> checks, List<String> notes,
      String message, String fingerprint) {
    table.refresh();
    Snapshot main = table.currentSnapshot();
    return new IngestReport(status, request.tenant(), source.name(), source.tableName().toString(),
        main == null ? null : SnapshotIds.format(main.snapshotId()), rowsRead, rowsRejected, sample, checks, notes,
        message, fingerprint);
  }
}
