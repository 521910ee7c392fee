package io.meshwork.engine.pipeline;

import io.meshwork.engine.compute.Messages;
import io.meshwork.engine.compute.ComputeEngine;
import io.meshwork.engine.compute.MissingRequiredValuesException;
import io.meshwork.engine.compute.ResultShapeException;
import io.meshwork.engine.compute.SessionBoundException;
import io.meshwork.engine.compute.UnsafeSqlException;
import io.meshwork.engine.compute.TableFiles;
import io.meshwork.engine.quality.CheckResult;
import io.meshwork.engine.quality.QualityChecks;
import io.meshwork.engine.storage.ProductTables;
import io.meshwork.engine.storage.TenantStorage;
import io.meshwork.engine.usage.SnapshotSizes;
import io.meshwork.engine.usage.StepClock;
import io.meshwork.engine.usage.UsageMeter;
import io.meshwork.engine.usage.UsageSink;
import io.meshwork.engine.usage.UsageSinks;
import io.meshwork.engine.usage.UsageStep;
import io.meshwork.model.plan.PlannedProduct;
import io.meshwork.model.sql.SqlTemplate;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.OverwriteFiles;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotRef;
import org.apache.iceberg.Table;
import org.apache.iceberg.expressions.Expressions;

/**
 * Compute: pins the current snapshot of every input, runs the product's SQL in DuckDB with its typed parameters,
 * writes Parquet with Iceberg field ids and commits it to the branch {@code audit-<runId>}. {@code main} is not
 * touched; consumers see nothing until Publish. A result with empty values in required columns is never committed
 * ({@code REJECTED}): every branch holds only what the table's schema allows.
 */
public final class ComputeService {

  private final Engine engine;
  private final UsageSink usage;
  private final UsageMeter meter;

  /** A Compute step that appends its usage to the tenant's usage table at once. */
  public ComputeService(Engine engine) {
    this(engine, UsageSinks.table(engine::storage, engine.compute()));
  }

  /** A Compute step that hands its usage (when it computed something) to {@code usage}. */
  public ComputeService(Engine engine, UsageSink usage) {
    this.engine = engine;
    this.usage = usage;
    this.meter = UsageMeter.of(engine.compute().name());
  }

  public ComputeResult compute(StepRequest request) {
    StepClock clock = StepClock.start();
    Pinned pinned = pin(engine, request);
    if (pinned.settled().isPresent()) {
      return pinned.settled().get();
    }
    PlannedProduct planned = pinned.planned();
    List<TableFiles> inputs = new ArrayList<>();
    for (PinnedInput input : pinned.inputs()) {
      inputs.add(TableFiles.of(input.name(), input.table(), input.snapshotId(), pinned.storage()));
    }
    ComputeEngine.Written written;
    UsageMeter meter = meter(planned);
    try {
      written = run(request, planned, pinned.storage(), pinned.output(), inputs);
    } catch (MissingRequiredValuesException e) {
      // The transform ran: it is recorded without output, like one that fails.
      usage.record(meter.step(request.tenant(), planned.name(), planned.version().toString(), request.runId(),
          UsageStep.COMPUTE, clock, pinned.rowsIn(), 0, pinned.bytesRead(), 0, 0));
      return rejected(request, planned, pinned.pins(), e);
    } catch (RuntimeException failed) {
      // A transform that fails has still used its function: it is recorded without output.
      usage.record(meter.step(request.tenant(), planned.name(), planned.version().toString(), request.runId(),
          UsageStep.COMPUTE, clock, pinned.rowsIn(), 0, pinned.bytesRead(), 0, 0));
      throw failed;
    }
    // An engine that reads tables itself knows what it scanned; DuckDB reads every file of the pinned snapshots.
    return commit(request, pinned.withBytesRead(written.bytesScanned().orElse(pinned.bytesRead())), written.files(),
        clock, usage, meter);
  }

  /**
   * The inputs {@code request} reads, each pinned to its current snapshot, or the result that settles the request
   * without computing: already published by this run, already computed by it (a retry), an input not current, or
   * definition and inputs unchanged since {@code main}.
   */
  static Pinned pin(Engine engine, StepRequest request) {
    PlannedProduct planned = engine.planned(request.tenant(), request.product());
    TenantStorage storage = engine.storage(request.tenant());
    Table output = ProductTables.ensure(storage.catalog(), planned.tableName(), planned.product().contract());
    String table = planned.tableName().toString();
    if (SnapshotProperties.publishedBy(output, request.runId()).isPresent()) {
      return Pinned.settled(planned, storage, output, result(request, ComputeResult.Status.ALREADY_PUBLISHED, planned,
          null, 0, Map.of(), "Run " + request.runId() + " already published " + table + "."));
    }
    Optional<ComputeResult> retried = alreadyComputed(request, planned, output);
    if (retried.isPresent()) {
      return Pinned.settled(planned, storage, output, retried.get());
    }
    UpstreamCheck upstream = new UpstreamCheck(engine.plan(request.tenant()), storage.catalog());
    Optional<UpstreamCheck.StaleInput> stale = upstream.staleInput(planned);
    if (stale.isPresent()) {
      return Pinned.settled(planned, storage, output, result(request, ComputeResult.Status.UPSTREAM_FAILED, planned,
          null, 0, Map.of(), "Skipped: " + stale.get().describe() + ". It runs again once " + stale.get().input()
              + " is published."));
    }
    Map<String, Long> pins = new TreeMap<>();
    List<PinnedInput> inputs = new ArrayList<>();
    long rowsIn = 0;
    long bytesRead = 0;
    for (PlannedProduct.ResolvedInput input : planned.inputs()) {
      Table inputTable = upstream.table(input.tableName()).orElseThrow(() -> missing(request, input));
      Snapshot snapshot = inputTable.currentSnapshot();
      if (snapshot == null) {
        throw missing(request, input);
      }
      pins.put(input.name(), snapshot.snapshotId());
      rowsIn += SnapshotSizes.rows(snapshot);
      bytesRead += SnapshotSizes.bytes(snapshot);
      inputs.add(new PinnedInput(input, inputTable, snapshot.snapshotId()));
    }
    Snapshot published = output.currentSnapshot();
    if (SnapshotProperties.describes(published, planned.fingerprint(), pins)) {
      return Pinned.settled(planned, storage, output, result(request, ComputeResult.Status.UP_TO_DATE, planned,
          published.snapshotId(), Long.parseLong(published.summary().getOrDefault(SnapshotProperties.ROWS, "0")),
          pins, "Definition and inputs unchanged since snapshot " + published.snapshotId() + "."));
    }
    return new Pinned(planned, storage, output, Optional.empty(), pins, inputs, rowsIn, bytesRead);
  }

  /**
   * Commits {@code files} (written for the output table, whatever engine wrote them) to the run's audit branch with
   * the snapshot record, and records the step's usage.
   */
  static ComputeResult commit(StepRequest request, Pinned pinned, List<DataFile> files, StepClock clock,
      UsageSink usage, UsageMeter meter) {
    PlannedProduct planned = pinned.planned();
    Table output = pinned.output();
    long rows = files.stream().mapToLong(DataFile::recordCount).sum();
    OverwriteFiles overwrite = output.newOverwrite().overwriteByRowFilter(Expressions.alwaysTrue())
        .toBranch(request.auditBranch())
        .set(SnapshotProperties.RUN_ID, request.runId())
        .set(SnapshotProperties.PRODUCT, planned.name())
        .set(SnapshotProperties.VERSION, planned.version().toString())
        .set(SnapshotProperties.FINGERPRINT, planned.fingerprint())
        .set(SnapshotProperties.INPUTS, SnapshotProperties.inputs(pinned.pins()))
        .set(SnapshotProperties.ROWS, Long.toString(rows))
        .set(SnapshotProperties.STAGE, SnapshotProperties.COMPUTED);
    files.forEach(overwrite::addFile);
    overwrite.commit();
    output.refresh();
    long snapshotId = output.refs().get(request.auditBranch()).snapshotId();
    usage.record(meter.step(request.tenant(), planned.name(), planned.version().toString(), request.runId(),
        UsageStep.COMPUTE, clock, pinned.rowsIn(), rows, pinned.bytesRead(), SnapshotSizes.bytes(files),
        files.size()));
    return result(request, ComputeResult.Status.COMPUTED, planned, snapshotId, rows, pinned.pins(),
        "Computed " + rows + " rows into branch " + request.auditBranch() + ".");
  }

  /** An input pinned to the snapshot the run reads. */
  record PinnedInput(PlannedProduct.ResolvedInput input, Table table, long snapshotId) {
    String name() {
      return input.name();
    }
  }

  /**
   * A request with its product, storage and output table: either settled (nothing to compute) or with its inputs
   * pinned, their rows and bytes.
   */
  record Pinned(PlannedProduct planned, TenantStorage storage, Table output, Optional<ComputeResult> settled,
      Map<String, Long> pins, List<PinnedInput> inputs, long rowsIn, long bytesRead) {

    static Pinned settled(PlannedProduct planned, TenantStorage storage, Table output, ComputeResult result) {
      return new Pinned(planned, storage, output, Optional.of(result), Map.of(), List.of(), 0, 0);
    }

    Pinned withBytesRead(long bytes) {
      return new Pinned(planned, storage, output, settled, pins, inputs, rowsIn, bytes);
    }
  }

  /** A retried Compute of the same run finds its own commit on the audit branch and reuses it. */
  private static Optional<ComputeResult> alreadyComputed(StepRequest request, PlannedProduct planned, Table output) {
    SnapshotRef ref = output.refs().get(request.auditBranch());
    if (ref == null) {
      return Optional.empty();
    }
    Snapshot snapshot = output.snapshot(ref.snapshotId());
    Map<String, String> summary = snapshot.summary();
    if (!request.runId().equals(summary.get(SnapshotProperties.RUN_ID))
        || !SnapshotProperties.COMPUTED.equals(summary.get(SnapshotProperties.STAGE))) {
      return Optional.empty();
    }
    Map<String, Long> pins = SnapshotProperties.parseInputs(summary.get(SnapshotProperties.INPUTS));
    return Optional.of(result(request, ComputeResult.Status.COMPUTED, planned, snapshot.snapshotId(),
        Long.parseLong(summary.getOrDefault(SnapshotProperties.ROWS, "0")), pins,
        "Reused this run's earlier commit on " + request.auditBranch() + "."));
  }

  /** A result with empty required values: nothing was committed; the refused checks travel on to Validate. */
  private static ComputeResult rejected(StepRequest request, PlannedProduct planned, Map<String, Long> pins,
      MissingRequiredValuesException e) {
    List<CheckResult> refusals = QualityChecks.requiredFailed(e);
    return new ComputeResult(request, ComputeResult.Status.REJECTED, planned.version().toString(),
        planned.tableName().toString(), request.auditBranch(), null, e.totalRows(), SnapshotIds.format(pins),
        planned.fingerprint(), e.getMessage(), refusals);
  }

  /** The meter of the engine {@code planned} runs on: usage records name the engine that did the work. */
  private UsageMeter meter(PlannedProduct planned) {
    ComputeEngine compute = engine.compute(planned);
    return compute == engine.compute() ? meter : UsageMeter.of(compute.name());
  }

  private ComputeEngine.Written run(StepRequest request, PlannedProduct planned, TenantStorage storage, Table output,
      List<TableFiles> inputs) throws MissingRequiredValuesException {
    String sql = SqlTemplate.render(planned.sql(), planned.parameters());
    Duration timeout = planned.transform().timeout().orElse(ComputeEngine.DEFAULT_TIMEOUT);
    try {
      return engine.compute(planned).writeMeasured(storage, inputs, sql, output, origin(planned), timeout);
    } catch (MissingRequiredValuesException e) {
      throw e;
    } catch (UnsafeSqlException e) {
      throw new StepException(StepException.Kind.TRANSFORM_FAILED, origin(planned) + " is not allowed for tenant "
          + request.tenant() + ": " + e.getMessage() + " Nothing of it ran.", e);
    } catch (ResultShapeException e) {
      throw new StepException(StepException.Kind.TRANSFORM_FAILED, e.getMessage(), e);
    } catch (SessionBoundException e) {
      throw new StepException(StepException.Kind.TRANSFORM_FAILED, origin(planned) + " failed for tenant "
          + request.tenant() + ": " + e.getMessage() + " " + BoundHints.hint(e.bound()), e);
    } catch (SQLException e) {
      throw new StepException(StepException.Kind.TRANSFORM_FAILED, origin(planned) + " failed for tenant "
          + request.tenant() + ": " + Messages.firstLine(e), e);
    }
  }

  private static String origin(PlannedProduct planned) {
    return "The " + (planned.origin() == PlannedProduct.Origin.OVERRIDDEN ? "tenant's override of the transform"
        : "transform") + " of " + planned.name() + " (" + planned.transform().sqlFileFor(planned.engine()) + ")";
  }

  private static StepException missing(StepRequest request, PlannedProduct.ResolvedInput input) {
    return new StepException(StepException.Kind.INPUT_MISSING, input.isSource()
        ? "Source " + input.name() + " of tenant " + request.tenant() + " has no data yet (table " + input.tableName()
            + "). Deliver it first, e.g. mesh seed --tenant " + request.tenant() + "."
        : "Input " + input.name() + " of tenant " + request.tenant() + " has not been published yet (table "
            + input.tableName() + "). Refresh it first.");
  }

  private static ComputeResult result(StepRequest request, ComputeResult.Status status, PlannedProduct planned,
      Long snapshotId, long rows, Map<String, Long> pins, String message) {
    return new ComputeResult(request, status, planned.version().toString(), planned.tableName().toString(),
        request.auditBranch(), SnapshotIds.format(snapshotId), rows, SnapshotIds.format(pins), planned.fingerprint(),
        message, List.of());
  }
}
