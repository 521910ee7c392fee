package io.meshwork.engine.pipeline;

import io.meshwork.engine.quality.CheckResult;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How one product fared in a run: {@code engine} is the engine it runs on (e.g. {@code athena}), {@code bytesScanned}
 * what its Compute read (the engine's own figure where it reports one, else the pinned inputs' files; 0 when it
 * did not compute).
 */
public record ProductOutcome(String product, String version, String table, Outcome outcome, long rows,
    Duration elapsed, StepTimes steps, String message, List<CheckResult> checks, String engine, long bytesScanned) {

  /** Time spent in each step; zero for steps that did not run. */
  public record StepTimes(Duration compute, Duration validate, Duration publish) {
    public static final StepTimes NONE = new StepTimes(Duration.ZERO, Duration.ZERO, Duration.ZERO);
  }

  /** The possible outcomes, from best to worst. */
  public enum Outcome {
    /** Recomputed, validated and published. */
    PUBLISHED,
    /** Definition and inputs unchanged: not recomputed. */
    UP_TO_DATE,
    /** Computed, but a blocking check failed: main is unchanged. */
    BLOCKED,
    /** The transform failed, an input was missing, or an error occurred. */
    FAILED,
    /** Another run published this product first. */
    CONFLICT,
    /** Not attempted because a product it reads did not publish. */
    SKIPPED;

    public boolean isSuccess() {
      return this == PUBLISHED || this == UP_TO_DATE;
    }
  }

  public ProductOutcome {
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(steps, "steps");
    checks = List.copyOf(checks);
  }
}
