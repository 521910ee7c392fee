package io.meshwork.engine.pipeline;

import io.meshwork.engine.compute.DuckDbSession;
import io.meshwork.engine.storage.TenantStorage;
import io.meshwork.model.definition.Catalog;
import io.meshwork.model.definition.InvalidDefinitionException;
import io.meshwork.model.plan.PlannedProduct;
import io.meshwork.model.plan.Planner;
import io.meshwork.model.plan.TenantPlan;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What every step needs: the definitions, each tenant's storage, and DuckDB limits. The same engine runs in-process
 * for {@code mesh run} and inside the Lambda handlers.
 */
public final class Engine implements AutoCloseable {

  private final Catalog catalog;
  private final Planner planner;
  private final Function<String, TenantStorage> storageFactory;
  private final Map<String, TenantStorage> storages = new ConcurrentHashMap<>();
  private final Map<String, TenantPlan> plans = new ConcurrentHashMap<>();
  private final DuckDbSession.Limits limits;

  public Engine(Catalog catalog, Function<String, TenantStorage> storageFactory, DuckDbSession.Limits limits) {
    this.catalog = catalog;
    this.planner = new Planner(catalog);
    this.storageFactory = storageFactory;
    this.limits = limits;
  }

  public Catalog catalog() {
    return catalog;
  }

  public DuckDbSession.Limits limits() {
    return limits;
  }

  /** The tenant's plan; throws {@link InvalidDefinitionException} for an unknown tenant. */
  public TenantPlan plan(String tenant) {
    return plans.computeIfAbsent(tenant, planner::plan);
  }

  /** The planned product, or a {@link StepException} if the tenant does not receive it. */
  public PlannedProduct planned(String tenant, String product) {
    return plan(tenant).product(product).orElseThrow(() -> new StepException(StepException.Kind.INVALID_REQUEST,
        "Product " + product + " is not planned for tenant " + tenant + ": the tenant neither subscribes to it nor "
        + "receives it through a subscription."));
  }

  /** The tenant's storage, opened once and shared by concurrent steps. */
  public TenantStorage storage(String tenant) {
    return storages.computeIfAbsent(tenant, storageFactory);
  }

  @Override
  public void close() throws java.io.IOException {
    for (TenantStorage storage : storages.values()) {
      storage.close();
    }
  }
}
