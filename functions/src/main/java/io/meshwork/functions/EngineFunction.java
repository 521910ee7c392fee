package io.meshwork.functions;

import io.meshwork.engine.pipeline.Engine;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import io.micronaut.json.JsonMapper;

/**
 * What every pipeline handler shares: its engine (from Lambda's context, built by {@link EngineFactory} during the
 * init phase, or given directly), its invocation log, and Lambda's context configuration. Handlers stay thin: each
 * hands its input to one engine service.
 */
abstract class EngineFunction<I, O> extends MicronautRequestHandler<I, O> {

  private final Engine engine;
  private final InvocationLog log;

  /** Lambda's constructor: the engine comes from {@link EngineFactory}. */
  EngineFunction() {
    this.engine = applicationContext.getBean(Engine.class);
    this.log = new InvocationLog(getClass(), applicationContext.getBean(JsonMapper.class));
  }

  /** Over a given engine, for tests, local runs and emulator invoke servers. */
  EngineFunction(Engine engine) {
    super(HandlerContexts.withoutEngine());
    this.engine = engine;
    this.log = new InvocationLog(getClass(), applicationContext.getBean(JsonMapper.class));
  }

  @Override
  protected ApplicationContextBuilder newApplicationContextBuilder() {
    return HandlerContexts.lambda();
  }

  final Engine engine() {
    return engine;
  }

  final InvocationLog log() {
    return log;
  }

  final JsonMapper json() {
    return applicationContext.getBean(JsonMapper.class);
  }

  /** Where the steps' usage goes: the usage table, the log as EMF, and the central bus when one is configured. */
  final FunctionUsage usage() {
    return FunctionUsage.of(engine, json(), applicationContext.getEnvironment());
  }
}
