package io.meshwork.engine.pipeline;

import java.util.Objects;

/** Output of the Publish step; {@code snapshotId} is a decimal string (see {@link SnapshotIds}). */
public record PublishResult(ValidateResult validation, Status status, String snapshotId, String message) {

  /** What Publish did. */
  public enum Status {
    /** {@code main} now points at the new snapshot. */
    PUBLISHED,
    /** Nothing to publish: up to date, or this run was already published. */
    UNCHANGED,
    /** A check of severity error failed: {@code main} is untouched, the audit branch is kept for inspection. */
    BLOCKED,
    /** Another run published this product first: {@code main} keeps that run's snapshot. */
    CONFLICT,
    /** Not computed because a product it reads is not current (Compute's {@code UPSTREAM_FAILED}). */
    SKIPPED
  }

  public PublishResult {
    Objects.requireNonNull(validation, "validation");
    Objects.requireNonNull(status, "status");
    SnapshotIds.check(snapshotId, "snapshotId");
  }
}
