package io.meshwork.cli;

import io.meshwork.model.definition.Catalog;
import io.meshwork.model.definition.Suggestions;
import picocli.CommandLine.Option;

/** The required {@code --tenant} option of the commands that work on one tenant. */
final class TenantOption {

  @Option(names = {"-t", "--tenant"}, required = true, paramLabel = "TENANT", description = "Tenant id.")
  String tenant;

  /** The tenant id, after checking that the catalogue defines it. */
  String require(Catalog catalog) {
    return require(catalog, tenant);
  }

  static String require(Catalog catalog, String tenant) {
    if (catalog.tenant(tenant).isEmpty()) {
      throw new UserInputException("Unknown tenant '" + tenant + "'." + Suggestions.didYouMean(tenant,
          catalog.tenantIds()) + " Tenants are " + String.join(", ", catalog.tenantIds()) + ".");
    }
    return tenant;
  }
}
