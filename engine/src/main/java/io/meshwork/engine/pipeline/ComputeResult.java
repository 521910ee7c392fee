package io.meshwork.engine.pipeline;

import io.meshwork.engine.quality.CheckResult;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Output of the Compute step, input of Validate. Snapshot ids are decimal strings (see {@link SnapshotIds}):
 * {@code snapshotId} is the audit snapshot (or {@code main}'s when nothing was computed), {@code inputSnapshots} the
 * pinned snapshot of each input by input name. {@code refusals} are the failed contract checks of a {@code REJECTED}
 * result (empty otherwise), which Validate records and reports.
 */
public record ComputeResult(StepRequest request, Status status, String version, String table, String branch,
    String snapshotId, long rows, Map<String, String> inputSnapshots, String fingerprint, String message,
    List<CheckResult> refusals) {

  /** What Compute did. */
  public enum Status {
    /** Computed and committed to the audit branch. */
    COMPUTED,
    /**
     * Computed, but rows leave required columns empty, which no Iceberg branch may hold: nothing was committed,
     * {@code refusals} say which columns; Validate records them and fails, Publish blocks.
     */
    REJECTED,
    /** Definition and inputs equal those of the published snapshot: nothing to do. */
    UP_TO_DATE,
    /** This run id was already published. */
    ALREADY_PUBLISHED,
    /**
     * A product this one reads is not current (it failed, was blocked or was skipped earlier in the run, or was
     * never published): nothing was computed, and Validate and Publish pass the result through as skipped.
     */
    UPSTREAM_FAILED
  }

  public ComputeResult {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(status, "status");
    SnapshotIds.check(snapshotId, "snapshotId");
    inputSnapshots = Map.copyOf(inputSnapshots);
    inputSnapshots.forEach((input, id) -> SnapshotIds.check(id, "inputSnapshots." + input));
    refusals = refusals == null ? List.of() : List.copyOf(refusals);
    if ((status == Status.REJECTED) == refusals.isEmpty()) {
      throw new IllegalArgumentException(status == Status.REJECTED ? "A REJECTED result names the checks that failed"
          : "Only a REJECTED result has refusals, not " + status);
    }
  }
}
