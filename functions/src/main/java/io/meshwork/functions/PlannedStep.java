package io.meshwork.functions;

import io.meshwork.engine.pipeline.StepRequest;
import io.meshwork.model.plan.ComputeSize;
import io.meshwork.model.plan.PlannedProduct;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Objects;

/**
 * One product of a wave as the state machine routes it: Compute's request, the engine it runs on, and where it runs
 * ({@code compute}: {@code standard}, {@code large}, {@code athena} or {@code too-large}) with that size and why.
 */
@Serdeable
public record PlannedStep(String tenant, String product, String runId, String engine, String compute, int memoryMiB,
    int tmpMiB, String sizeReason) {

  public PlannedStep {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(compute, "compute");
    Objects.requireNonNull(sizeReason, "sizeReason");
  }

  static PlannedStep of(String tenant, String runId, PlannedProduct planned, ComputeSize size) {
    return new PlannedStep(tenant, planned.name(), runId, planned.engine().id(), size.computeClass().id(),
        size.memoryMiB(), size.tmpMiB(), size.reason());
  }

  /** The request the step functions take. */
  public StepRequest request() {
    return new StepRequest(tenant, product, runId);
  }
}
