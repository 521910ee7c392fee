package io.meshwork.engine.pipeline;

import io.meshwork.engine.storage.ProductTables;
import io.meshwork.engine.storage.TenantStorage;
import io.meshwork.engine.usage.StepClock;
import io.meshwork.engine.usage.UsageMeter;
import io.meshwork.engine.usage.UsageSink;
import io.meshwork.engine.usage.UsageSinks;
import io.meshwork.engine.usage.UsageStep;
import io.meshwork.model.plan.PlannedProduct;
import java.util.Optional;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;

/**
 * Publish: when no check of severity error failed, stamps the audit branch with the quality summary and
 * fast-forwards {@code main} to it, in one atomic catalog commit each. Otherwise {@code main} stays as it was and
 * the branch is kept for inspection. Publishing the same run twice changes nothing.
 */
public final class PublishService {

  private final Engine engine;
  private final UsageSink usage;
  private final UsageMeter meter;

  /** A Publish step that appends its usage to the tenant's usage table at once. */
  public PublishService(Engine engine) {
    this(engine, UsageSinks.table(engine::storage, engine.compute()));
  }

  /** A Publish step that hands its usage (when it had something to publish) to {@code usage}. */
  public PublishService(Engine engine, UsageSink usage) {
    this.engine = engine;
    this.usage = usage;
    this.meter = UsageMeter.of(engine.compute().name());
  }

  public PublishResult publish(ValidateResult validation) {
    StepClock clock = StepClock.start();
    PublishResult result = publishChecked(validation);
    ComputeResult compute = validation.compute();
    if (compute.status() == ComputeResult.Status.COMPUTED && result.status() != PublishResult.Status.UNCHANGED) {
      long published = result.status() == PublishResult.Status.PUBLISHED ? compute.rows() : 0;
      usage.record(meter.step(compute.request().tenant(), compute.request().product(), compute.version(),
          compute.request().runId(), UsageStep.PUBLISH, clock, compute.rows(), published, 0, 0, 0));
    }
    return result;
  }

  private PublishResult publishChecked(ValidateResult validation) {
    ComputeResult compute = validation.compute();
    StepRequest request = compute.request();
    PlannedProduct planned = engine.planned(request.tenant(), request.product());
    if (compute.status() == ComputeResult.Status.UPSTREAM_FAILED) {
      return new PublishResult(validation, PublishResult.Status.SKIPPED, null, compute.message());
    }
    if (compute.status() == ComputeResult.Status.REJECTED) {
      return new PublishResult(validation, PublishResult.Status.BLOCKED, null, "Not published: "
          + validation.summary() + ". main is unchanged; nothing was committed, as rows leave required columns "
          + "empty.");
    }
    if (compute.status() != ComputeResult.Status.COMPUTED) {
      return new PublishResult(validation, PublishResult.Status.UNCHANGED, compute.snapshotId(), compute.message());
    }
    TenantStorage storage = engine.storage(request.tenant());
    Table table = ProductTables.load(storage.catalog(), planned.tableName()).orElseThrow();
    if (!validation.passed()) {
      return new PublishResult(validation, PublishResult.Status.BLOCKED, null, "Not published: " + validation.summary()
          + ". main is unchanged; the computed data stays on branch " + request.auditBranch() + " for inspection.");
    }
    Snapshot already = SnapshotProperties.publishedBy(table, request.runId()).orElse(null);
    if (already != null) {
      return new PublishResult(validation, PublishResult.Status.UNCHANGED, SnapshotIds.format(already.snapshotId()),
          "Run " + request.runId() + " was already published as snapshot " + already.snapshotId() + ".");
    }
    long stamped = AuditBranch.stamp(table, request.auditBranch(), SnapshotIds.parse(compute.snapshotId()),
        validation.summary());
    Optional<String> winner = AuditBranch.fastForwardMain(table, request.auditBranch(), stamped);
    if (winner.isPresent()) {
      return new PublishResult(validation, PublishResult.Status.CONFLICT, null, winner.get() + " published "
          + planned.tableName() + " first; this run's result stays on branch " + request.auditBranch() + ".");
    }
    return new PublishResult(validation, PublishResult.Status.PUBLISHED, SnapshotIds.format(stamped),
        "Published " + compute.rows() + " rows (" + validation.summary() + ").");
  }
}
