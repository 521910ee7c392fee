package io.meshwork.functions;

import io.meshwork.engine.pipeline.StepRequest;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * Output of the Plan state: the tenant's products in waves, each with the engine and Compute size it runs on. The
 * outer Map state iterates the waves in order, the inner one the products of a wave in parallel; a product only reads
 * products of earlier waves.
 */
@Serdeable
public record PlanResponse(String tenant, String runId, List<List<PlannedStep>> waves) {

  public PlanResponse {
    waves = waves.stream().map(List::copyOf).toList();
  }

  /** Each wave's step requests, without where they run. */
  public List<List<StepRequest>> stepRequests() {
    return waves.stream().map(wave -> wave.stream().map(PlannedStep::request).toList()).toList();
  }
}
