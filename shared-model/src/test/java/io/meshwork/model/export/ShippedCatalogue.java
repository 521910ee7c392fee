package io.meshwork.model.export;

import io.meshwork.model.definition.Catalog;
import io.meshwork.model.definition.Tenant;
import io.meshwork.model.parse.CatalogLoader;
import io.meshwork.model.parse.DirectoryDefinitionFiles;
import io.meshwork.model.plan.PlannedProduct;
import io.meshwork.model.plan.Planner;
import java.nio.file.Path;
import java.util.Map;

/** The catalogue the project ships, loaded once, and the exported documents of its tenants' products. */
final class ShippedCatalogue {

  static final Catalog CATALOG = CatalogLoader.load(new DirectoryDefinitionFiles(
      Path.of("../product-definitions/catalog")));

  private ShippedCatalogue() {
  }

  static Tenant tenant(String id) {
    return CATALOG.tenant(id).orElseThrow();
  }

  static PlannedProduct planned(String tenantId, String product) {
    return new Planner(CATALOG).plan(tenantId).product(product).orElseThrow();
  }

  static Map<String, Object> contract(String tenantId, String product) {
    return OdcsExport.contract(planned(tenantId, product), tenant(tenantId), CATALOG.info(), ".meshwork");
  }

  static Map<String, Object> sourceContract(String tenantId, String source) {
    return OdcsSourceExport.contract(CATALOG.source(source).orElseThrow(), tenant(tenantId), ".meshwork");
  }

  static Map<String, Object> descriptor(String tenantId, String product) {
    return OdpsExport.product(planned(tenantId, product), tenant(tenantId), CATALOG.info());
  }
}
