package io.meshwork.engine.pipeline;

import io.meshwork.engine.compute.ComputeEngine;
import io.meshwork.engine.compute.DuckDbCompute;
import io.meshwork.engine.compute.DuckDbSession;
import io.meshwork.engine.storage.TenantStorage;
import io.meshwork.model.definition.Catalog;
import io.meshwork.model.definition.InvalidDefinitionException;
import io.meshwork.model.plan.PlannedProduct;
import io.meshwork.model.plan.Planner;
import io.meshwork.model.plan.TenantPlan;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What every step needs: the definitions, each tenant's storage, and where SQL runs. The same engine runs in-process
 * for {@code mesh run} and inside the Lambda handlers.
 */
public final class Engine implements AutoCloseable {

  private final Catalog catalog;
  private final Planner planner;
  private final Function<String, TenantStorage> storageFactory;
  private final Map<String, TenantStorage> storages = new ConcurrentHashMap<>();
  private final Map<String, TenantPlan> plans = new ConcurrentHashMap<>();
  private final ComputeEngine compute;
  private final Map<io.meshwork.model.definition.Engine, ComputeEngine> engines;
  private final Optional<String> servedTenant;

  /** An engine for every tenant of the catalogue, as {@code mesh} runs it. */
  public Engine(Catalog catalog, Function<String, TenantStorage> storageFactory, ComputeEngine compute) {
    this(catalog, storageFactory, compute, Optional.empty());
  }

  /** An engine for every tenant that computes with DuckDB in-process within {@code limits}. */
  public Engine(Catalog catalog, Function<String, TenantStorage> storageFactory, DuckDbSession.Limits limits) {
    this(catalog, storageFactory, new DuckDbCompute(limits), Optional.empty());
  }

  /** An engine serving {@code servedTenant} only, when present, that computes with DuckDB within {@code limits}. */
  public Engine(Catalog catalog, Function<String, TenantStorage> storageFactory, DuckDbSession.Limits limits,
      Optional<String> servedTenant) {
    this(catalog, storageFactory, new DuckDbCompute(limits), servedTenant);
  }

  /**
   * An engine that serves only {@code servedTenant} when present, as a function deployed in one tenant's account
   * does: requests for any other tenant fail as invalid.
   */
  public Engine(Catalog catalog, Function<String, TenantStorage> storageFactory, ComputeEngine compute,
      Optional<String> servedTenant) {
    this(catalog, storageFactory, compute, Map.of(), servedTenant);
  }

  /**
   * An engine whose products run on {@code compute} (DuckDB) unless their plan names another engine, which then
   * runs on {@code engines}' entry for it; everything else (checks, deliveries, usage) stays on {@code compute}.
   */
  public Engine(Catalog catalog, Function<String, TenantStorage> storageFactory, ComputeEngine compute,
      Map<io.meshwork.model.definition.Engine, ComputeEngine> engines, Optional<String> servedTenant) {
    this.catalog = catalog;
    this.planner = new Planner(catalog);
    this.storageFactory = storageFactory;
    this.compute = compute;
    this.engines = Map.copyOf(engines);
    this.servedTenant = servedTenant;
  }

  public Catalog catalog() {
    return catalog;
  }

  /** Where SQL runs. */
  public ComputeEngine compute() {
    return compute;
  }

  /**
   * Where {@code planned}'s transform runs: the engine its plan names ({@link #compute()} for DuckDB).
   *
   * @throws StepException if no engine is configured for it
   */
  public ComputeEngine compute(PlannedProduct planned) {
    if (planned.engine() == io.meshwork.model.definition.Engine.DUCKDB) {
      return compute;
    }
    ComputeEngine configured = engines.get(planned.engine());
    if (configured == null) {
      throw new StepException(StepException.Kind.INVALID_REQUEST, "Product " + planned.name() + " runs on engine "
          + planned.engine() + ", but no " + planned.engine() + " engine is configured here.");
    }
    return configured;
  }

  /** The engines configured besides DuckDB, by the engine they stand for. */
  public Map<io.meshwork.model.definition.Engine, ComputeEngine> engines() {
    return engines;
  }

  /** The one tenant this engine serves, if it was built for one (a function in that tenant's account). */
  public Optional<String> servedTenant() {
    return servedTenant;
  }

  /** The tenant's plan; throws {@link InvalidDefinitionException} for an unknown tenant. */
  public TenantPlan plan(String tenant) {
    requireServed(tenant);
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
    requireServed(tenant);
    return storages.computeIfAbsent(tenant, storageFactory);
  }

  private void requireServed(String tenant) {
    if (servedTenant.isPresent() && !servedTenant.get().equals(tenant)) {
      throw new StepException(StepException.Kind.INVALID_REQUEST, "This engine serves tenant " + servedTenant.get()
          + " only and refuses a request for tenant " + tenant + ": each tenant's functions run in that tenant's "
          + "own account. Send the request to tenant " + tenant + "'s state machine.");
    }
  }

  @Override
  public void close() throws java.io.IOException {
    for (TenantStorage storage : storages.values()) {
      storage.close();
    }
  }
}
