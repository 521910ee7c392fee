package io.meshwork.engine.pipeline;

import java.util.Objects;
import java.util.regex.Pattern;

/** Input of the Compute step: which product to refresh for which tenant, in which run. */
public record StepRequest(String tenant, String product, String runId) {

  private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,79}");

  public StepRequest {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(runId, "runId");
    if (!RUN_ID.matcher(runId).matches()) {
      throw new StepException(StepException.Kind.INVALID_REQUEST, "Invalid run id '" + runId + "': use up to 80 "
          + "letters, digits, '.', '_' and '-', starting with a letter or digit.");
    }
  }

  /** The audit branch this run writes to before publishing. */
  public String auditBranch() {
    return "audit-" + runId;
  }
}
