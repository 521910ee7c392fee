package io.meshwork.functions;

/** The request names a tenant or product that does not exist, or carries an invalid run id; retrying does not help. */
final class InvalidRequestError extends StepError {

  private static final long serialVersionUID = 1L;

  InvalidRequestError(String message, Throwable cause) {
    super(message, cause);
  }
}
