package io.meshwork.functions;

/**
 * An input of the product has no data yet: deliver the source or publish the upstream product first; retrying the
 * same run does not help.
 */
final class InputMissingError extends StepError {

  private static final long serialVersionUID = 1L;

  InputMissingError(String message, Throwable cause) {
    super(message, cause);
  }
}
