package io.meshwork.functions;

import io.meshwork.engine.pipeline.Engine;
import io.meshwork.engine.pipeline.InputBytes;
import io.meshwork.model.plan.ComputeSize;
import io.meshwork.model.plan.PlannedProduct;
import io.meshwork.model.plan.TenantPlan;
import java.util.List;
import java.util.Map;

/**
 * The Plan state: the waves of the tenant's plan, each product with its engine and the Compute size its declared
 * resources and measured inputs call for (see {@link io.meshwork.model.plan.ComputeSizing}). With a product, only it and
 * the products it reads, directly or not, so that refreshing one product never recomputes unrelated ones. With
 * {@code dependentsOf}, the products downstream of that one and what they read (see {@link TenantPlan#refreshAfter});
 * when {@code dependentsOf} names a source (an Ingest function published a delivery), every product reading it,
 * directly or not, and what those read ({@link TenantPlan#refreshAfterSource}).
 */
public final class PlanFunction extends EngineFunction<PlanRequest, PlanResponse> {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PlanFunction.class);

  /** Lambda's constructor: the engine comes from {@link EngineFactory}. */
  public PlanFunction() {
  }

  /** Over a given engine, for tests, local runs and emulator invoke servers: plans over {@code engine}. */
  public PlanFunction(Engine engine) {
    super(engine);
  }

  @Override
  public PlanResponse execute(PlanRequest request) {
    return log().run("Plan", request,
        input -> new InvocationLog.Subject(input.tenant(), input.product(), input.runId()),
        this::plan,
        response -> "PLANNED");
  }

  private PlanResponse plan(PlanRequest request) {
    if (request.tenant() == null || request.runId() == null) {
      throw new InvalidRequestError("A plan request needs a tenant and a runId; got " + request + ".", null);
    }
    if (request.product() != null && request.dependentsOf() != null) {
      throw new InvalidRequestError("A plan request takes product or dependentsOf, not both; got product "
          + request.product() + " and dependentsOf " + request.dependentsOf() + ".", null);
    }
    TenantPlan plan = engine().plan(request.tenant());
    List<List<PlannedProduct>> selected;
    if (request.product() != null) {
      selected = plan.waves(plan.upstreamOf(engine().planned(request.tenant(), request.product()).name()));
    } else if (request.dependentsOf() != null && isSource(plan, request.dependentsOf())) {
      selected = plan.waves(plan.refreshAfterSource(request.dependentsOf()));
    } else if (request.dependentsOf() != null) {
      selected = plan.waves(plan.refreshAfter(engine().planned(request.tenant(), request.dependentsOf()).name()));
    } else {
      selected = plan.waves();
    }
    Map<String, ComputeSize> sizes = sizes(request.tenant(), plan);
    List<List<PlannedStep>> waves = selected.stream().map(wave -> wave.stream()
        .map(planned -> PlannedStep.of(request.tenant(), request.runId(), planned, sizes.get(planned.name())))
        .toList()).toList();
    return new PlanResponse(request.tenant(), request.runId(), waves);
  }

  /**
   * Sized from the current snapshots of each product's inputs (one catalog lookup per input table). Sizing is advice:
   * when the catalog cannot be read here, the declared resources decide and each reason says the inputs were not
   * measured; Compute reports the catalog's error itself if it cannot read the inputs either.
   */
  private Map<String, ComputeSize> sizes(String tenant, TenantPlan plan) {
    try {
      return InputBytes.sizes(engine().storage(tenant).catalog(), plan);
    } catch (RuntimeException e) {
      LOG.warn("Plan of tenant {}: inputs not measured ({}: {}); sizing from declared resources", tenant,
          e.getClass().getSimpleName(), e.getMessage());
      return InputBytes.declared(plan);
    }
  }

  private static boolean isSource(TenantPlan plan, String name) {
    return plan.sources().stream().anyMatch(source -> source.name().equals(name));
  }
}
