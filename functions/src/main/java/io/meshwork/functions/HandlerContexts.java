package io.meshwork.functions;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.LambdaApplicationContextBuilder;
import java.util.Map;

/** How the handlers' Micronaut contexts are configured, the same in Lambda and in tests. */
final class HandlerContexts {

  /**
   * Writes every property, nulls and empty lists included (serde's default omits them), so the state machine's
   * Choice states and the next handler always find the same shape.
   */
  static final Map<String, Object> JSON = Map.of("micronaut.serde.serialization.inclusion", "always");

  private HandlerContexts() {
  }

  /** Lambda's context: function environment, singletons (the engine) built eagerly during the init phase. */
  static ApplicationContextBuilder lambda() {
    ApplicationContextBuilder builder = new LambdaApplicationContextBuilder();
    return builder.properties(JSON);
  }

  /** A context for a handler given its engine directly: nothing is built eagerly, so no second engine appears. */
  static ApplicationContext withoutEngine() {
    return lambda().eagerInitSingletons(false).build();
  }
}
