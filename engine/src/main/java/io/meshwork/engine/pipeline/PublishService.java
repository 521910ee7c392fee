package io.meshwork.engine.pipeline;

import io.meshwork.engine.storage.ProductTables;
import io.meshwork.engine.storage.TenantStorage;
import io.meshwork.model.plan.PlannedProduct;
import java.util.Map;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotRef;
import org.apache.iceberg.Table;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.exceptions.ValidationException;

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
    long stamped = stamp(table, request, validation);
    try {
      SnapshotRef main = table.refs().get(SnapshotRef.MAIN_BRANCH);
      if (main == null) {
        table.manageSnapshots().createBranch(SnapshotRef.MAIN_BRANCH, stamped).commit();
      } else {
        table.manageSnapshots().fastForwardBranch(SnapshotRef.MAIN_BRANCH, request.auditBranch()).commit();
      }
    } catch (ValidationException | CommitFailedException | IllegalArgumentException e) {
      table.refresh();
      Snapshot current = table.currentSnapshot();
      String winner = current == null ? "another run" : "run " + current.summary().get(SnapshotProperties.RUN_ID);
      return new PublishResult(validation, PublishResult.Status.CONFLICT, null, winner + " published "
          + planned.tableName() + " first; this run's result stays on branch " + request.auditBranch() + ".");
    }
    return new PublishResult(validation, PublishResult.Status.PUBLISHED, SnapshotIds.format(stamped),
        "Published " + compute.rows() + " rows (" + validation.summary() + ").");
  }

  /**
   * Adds a snapshot without data changes to the audit branch that carries the whole record of the run (what
   * Compute wrote plus the quality summary), so {@code main}'s snapshot describes itself.
   */
  private static long stamp(Table table, StepRequest request, ValidateResult validation) {
    Snapshot computed = table.snapshot(SnapshotIds.parse(validation.compute().snapshotId()));
    SnapshotRef branch = table.refs().get(request.auditBranch());
    if (branch != null && branch.snapshotId() != computed.snapshotId()) {
      Snapshot head = table.snapshot(branch.snapshotId());
      if (SnapshotProperties.PUBLISHED.equals(head.summary().get(SnapshotProperties.STAGE))) {
        return head.snapshotId(); // stamped by an earlier attempt of this Publish
      }
    }
    AppendFiles append = table.newAppend().toBranch(request.auditBranch());
    for (Map.Entry<String, String> entry : computed.summary().entrySet()) {
      if (entry.getKey().startsWith("meshwork.")) {
        append.set(entry.getKey(), entry.getValue());
      }
    }
    append.set(SnapshotProperties.QUALITY, validation.summary()).set(SnapshotProperties.STAGE, SnapshotProperties.PUBLISHED).commit();
    table.refresh();
    return table.refs().get(request.auditBranch()).snapshotId();
  }
}
