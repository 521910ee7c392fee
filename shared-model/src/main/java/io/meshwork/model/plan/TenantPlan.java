package io.meshwork.model.plan;

import io.meshwork.model.definition.Source;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What runs for one tenant: the closure of its subscriptions and custom products, in waves whose products depend
 * only on earlier waves and so can run in parallel, plus the sources the tenant must deliver.
 */
public record TenantPlan(String tenantId, List<List<PlannedProduct>> waves, List<Source> sources) {

  public TenantPlan {
    Objects.requireNonNull(tenantId, "tenantId");
    waves = waves.stream().map(List::copyOf).toList();
    sources = List.copyOf(sources);
  }

  /** Every planned product, wave by wave. */
  public List<PlannedProduct> products() {
    return waves.stream().flatMap(List::stream).toList();
  }

  public Optional<PlannedProduct> product(String name) {
    return products().stream().filter(product -> product.name().equals(name)).findFirst();
  }
}
