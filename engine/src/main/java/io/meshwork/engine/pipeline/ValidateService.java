package io.meshwork.engine.pipeline;

import io.meshwork.engine.compute.Messages;
import io.meshwork.engine.compute.CheckSession;
import io.meshwork.engine.compute.SessionBoundException;
import io.meshwork.engine.compute.TableFiles;
import io.meshwork.engine.quality.CheckResult;
import io.meshwork.engine.quality.NullCounts;
import io.meshwork.engine.quality.QualityChecks;
import io.meshwork.engine.quality.QualityResultsTable;
import java.time.Instant;
import io.meshwork.engine.storage.ProductTables;
import io.meshwork.engine.storage.TenantStorage;
import io.meshwork.engine.usage.SnapshotSizes;
import io.meshwork.engine.usage.StepClock;
import io.meshwork.engine.usage.UsageMeter;
import io.meshwork.engine.usage.UsageSink;
import io.meshwork.engine.usage.UsageSinks;
import io.meshwork.engine.usage.UsageStep;
import io.meshwork.model.plan.PlannedProduct;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;

/**
 * Validate: checks the audit snapshot against the product's contract and runs its quality rules, reading the
 * branch, never {@code main}. Upstream inputs are visible at the snapshots Compute pinned, for rules that compare.
 */
public final class ValidateService {

  private final Engine engine;
  private final UsageSink usage;
  private final UsageMeter meter;

  /** A Validate step that appends its usage to the tenant's usage table at once. */
  public ValidateService(Engine engine) {
    this(engine, UsageSinks.table(engine::storage, engine.compute()));
  }

  /** A Validate step that hands its usage (when it checked something) to {@code usage}. */
  public ValidateService(Engine engine, UsageSink usage) {
    this.engine = engine;
    this.usage = usage;
    this.meter = UsageMeter.of(engine.compute().name());
  }

  /**
   * Checks a computed result. A REJECTED result records the required checks Compute refused it by and fails
   * without reading anything (nothing was committed). Results with nothing computed pass through without checks:
   * UP_TO_DATE and ALREADY_PUBLISHED as passed, UPSTREAM_FAILED as not passed (nothing was checked, so nothing may
   * be published).
   */
  public ValidateResult validate(ComputeResult compute) {
    StepClock clock = StepClock.start();
    StepRequest request = compute.request();
    PlannedProduct planned = engine.planned(request.tenant(), request.product());
    TenantStorage storage = engine.storage(request.tenant());
    if (compute.status() == ComputeResult.Status.REJECTED) {
      QualityResultsTable.append(storage, engine.compute(), new QualityResultsTable.Record(Instant.now(),
          request.runId(), planned.name(), compute.version(), compute.table(), null, compute.refusals()));
      return new ValidateResult(compute, false, compute.refusals());
    }
    if (compute.status() != ComputeResult.Status.COMPUTED) {
      return new ValidateResult(compute, compute.status() != ComputeResult.Status.UPSTREAM_FAILED, List.of());
    }
    Table output = ProductTables.load(storage.catalog(), planned.tableName()).orElseThrow(() -> new StepException(
        StepException.Kind.INVALID_REQUEST, "Table " + planned.tableName() + " does not exist: run Compute first."));
    List<TableFiles> tables = new ArrayList<>();
    Long snapshotId = SnapshotIds.parse(compute.snapshotId());
    tables.add(TableFiles.of(planned.name(), output, snapshotId, storage));
    for (PlannedProduct.ResolvedInput input : planned.inputs()) {
      Long pinned = SnapshotIds.parse(compute.inputSnapshots().get(input.name()));
      ProductTables.load(storage.catalog(), input.tableName())
          .ifPresent(table -> tables.add(TableFiles.of(input.name(), table, pinned, storage)));
    }
    Snapshot published = output.currentSnapshot();
    Optional<Long> previousRows = Optional.ofNullable(published)
        .map(snapshot -> snapshot.summary().get(SnapshotProperties.ROWS)).map(Long::parseLong);
    List<CheckResult> checks;
    try (CheckSession session = engine.compute().openChecks(storage, tables)) {
      checks = new QualityChecks(session, planned.product())
          .withKnownNullCounts(NullCounts.of(output, snapshotId, planned.product().contract().columnNames()))
          .run(previousRows);
    } catch (SessionBoundException e) {
      throw new StepException(StepException.Kind.TRANSFORM_FAILED, "The checks of " + planned.name() + " failed for "
          + "tenant " + request.tenant() + ": " + e.getMessage() + " " + BoundHints.hint(e.bound()), e);
    } catch (SQLException e) {
      throw new StepException(StepException.Kind.TRANSFORM_FAILED, "A quality rule of " + planned.name()
          + " could not run: " + Messages.firstLine(e), e);
    }
    List<org.apache.iceberg.DataFile> written = QualityResultsTable.append(storage, engine.compute(),
        new QualityResultsTable.Record(Instant.now(), request.runId(), planned.name(), compute.version(),
            compute.table(), snapshotId, checks));
    usage.record(meter.step(request.tenant(), planned.name(), compute.version(), request.runId(), UsageStep.VALIDATE,
        clock, compute.rows(), 0, SnapshotSizes.bytes(output.snapshot(snapshotId)), SnapshotSizes.bytes(written),
        written.size()));
    boolean passed = checks.stream().noneMatch(check -> check.blocking() && !check.passed());
    return new ValidateResult(compute, passed, checks);
  }
}
