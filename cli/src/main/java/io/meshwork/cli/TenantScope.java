package io.meshwork.cli;

import io.meshwork.engine.pipeline.Engine;
import io.meshwork.model.definition.Catalog;
import picocli.CommandLine.Mixin;

/**
 * What a command on one tenant needs: the catalogue ({@code --definitions}), the home ({@code --home}) and the
 * tenant ({@code --tenant}), loaded and checked once.
 */
final class TenantScope {

  @Mixin
  CatalogOption catalogOption;

  @Mixin
  HomeOption homeOption;

  @Mixin
  TenantOption tenantOption;

  private Catalog catalog;

  /** The validated catalogue; loaded on first use. */
  Catalog catalog() {
    if (catalog == null) {
      catalog = catalogOption.load();
    }
    return catalog;
  }

  /** The tenant id, after checking that the catalogue defines it. */
  String tenant() {
    return tenantOption.require(catalog());
  }

  /** An engine over the local storage under the home directory; the caller closes it. */
  Engine engine() {
    return homeOption.engine(catalog());
  }
}
