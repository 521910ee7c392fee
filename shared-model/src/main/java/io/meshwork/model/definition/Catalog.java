package io.meshwork.model.definition;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every definition of a catalogue: its roles, sources, product versions and tenants, indexed by name. Instances
 * returned by the loader have passed validation, so lookups by the names they contain always succeed.
 */
public final class Catalog {

  private final CatalogInfo info;
  private final List<Source> sources;
  private final List<DataProduct> products;
  private final List<Tenant> tenants;
  private final Set<String> declaredNames;
  private final Map<String, Source> sourcesByName;
  private final Map<String, List<DataProduct>> versionsByName;
  private final Map<String, Tenant> tenantsById;
  private final Map<String, List<DataProduct>> customProductsByTenant;

  /**
   * @param declaredNames every name a definition declared, including those of definitions that failed to parse, so
   *     that references to them are not reported as unknown on top of the real problem
   */
  public Catalog(CatalogInfo info, List<Source> sources, List<DataProduct> products, List<Tenant> tenants,
      Set<String> declaredNames) {
    this.info = Objects.requireNonNull(info, "info");
    this.sources = List.copyOf(sources);
    this.products = List.copyOf(products);
    this.tenants = List.copyOf(tenants);
    this.declaredNames = Set.copyOf(declaredNames);
    this.sourcesByName = this.sources.stream()
        .collect(Collectors.toMap(Source::name, source -> source, (first, second) -> first, LinkedHashMap::new));
    this.versionsByName = this.products.stream()
        .sorted(Comparator.comparing(DataProduct::version))
        .collect(Collectors.groupingBy(DataProduct::name, LinkedHashMap::new, Collectors.toUnmodifiableList()));
    this.tenantsById = this.tenants.stream()
        .collect(Collectors.toMap(Tenant::id, tenant -> tenant, (first, second) -> first, LinkedHashMap::new));
    this.customProductsByTenant = this.products.stream().filter(DataProduct::isCustom)
        .collect(Collectors.groupingBy(product -> product.tenant().orElseThrow(), Collectors.toUnmodifiableList()));
  }

  public CatalogInfo info() {
    return info;
  }

  public List<Source> sources() {
    return sources;
  }

  /** Every product version, managed and custom, in the order the files were read. */
  public List<DataProduct> products() {
    return products;
  }

  public List<Tenant> tenants() {
    return tenants;
  }

  public Set<String> declaredNames() {
    return declaredNames;
  }

  public Optional<Source> source(String name) {
    return Optional.ofNullable(sourcesByName.get(name));
  }

  /** Every version of the product called {@code name}, oldest first. */
  public List<DataProduct> productVersions(String name) {
    return versionsByName.getOrDefault(name, List.of());
  }

  /** The highest version of product {@code name} within {@code range}. */
  public Optional<DataProduct> product(String name, VersionRange range) {
    List<DataProduct> versions = productVersions(name);
    for (int i = versions.size() - 1; i >= 0; i--) {
      if (range.contains(versions.get(i).version())) {
        return Optional.of(versions.get(i));
      }
    }
    return Optional.empty();
  }

  public Optional<Tenant> tenant(String id) {
    return Optional.ofNullable(tenantsById.get(id));
  }

  /** The custom products of tenant {@code id}. */
  public List<DataProduct> customProducts(String id) {
    return customProductsByTenant.getOrDefault(id, List.of());
  }

  public List<String> tenantIds() {
    return tenants.stream().map(Tenant::id).toList();
  }
}
