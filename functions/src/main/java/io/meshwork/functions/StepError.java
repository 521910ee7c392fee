package io.meshwork.functions;

import io.meshwork.engine.pipeline.StepException;
import io.meshwork.model.definition.InvalidDefinitionException;
import org.apache.iceberg.exceptions.CommitFailedException;

/**
 * A step failure as the state machine sees it: the concrete class name is the Lambda error type that Retry and Catch
 * match, so each kind of failure has its own class (see the package documentation for the mapping).
 */
abstract class StepError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  StepError(String message, Throwable cause) {
    super(message, cause);
  }

  /** The error the state machine should see for {@code failure}; unknown failures pass through unchanged. */
  static RuntimeException of(RuntimeException failure) {
    if (failure instanceof StepError) {
      return failure;
    }
    if (failure instanceof StepException step) {
      return switch (step.kind()) {
        case TRANSFORM_FAILED -> new TransformFailedError(step.getMessage(), step);
        case INPUT_MISSING -> new InputMissingError(step.getMessage(), step);
        case INVALID_REQUEST -> new InvalidRequestError(step.getMessage(), step);
        case CONFLICT -> new ConflictError(step.getMessage(), step);
      };
    }
    if (failure instanceof InvalidDefinitionException) {
      return new InvalidRequestError(failure.getMessage(), failure);
    }
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof CommitFailedException) {
        return new ConflictError("A concurrent run committed first: " + cause.getMessage(), failure);
      }
    }
    return failure;
  }
}
