package io.meshwork.functions;

import io.meshwork.engine.pipeline.Engine;
import io.meshwork.engine.pipeline.PublishResult;
import io.meshwork.engine.pipeline.PublishService;
import io.meshwork.engine.pipeline.ValidateResult;

/**
 * The Publish state: fast-forwards {@code main} to the audit snapshot when no blocking check failed (see
 * {@link PublishService}). BLOCKED and CONFLICT are statuses for a Choice state, not errors.
 */
public final class PublishFunction extends EngineFunction<ValidateResult, PublishResult> {

  private final PublishService publish;

  /** Lambda's constructor: the engine comes from {@link EngineFactory}. */
  public PublishFunction() {
    this.publish = new PublishService(engine(), usage());
  }

  /** Over a given engine, for tests, local runs and emulator invoke servers: publishes over {@code engine}. */
  public PublishFunction(Engine engine) {
    super(engine);
    this.publish = new PublishService(engine, usage());
  }

  @Override
  public PublishResult execute(ValidateResult validation) {
    return log().run("Publish", validation,
        input -> ValidateFunction.subject(input.compute() == null ? null : input.compute().request()),
        publish::publish,
        result -> result.status().name());
  }
}
