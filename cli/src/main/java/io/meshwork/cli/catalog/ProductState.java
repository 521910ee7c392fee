package io.meshwork.cli.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a tenant's storage says about one product it receives: the snapshot on {@code main}, the audit branches
 * that were never published, and the quality results of its validations (newest first).
 */
record ProductState(Optional<PublishedSnapshot> published, List<UnpublishedBranch> unpublished,
    List<ValidationRun> validations) {

  ProductState {
    unpublished = List.copyOf(unpublished);
    validations = List.copyOf(validations);
  }

  static final ProductState NEVER_COMPUTED = new ProductState(Optional.empty(), List.of(), List.of());

  /** The record the publish step stamped on {@code main}'s snapshot. */
  record PublishedSnapshot(long snapshotId, Instant publishedAt, String runId, String version, String rows,
      String quality) {
  }

  /** The latest delivery of a source: when it was committed and how many rows it holds. */
  record Delivery(Instant deliveredAt, String rows) {
  }

  /** An audit branch {@code main} never moved to, and why (from its validation's results). */
  record UnpublishedBranch(String branch, Instant committedAt, String runId, String reason) {
  }

  /** The checks of one validation, in their order. */
  record ValidationRun(String runId, Instant checkedAt, String version, List<Check> checks) {

    ValidationRun {
      checks = List.copyOf(checks);
    }

    long passed() {
      return checks.stream().filter(Check::passed).count();
    }

    long warned() {
      return checks.stream().filter(check -> !check.passed() && !check.blocking()).count();
    }

    long failed() {
      return checks.stream().filter(check -> !check.passed() && check.blocking()).count();
    }
  }

  /** One check of a validation: a contract check or a quality rule. */
  record Check(String name, String columns, boolean blocking, boolean passed, long failingRows, long totalRows,
      String message) {
  }
}
