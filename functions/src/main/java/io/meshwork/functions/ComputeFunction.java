package io.meshwork.functions;

import io.meshwork.engine.pipeline.ComputeResult;
import io.meshwork.engine.pipeline.ComputeService;
import io.meshwork.engine.pipeline.Engine;
import io.meshwork.engine.pipeline.StepRequest;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import io.micronaut.json.JsonMapper;

/** The Compute state: runs one product's transform into the run's audit branch (see {@link ComputeService}). */
public final class ComputeFunction extends MicronautRequestHandler<StepRequest, ComputeResult> {

  private final ComputeService compute;
  private final InvocationLog log;

  /** Lambda's constructor: the engine comes from {@link EngineFactory}. */
  public ComputeFunction() {
    this.compute = new ComputeService(applicationContext.getBean(Engine.class));
    this.log = new InvocationLog(ComputeFunction.class, applicationContext.getBean(JsonMapper.class));
  }

  /** Over a given engine, for tests, local runs and emulator invoke servers: computes over {@code engine}. */
  public ComputeFunction(Engine engine) {
    super(HandlerContexts.withoutEngine());
    this.compute = new ComputeService(engine);
    this.log = new InvocationLog(ComputeFunction.class, applicationContext.getBean(JsonMapper.class));
  }

  @Override
  protected ApplicationContextBuilder newApplicationContextBuilder() {
    return HandlerContexts.lambda();
  }

  @Override
  public ComputeResult execute(StepRequest request) {
    return log.run("Compute", request,
        input -> new InvocationLog.Subject(input.tenant(), input.product(), input.runId()),
        compute::compute,
        result -> result.status().name());
  }
}
