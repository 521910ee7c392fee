package io.meshwork.functions;

import io.meshwork.engine.pipeline.Engine;
import io.meshwork.engine.pipeline.StagedQuery;
import io.meshwork.engine.pipeline.StagedRun;
import io.meshwork.engine.pipeline.StepRequest;

/**
 * The Prepare state of a product on Athena: pins its inputs, creates the run's staging table in Glue with the
 * product's schema, field ids and partitioning, and renders the statement the state machine hands to Athena (see
 * {@link StagedRun#prepare}). A product with nothing to compute is settled here as Compute would settle it.
 */
public final class PrepareAthenaFunction extends EngineFunction<StepRequest, StagedQuery> {

  private final StagedRun staged;

  /** Lambda's constructor: the engine comes from {@link EngineFactory}. */
  public PrepareAthenaFunction() {
    this.staged = new StagedRun(engine(), io.meshwork.model.definition.Engine.ATHENA, usage());
  }

  /** Over a given engine, for tests and emulator invoke servers. */
  public PrepareAthenaFunction(Engine engine) {
    super(engine);
    this.staged = new StagedRun(engine, io.meshwork.model.definition.Engine.ATHENA, usage());
  }

  @Override
  public StagedQuery execute(StepRequest request) {
    return log().run("PrepareAthena", request,
        input -> new InvocationLog.Subject(input.tenant(), input.product(), input.runId()),
        staged::prepare,
        result -> result.status().name());
  }
}
