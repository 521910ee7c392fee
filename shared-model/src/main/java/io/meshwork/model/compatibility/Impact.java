package io.meshwork.model.compatibility;

import io.meshwork.model.definition.DataProduct;
import io.meshwork.model.definition.VersionRange;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Who a breaking change without a major version bump would break, found by planning every tenant of the head
 * catalogue: the tenants that would receive the changed version, the custom products planned on it, and the
 * managed products whose input range accepts it (whether or not a tenant runs them yet, since their SQL must
 * change either way).
 */
public record Impact(List<ReceivingTenant> tenants, List<DataProduct> customProducts,
    List<DataProduct> managedProducts) {

  /** Nothing is affected, or nothing was asked: a compatible change or a major version bump. */
  public static final Impact NONE = new Impact(List.of(), List.of(), List.of());

  public Impact {
    tenants = List.copyOf(tenants);
    customProducts = List.copyOf(customProducts);
    managedProducts = List.copyOf(managedProducts);
  }

  public boolean isEmpty() {
    return tenants.isEmpty() && customProducts.isEmpty() && managedProducts.isEmpty();
  }

  /**
   * A tenant whose plan holds the changed version, and why.
   *
   * @param subscription the tenant's subscription to the product, if it subscribes to it directly
   * @param ownCustomProduct true if the changed product is the tenant's own custom product
   * @param readers the products of the tenant's plan that read the changed version
   */
  public record ReceivingTenant(String tenantId, Optional<VersionRange> subscription, boolean ownCustomProduct,
      List<DataProduct> readers) {

    public ReceivingTenant {
      Objects.requireNonNull(tenantId, "tenantId");
      Objects.requireNonNull(subscription, "subscription");
      readers = List.copyOf(readers);
    }
  }
}
