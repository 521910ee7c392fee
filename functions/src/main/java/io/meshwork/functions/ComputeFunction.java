package io.meshwork.functions;

import io.meshwork.engine.pipeline.ComputeResult;
import io.meshwork.engine.pipeline.ComputeService;
import io.meshwork.engine.pipeline.Engine;
import io.meshwork.engine.pipeline.StepRequest;

/** The Compute state: runs one product's transform into the run's audit branch (see {@link ComputeService}). */
public final class ComputeFunction extends EngineFunction<StepRequest, ComputeResult> {

  private final ComputeService compute;

  /** Lambda's constructor: the engine comes from {@link EngineFactory}. */
  public ComputeFunction() {
    this.compute = new ComputeService(engine(), usage());
  }

  /** Over a given engine, for tests, local runs and emulator invoke servers: computes over {@code engine}. */
  public ComputeFunction(Engine engine) {
    super(engine);
    this.compute = new ComputeService(engine, usage());
  }

  @Override
  public ComputeResult execute(StepRequest request) {
    return log().run("Compute", request,
        input -> new InvocationLog.Subject(input.tenant(), input.product(), input.runId()),
        compute::compute,
        result -> result.status().name());
  }
}
