package io.meshwork.functions;

/** The product's transform or one of its quality rules failed to run: fix the definition, retrying does not help. */
final class TransformFailedError extends StepError {

  private static final long serialVersionUID = 1L;

  TransformFailedError(String message, Throwable cause) {
    super(message, cause);
  }
}
