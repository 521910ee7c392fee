package io.meshwork.cli.catalog;

import io.meshwork.model.definition.Catalog;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What every page is built from: the catalogue, the page heading, the glossary links, the catalogue's history,
 * and either a tenant's context (tenant view) or which tenants receive each product (provider view).
 */
record SiteContext(Catalog catalog, Page.SiteHeading heading, GlossaryLinks glossary, CatalogHistory history,
    Optional<TenantContext> tenant, Map<String, List<String>> subscribers) {

  SiteContext {
    subscribers = Map.copyOf(subscribers);
  }

  boolean providerView() {
    return tenant.isEmpty();
  }
}
