package io.meshwork.model.plan;

import io.meshwork.model.definition.Catalog;
import io.meshwork.model.definition.DataProduct;
import io.meshwork.model.definition.InvalidDefinitionException;
import io.meshwork.model.definition.Location;
import io.meshwork.model.definition.Problems;
import io.meshwork.model.definition.Tenant;
import java.util.List;

/**
 * Plans tenants of a validated catalogue. Planning is a pure function of the definitions: the CLI, the Plan
 * function on AWS and the CDK app all call this.
 */
public final class Planner {

  private final Catalog catalog;

  public Planner(Catalog catalog) {
    this.catalog = catalog;
  }

  /** The plan of tenant {@code tenantId}; throws {@link InvalidDefinitionException} if it cannot be planned. */
  public TenantPlan plan(String tenantId) {
    Tenant tenant = catalog.tenant(tenantId).orElseThrow(() -> new InvalidDefinitionException(List.of(
        new io.meshwork.model.definition.Diagnostic(Location.of("tenants"), "Unknown tenant '" + tenantId + "'."
            + io.meshwork.model.definition.Suggestions.didYouMean(tenantId, catalog.tenantIds()) + " Tenants are "
            + String.join(", ", catalog.tenantIds()) + "."))));
    Problems problems = new Problems();
    TenantPlan plan = plan(tenant, problems);
    problems.throwIfAny();
    return plan;
  }

  /** Plans {@code tenant}, recording what prevents it in {@code problems}; the plan then holds what could be planned. */
  public TenantPlan plan(Tenant tenant, Problems problems) {
    return new TenantPlanning(catalog, tenant, problems).run();
  }

  /** True if {@code product} may be resolved for {@code tenant}: managed, or the tenant's own. */
  static boolean visibleTo(DataProduct product, Tenant tenant) {
    return product.tenant().map(tenant.id()::equals).orElse(true);
  }
}
