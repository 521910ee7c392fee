package io.meshwork.cli;

import io.meshwork.model.definition.Catalog;
import io.meshwork.model.definition.Suggestions;

/** Checks a tenant id given on the command line. */
final class Tenants {

  private Tenants() {
  }

  static String require(Catalog catalog, String tenant) {
    if (catalog.tenant(tenant).isEmpty()) {
      throw new UserInputException("Unknown tenant '" + tenant + "'." + Suggestions.didYouMean(tenant,
          catalog.tenantIds()) + " Tenants are " + String.join(", ", catalog.tenantIds()) + ".");
    }
    return tenant;
  }
}
