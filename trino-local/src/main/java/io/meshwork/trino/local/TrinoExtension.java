package io.meshwork.trino.local;

import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one {@link LocalTrino} for the whole test run of a JVM (kept in the root store, which closes it when the
 * run ends), disables {@link TrinoTest} classes when it cannot start and Trino is not required, and resolves
 * {@link LocalTrino} parameters.
 */
final class TrinoExtension implements ExecutionCondition, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TrinoExtension.class);

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    return instance(context).unavailable()
        .map(reason -> ConditionEvaluationResult.disabled("Local Trino not available: " + reason))
        .orElseGet(() -> ConditionEvaluationResult.enabled("local Trino is running"));
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == LocalTrino.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return instance(context).trino().orElseThrow();
  }

  private static Instance instance(ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Instance.class,
        key -> Instance.start(TrinoSettings.fromEnvironment()), Instance.class);
  }

  /** The run's server, or why there is none; closing it stops the server. */
  record Instance(Optional<LocalTrino> trino, Optional<String> unavailable) implements AutoCloseable {

    static Instance start(TrinoSettings settings) {
      try {
        return new Instance(Optional.of(LocalTrino.start(settings)), Optional.empty());
      } catch (TrinoUnavailableException e) {
        if (settings.required()) {
          throw e;
        }
        return new Instance(Optional.empty(), Optional.of(e.getMessage()));
      }
    }

    @Override
    public void close() {
      trino.ifPresent(LocalTrino::close);
    }
  }
}
