package io.meshwork.model.definition;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Every definition of a catalogue: its roles, sources, product versions and tenants. Instances returned by the
 * loader have passed validation, so lookups by the names they contain always succeed.
 */
public record Catalog(CatalogInfo info, List<Source> sources, List<DataProduct> products, List<Tenant> tenants,
    Set<String> declaredNames) {

  public Catalog {
    Objects.requireNonNull(info, "info");
    sources = List.copyOf(sources);
    products = List.copyOf(products);
    tenants = List.copyOf(tenants);
    declaredNames = Set.copyOf(declaredNames);
  }

  public Optional<Source> source(String name) {
    return sources.stream().filter(source -> source.name().equals(name)).findFirst();
  }

  /** Every version of the product called {@code name}, oldest first. */
  public List<DataProduct> productVersions(String name) {
    return products.stream().filter(product -> product.name().equals(name))
        .sorted(Comparator.comparing(DataProduct::version)).toList();
  }

  /** The highest version of product {@code name} within {@code range}. */
  public Optional<DataProduct> product(String name, VersionRange range) {
    return productVersions(name).stream().filter(product -> range.contains(product.version()))
        .max(Comparator.comparing(DataProduct::version));
  }

  public Optional<Tenant> tenant(String id) {
    return tenants.stream().filter(tenant -> tenant.id().equals(id)).findFirst();
  }

  /** The custom products of tenant {@code id}. */
  public List<DataProduct> customProducts(String id) {
    return products.stream().filter(product -> product.tenant().filter(id::equals).isPresent()).toList();
  }

  public List<String> tenantIds() {
    return tenants.stream().map(Tenant::id).toList();
  }
}
