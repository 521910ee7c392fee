package io.meshwork.engine.pipeline;

import io.meshwork.engine.quality.CheckResult;
import java.util.List;
import java.util.Objects;

/** Output of the Validate step, input of Publish: the contract and quality checks of the audit snapshot. */
public record ValidateResult(ComputeResult compute, boolean passed, List<CheckResult> checks) {

  public ValidateResult {
    Objects.requireNonNull(compute, "compute");
    checks = List.copyOf(checks);
  }

  /** "12 passed, 1 warned, 0 failed". */
  public String summary() {
    return summary(checks);
  }

  /** "12 passed, 1 warned, 0 failed" of any list of checks. */
  public static String summary(List<CheckResult> checks) {
    long failed = checks.stream().filter(check -> !check.passed() && check.blocking()).count();
    long warned = checks.stream().filter(check -> !check.passed() && !check.blocking()).count();
    return (checks.size() - failed - warned) + " passed, " + warned + " warned, " + failed + " failed";
  }
}
