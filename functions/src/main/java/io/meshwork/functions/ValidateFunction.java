package io.meshwork.functions;

import io.meshwork.engine.pipeline.ComputeResult;
import io.meshwork.engine.pipeline.Engine;
import io.meshwork.engine.pipeline.StepRequest;
import io.meshwork.engine.pipeline.ValidateResult;
import io.meshwork.engine.pipeline.ValidateService;

/**
 * The Validate state: checks the audit snapshot against the contract and quality rules (see {@link ValidateService}).
 * A failing check is a result, not an error: Publish decides what it means.
 */
public final class ValidateFunction extends EngineFunction<ComputeResult, ValidateResult> {

  private final ValidateService validate;

  /** Lambda's constructor: the engine comes from {@link EngineFactory}. */
  public ValidateFunction() {
    this.validate = new ValidateService(engine(), usage());
  }

  /** Over a given engine, for tests, local runs and emulator invoke servers: validates over {@code engine}. */
  public ValidateFunction(Engine engine) {
    super(engine);
    this.validate = new ValidateService(engine, usage());
  }

  @Override
  public ValidateResult execute(ComputeResult compute) {
    return log().run("Validate", compute,
        input -> subject(input.request()),
        validate::validate,
        result -> result.passed() ? "PASSED" : "BLOCKING_CHECK_FAILED");
  }

  static InvocationLog.Subject subject(StepRequest request) {
    return request == null ? new InvocationLog.Subject(null, null, null)
        : new InvocationLog.Subject(request.tenant(), request.product(), request.runId());
  }
}
