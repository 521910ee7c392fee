package io.meshwork.engine.freshness;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The freshness of a tenant's products at one moment: every planned product with a freshness SLA, in plan order.
 *
 * @param tenant the tenant
 * @param checkedAt when the ages were measured
 * @param products one entry per product with a freshness SLA
 */
public record FreshnessReport(String tenant, Instant checkedAt, List<ProductFreshness> products) {

  public FreshnessReport {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(checkedAt, "checkedAt");
    products = List.copyOf(products);
  }

  /** How many products breach their SLA. */
  public long breaches() {
    return products.stream().filter(ProductFreshness::breached).count();
  }
}
