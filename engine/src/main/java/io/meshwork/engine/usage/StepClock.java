package io.meshwork.engine.usage;

import java.time.Duration;
import java.time.Instant;

/** When a step started, by the wall clock for the record and by the monotonic clock for its duration. */
public record StepClock(Instant startedAt, long startNanos) {

  public static StepClock start() {
    return new StepClock(Instant.now(), System.nanoTime());
  }

  public Duration elapsed() {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }
}
