package io.meshwork.model.pricing;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What one product (or source) of a tenant used in a month, as exact quantities: GB-seconds of compute (function
 * memory in GB of 1024 MB times seconds), GB-months stored (GB of 2^30 bytes), TB scanned (2^40 bytes), and whether
 * the tenant subscribes to it (then the fixed subscription price applies).
 */
public record ProductUsage(String tenant, String product, BigDecimal gbSeconds, BigDecimal gbMonths,
    BigDecimal tbScanned, boolean subscribed) {

  public ProductUsage {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(product, "product");
    for (BigDecimal quantity : new BigDecimal[] {gbSeconds, gbMonths, tbScanned}) {
      if (Objects.requireNonNull(quantity, "quantity").signum() < 0) {
        throw new IllegalArgumentException("The usage of " + product + " for tenant " + tenant
            + " has a negative quantity: " + quantity.toPlainString() + ".");
      }
    }
  }
}
