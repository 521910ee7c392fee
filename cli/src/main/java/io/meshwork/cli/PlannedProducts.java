package io.meshwork.cli;

import io.meshwork.model.plan.PlannedProduct;
import io.meshwork.model.plan.TenantPlan;

/** Checks a product name given on the command line against what a tenant receives. */
final class PlannedProducts {

  private PlannedProducts() {
  }

  static PlannedProduct require(TenantPlan plan, String product) {
    return plan.product(product).orElseThrow(() -> new UserInputException("Tenant " + plan.tenantId()
        + " does not receive product '" + product + "'. It receives: " + String.join(", ",
        plan.products().stream().map(PlannedProduct::name).toList()) + "."));
  }
}
