package io.meshwork.localstack.pipeline;

import io.meshwork.engine.pipeline.ComputeResult;
import io.meshwork.engine.pipeline.PublishResult;
import io.meshwork.engine.pipeline.StepRequest;
import io.meshwork.engine.pipeline.ValidateResult;
import io.meshwork.functions.ComputeFunction;
import io.meshwork.functions.LambdaSerializer;
import io.meshwork.functions.PlanFunction;
import io.meshwork.functions.PlanRequest;
import io.meshwork.functions.PlanResponse;
import io.meshwork.functions.PublishFunction;
import io.meshwork.functions.ValidateFunction;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The four handlers built as Lambda builds them, with their no-argument constructors: each makes its own engine from
 * the environment (see {@link LambdaEnvironment}), as four functions do. {@link #refresh} drives them the way the
 * state machine does: Plan, then wave by wave each product through Compute, Validate and Publish, every output
 * passed on as JSON through the serializer the Lambda runtime uses.
 */
final class LambdaHandlers implements AutoCloseable {

  /** One product's three steps. */
  record ProductRun(ComputeResult compute, ValidateResult validation, PublishResult publish) {
  }

  /** A refresh: the plan and each planned product's steps, in plan order. */
  record Refresh(PlanResponse plan, Map<String, ProductRun> products) {
    ProductRun product(String name) {
      ProductRun run = products.get(name);
      if (run == null) {
        throw new AssertionError(name + " was not planned; the plan was " + plan.waves());
      }
      return run;
    }
  }

  private final PlanFunction plan;
  private final ComputeFunction compute;
  private final ValidateFunction validate;
  private final PublishFunction publish;
  private final JsonMapper json = new LambdaSerializer().getJsonMapper();

  /**
   * Builds the handlers; each function's /tmp is a directory of its own under {@code tmp}, as on Lambda, where no
   * function sees another's staged files (a storage clears its staging directory when it opens).
   */
  LambdaHandlers(Path tmp) {
    plan = withHome(tmp.resolve("plan"), PlanFunction::new);
    compute = withHome(tmp.resolve("compute"), ComputeFunction::new);
    validate = withHome(tmp.resolve("validate"), ValidateFunction::new);
    publish = withHome(tmp.resolve("publish"), PublishFunction::new);
  }

  /** Builds a handler with MESHWORK_HOME set to {@code home}; its engine keeps that home. */
  private static <T> T withHome(Path home, Supplier<T> constructor) {
    String previous = System.setProperty("meshwork.home", home.toString());
    try {
      return constructor.get();
    } finally {
      if (previous == null) {
        System.clearProperty("meshwork.home");
      } else {
        System.setProperty("meshwork.home", previous);
      }
    }
  }

  /** Refreshes {@code product} and what it reads for {@code tenant} in run {@code runId}. */
  Refresh refresh(String tenant, String runId, String product) {
    PlanResponse planned = viaJson(plan.handleRequest(new PlanRequest(tenant, runId, product, null), null),
        PlanResponse.class);
    Map<String, ProductRun> products = new LinkedHashMap<>();
    for (List<StepRequest> wave : planned.stepRequests()) {
      for (StepRequest step : wave) {
        ComputeResult computed = compute(step);
        ValidateResult validated = validate(computed);
        products.put(step.product(), new ProductRun(computed, validated, publish(validated)));
      }
    }
    return new Refresh(planned, products);
  }

  ComputeResult compute(StepRequest request) {
    return viaJson(compute.handleRequest(viaJson(request, StepRequest.class), null), ComputeResult.class);
  }

  ValidateResult validate(ComputeResult computed) {
    return viaJson(validate.handleRequest(computed, null), ValidateResult.class);
  }

  PublishResult publish(ValidateResult validated) {
    return viaJson(publish.handleRequest(validated, null), PublishResult.class);
  }

  /** {@code value} written and read back as Step Functions passes it from one state to the next. */
  private <T> T viaJson(Object value, Class<T> type) {
    try {
      return json.readValue(json.writeValueAsString(value), Argument.of(type));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    plan.close();
    compute.close();
    validate.close();
    publish.close();
  }
}
