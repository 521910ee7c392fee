package io.meshwork.model.annotation;

import io.meshwork.model.definition.Location;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A tenant's own metadata on the products it receives (a {@code kind: Annotations} file the tenant owns): shown
 * on the catalogue site and exported as custom properties of the ODCS contract and the ODPS descriptor.
 */
public record TenantAnnotations(String tenant, List<ProductAnnotation> products, Location location) {

  public TenantAnnotations {
    Objects.requireNonNull(tenant, "tenant");
    products = List.copyOf(products);
    Objects.requireNonNull(location, "location");
  }

  /** No annotations for {@code tenant}. */
  public static TenantAnnotations none(String tenant) {
    return new TenantAnnotations(tenant, List.of(), Location.of("(none)"));
  }

  public Optional<ProductAnnotation> product(String name) {
    return products.stream().filter(annotation -> annotation.product().equals(name)).findFirst();
  }
}
