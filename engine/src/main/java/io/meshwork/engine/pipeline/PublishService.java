package io.meshwork.engine.pipeline;

import io.meshwork.engine.storage.ProductTables;
import io.meshwork.engine.storage.TenantStorage;
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

  public PublishService(Engine engine) {
    this.engine = engine;
  }

  public PublishResult publish(ValidateResult validation) {
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
