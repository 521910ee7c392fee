package io.meshwork.engine.usage;

import io.meshwork.model.runtime.RuntimeNames;
import java.util.Map;
import java.util.Optional;

/**
 * Makes the usage records of steps: the engine's name and, inside a Lambda function, the memory it is configured
 * with (so GB-seconds follow), read once from the function's environment.
 */
public record UsageMeter(String engine, Integer functionMemoryMb) {

  /** A meter for {@code engine} in this process's environment. */
  public static UsageMeter of(String engine) {
    return of(engine, System.getenv());
  }

  static UsageMeter of(String engine, Map<String, String> environment) {
    Integer memory = Optional.ofNullable(environment.get(RuntimeNames.FUNCTION_MEMORY_VARIABLE))
        .filter(value -> value.matches("[1-9][0-9]{0,5}")).map(Integer::valueOf).orElse(null);
    return new UsageMeter(engine, memory);
  }

  /** The record of a pipeline step that started at {@code clock}. */
  public UsageRecord step(String tenant, String product, String version, String runId, UsageStep step,
      StepClock clock, long rowsIn, long rowsOut, long bytesRead, long bytesWritten, int filesWritten) {
    return new UsageRecord(tenant, product, version, runId, step, clock.startedAt(), clock.elapsed(), null, rowsIn,
        rowsOut, bytesRead, bytesWritten, filesWritten, engine, functionMemoryMb, null);
  }
}
