package io.meshwork.cli;

import io.meshwork.model.definition.Catalog;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --tenant T} or {@code --all-tenants}: exactly one of the two (an exclusive argument group). */
final class TenantTarget {

  @Option(names = {"-t", "--tenant"}, paramLabel = "TENANT", description = "Tenant id.")
  String tenant;

  @Option(names = "--all-tenants", description = "Every tenant of the catalogue, one after another.")
  boolean allTenants;

  /** The tenants chosen, in catalogue order; an unknown tenant is invalid input. */
  List<String> tenants(Catalog catalog) {
    return allTenants ? catalog.tenantIds() : List.of(TenantOption.require(catalog, tenant));
  }
}
