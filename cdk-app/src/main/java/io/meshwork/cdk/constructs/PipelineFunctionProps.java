package io.meshwork.cdk.constructs;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.logs.RetentionDays;

/**
 * Settings of a {@link PipelineFunction}; all required but the invoker.
 *
 * @param functionName the Lambda function name, e.g. {@code meshwork-alpina-compute}
 * @param handler the handler class, e.g. {@code io.meshwork.functions.ComputeFunction}
 * @param description what the function does, shown in the console
 * @param code the shaded functions jar
 * @param size memory, timeout and /tmp
 * @param environment the function's environment variables
 * @param logRetention how long its log group keeps events
 * @param logKey the key encrypting its log group
 * @param reservedConcurrentExecutions reserved concurrency, or empty for none
 * @param invoker what invokes the function; the shorter constructor uses {@link FunctionInvoker#STATE_MACHINE}
 */
public record PipelineFunctionProps(String functionName, String handler, String description, Code code,
    FunctionSize size, Map<String, String> environment, RetentionDays logRetention, IKey logKey,
    Optional<Integer> reservedConcurrentExecutions, FunctionInvoker invoker) {

  public PipelineFunctionProps {
    Objects.requireNonNull(functionName, "functionName");
    Objects.requireNonNull(handler, "handler");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(size, "size");
    environment = Map.copyOf(environment);
    Objects.requireNonNull(logRetention, "logRetention");
    Objects.requireNonNull(logKey, "logKey");
    Objects.requireNonNull(reservedConcurrentExecutions, "reservedConcurrentExecutions");
    Objects.requireNonNull(invoker, "invoker");
  }

  /** Settings of a function the refresh state machine invokes. */
  public PipelineFunctionProps(String functionName, String handler, String description, Code code,
      FunctionSize size, Map<String, String> environment, RetentionDays logRetention, IKey logKey,
      Optional<Integer> reservedConcurrentExecutions) {
    this(functionName, handler, description, code, size, environment, logRetention, logKey,
        reservedConcurrentExecutions, FunctionInvoker.STATE_MACHINE);
  }
}
