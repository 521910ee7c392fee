package io.meshwork.engine.pipeline;

import java.time.Duration;
import java.util.List;

/** The result of refreshing one tenant: an outcome per planned product. */
public record RunReport(String tenant, String runId, List<ProductOutcome> outcomes, Duration elapsed) {

  public RunReport {
    outcomes = List.copyOf(outcomes);
  }

  public boolean succeeded() {
    return outcomes.stream().allMatch(outcome -> outcome.outcome().isSuccess());
  }

  public long count(ProductOutcome.Outcome outcome) {
    return outcomes.stream().filter(each -> each.outcome() == outcome).count();
  }
}
