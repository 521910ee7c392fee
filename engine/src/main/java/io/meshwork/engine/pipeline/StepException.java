package io.meshwork.engine.pipeline;

/** A step failed; the kind tells the runner (and Step Functions) whether to retry and how to report it. */
public final class StepException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why a step failed. */
  public enum Kind {
    /** The product's transform failed or broke its contract: fix the definition; retrying does not help. */
    TRANSFORM_FAILED,
    /** An input has not been published yet, e.g. a source that was never delivered. */
    INPUT_MISSING,
    /** The request names something that does not exist for this tenant. */
    INVALID_REQUEST,
    /** A concurrent run changed the table first: worth retrying, or report as a conflict. */
    CONFLICT
  }

  private final Kind kind;

  public StepException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public StepException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
