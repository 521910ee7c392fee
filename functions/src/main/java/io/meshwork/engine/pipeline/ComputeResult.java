package io.meshwork.engine.pipeline;

import java.util.Map;
import java.util.Objects;

/** Output of the Compute step, input of Validate. */
public record ComputeResult(StepRequest request, Status status, String version, String table, String branch,
    Long snapshotId, long rows, Map<String, Long> inputSnapshots, String fingerprint, String message) {

  /** What Compute did. */
  public enum Status {
    /** Computed and committed to the audit branch. */
    COMPUTED,
    /** Definition and inputs equal those of the published snapshot: nothing to do. */
    UP_TO_DATE,
    /** This run id was already published. */
    ALREADY_PUBLISHED
  }

  public ComputeResult {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(status, "status");
    inputSnapshots = Map.copyOf(inputSnapshots);
  }
}
