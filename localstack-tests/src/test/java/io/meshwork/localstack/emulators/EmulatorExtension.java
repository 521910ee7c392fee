package io.meshwork.localstack.emulators;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Opens one {@link EmulatorSession} for the whole test run (kept in the root store, which closes it when the run
 * ends), disables the emulator tests when it was skipped, and resolves {@link EmulatorEndpoints} parameters.
 */
final class EmulatorExtension implements ExecutionCondition, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(EmulatorExtension.class);

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    return session(context).skipReason().map(ConditionEvaluationResult::disabled)
        .orElseGet(() -> ConditionEvaluationResult.enabled("emulators are running"));
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == EmulatorEndpoints.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return session(context).endpoints();
  }

  private static EmulatorSession session(ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(EmulatorSession.class,
        key -> EmulatorSession.open(EmulatorSettings.fromEnvironment()), EmulatorSession.class);
  }
}
