package io.meshwork.functions;

import io.meshwork.engine.pipeline.ComputeResult;
import io.meshwork.engine.pipeline.Engine;
import io.meshwork.engine.pipeline.StagedQuery;
import io.meshwork.engine.pipeline.StagedRun;

/**
 * The Commit state of a product on Athena, after Athena's statement succeeded: commits the staging table's files to
 * the product's audit branch with the snapshot record Compute writes (see {@link StagedRun#commit}); its result is
 * Validate's input, exactly as Compute's is.
 */
public final class CommitAthenaFunction extends EngineFunction<StagedQuery, ComputeResult> {

  private final StagedRun staged;

  /** Lambda's constructor: the engine comes from {@link EngineFactory}. */
  public CommitAthenaFunction() {
    this.staged = new StagedRun(engine(), io.meshwork.model.definition.Engine.ATHENA, usage());
  }

  /** Over a given engine, for tests and emulator invoke servers. */
  public CommitAthenaFunction(Engine engine) {
    super(engine);
    this.staged = new StagedRun(engine, io.meshwork.model.definition.Engine.ATHENA, usage());
  }

  @Override
  public ComputeResult execute(StagedQuery prepared) {
    return log().run("CommitAthena", prepared,
        input -> new InvocationLog.Subject(input.request().tenant(), input.request().product(),
            input.request().runId()),
        staged::commit,
        result -> result.status().name());
  }
}
