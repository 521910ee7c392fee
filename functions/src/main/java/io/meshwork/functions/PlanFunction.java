package io.meshwork.functions;

import io.meshwork.engine.pipeline.Engine;
import io.meshwork.engine.pipeline.StepRequest;
import io.meshwork.model.plan.PlannedProduct;
import io.meshwork.model.plan.TenantPlan;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import io.micronaut.json.JsonMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The Plan state: the waves of the tenant's plan, each product as a ready Compute input. With a product, only it and
 * the products it reads, directly or not, so that refreshing one product never recomputes unrelated ones.
 */
public final class PlanFunction extends MicronautRequestHandler<PlanRequest, PlanResponse> {

  private final Engine engine;
  private final InvocationLog log;

  /** Lambda's constructor: the engine comes from {@link EngineFactory}. */
  public PlanFunction() {
    this.engine = applicationContext.getBean(Engine.class);
    this.log = new InvocationLog(PlanFunction.class, applicationContext.getBean(JsonMapper.class));
  }

  /** For tests and local runs: plans over {@code engine}. */
  PlanFunction(Engine engine) {
    super(HandlerContexts.withoutEngine());
    this.engine = engine;
    this.log = new InvocationLog(PlanFunction.class, applicationContext.getBean(JsonMapper.class));
  }

  @Override
  protected ApplicationContextBuilder newApplicationContextBuilder() {
    return HandlerContexts.lambda();
  }

  @Override
  public PlanResponse execute(PlanRequest request) {
    return log.run("Plan", request,
        input -> new InvocationLog.Subject(input.tenant(), input.product(), input.runId()),
        this::plan,
        response -> "PLANNED");
  }

  private PlanResponse plan(PlanRequest request) {
    if (request.tenant() == null || request.runId() == null) {
      throw new InvalidRequestError("A plan request needs a tenant and a runId; got " + request + ".", null);
    }
    TenantPlan plan = engine.plan(request.tenant());
    Set<String> selected = request.product() == null ? null
        : upstreamClosure(plan, engine.planned(request.tenant(), request.product()));
    List<List<StepRequest>> waves = new ArrayList<>();
    for (List<PlannedProduct> wave : plan.waves()) {
      List<StepRequest> steps = wave.stream()
          .filter(planned -> selected == null || selected.contains(planned.name()))
          .map(planned -> new StepRequest(request.tenant(), planned.name(), request.runId()))
          .toList();
      if (!steps.isEmpty()) {
        waves.add(steps);
      }
    }
    return new PlanResponse(request.tenant(), request.runId(), waves);
  }

  /** The names of {@code target} and every planned product it reads, directly or not. */
  private static Set<String> upstreamClosure(TenantPlan plan, PlannedProduct target) {
    Set<String> names = new HashSet<>();
    List<PlannedProduct> pending = new ArrayList<>(List.of(target));
    while (!pending.isEmpty()) {
      PlannedProduct next = pending.remove(pending.size() - 1);
      if (names.add(next.name())) {
        next.inputs().stream().filter(input -> !input.isSource())
            .forEach(input -> plan.product(input.name()).ifPresent(pending::add));
      }
    }
    return names;
  }
}
