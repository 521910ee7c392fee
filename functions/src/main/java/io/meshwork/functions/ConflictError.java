package io.meshwork.functions;

/** A concurrent run changed the table first. Worth retrying: Compute and Publish are idempotent per run id. */
final class ConflictError extends StepError {

  private static final long serialVersionUID = 1L;

  ConflictError(String message, Throwable cause) {
    super(message, cause);
  }
}
