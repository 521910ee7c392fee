package io.meshwork.model.export;

import io.meshwork.model.definition.CatalogInfo;
import io.meshwork.model.definition.DataProduct;
import io.meshwork.model.definition.Tenant;
import io.meshwork.model.plan.PlannedProduct;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Open Data Product Standard (ODPS v1.0.0) descriptor of one product as a tenant receives it: one input port per
 * resolved input (an upstream product or a source the tenant delivers, each pointing at its contract for that
 * tenant), one output port, the product's table, pointing at the ODCS contract {@link OdcsExport} writes, and how
 * this instance is produced (origin, parameters, schedule, definition fingerprint) as custom properties.
 */
public final class OdpsExport {

  public static final String API_VERSION = "v1.0.0";

  private OdpsExport() {
  }

  public static Map<String, Object> product(PlannedProduct planned, Tenant tenant, CatalogInfo catalog) {
    DataProduct product = planned.product();
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("apiVersion", API_VERSION);
    document.put("kind", "DataProduct");
    document.put("id", ExportIds.productId(tenant.id(), product.name(), product.version()));
    document.put("name", product.name());
    document.put("version", product.version().toString());
    document.put("status", product.status().name().toLowerCase(Locale.ROOT));
    document.put("domain", product.domain());
    document.put("tenant", tenant.id());
    Map<String, Object> description = OdcsExport.description(product.description());
    if (!description.isEmpty()) {
      document.put("description", description);
    }
    DocumentValues.putList(document, "tags", product.tags());
    DocumentValues.putList(document, "inputPorts", planned.inputs().stream().map(input -> inputPort(input, tenant))
        .toList());
    document.put("outputPorts", List.of(outputPort(planned, tenant)));
    document.put("team", Map.of("name", product.owner()));
    document.put("customProperties", customProperties(planned, tenant, catalog));
    return document;
  }

  private static Map<String, Object> inputPort(PlannedProduct.ResolvedInput input, Tenant tenant) {
    Map<String, Object> port = new LinkedHashMap<>();
    port.put("name", input.name());
    port.put("version", input.version().toString());
    port.put("contractId", ExportIds.contractId(tenant.id(), input.name(), input.version()));
    port.put("customProperties", List.of(
        DocumentValues.customProperty("inputKind", input.isSource() ? "source" : "product"),
        DocumentValues.customProperty("table", input.tableName().toString())));
    return port;
  }

  private static Map<String, Object> outputPort(PlannedProduct planned, Tenant tenant) {
    Map<String, Object> port = new LinkedHashMap<>();
    port.put("name", planned.name());
    port.put("description", "The Iceberg table " + planned.tableName() + ", refreshed with write-audit-publish.");
    port.put("type", "tables");
    port.put("version", planned.version().toString());
    port.put("contractId", ExportIds.contractId(tenant.id(), planned.name(), planned.version()));
    port.put("customProperties", List.of(DocumentValues.customProperty("table", planned.tableName().toString())));
    return port;
  }

  private static List<Map<String, Object>> customProperties(PlannedProduct planned, Tenant tenant,
      CatalogInfo catalog) {
    List<Map<String, Object>> custom = new ArrayList<>();
    custom.add(DocumentValues.customProperty("catalog", catalog.name()));
    custom.add(DocumentValues.customProperty("origin", planned.origin().name().toLowerCase(Locale.ROOT)));
    if (planned.origin() == PlannedProduct.Origin.OVERRIDDEN) {
      tenant.overrides().stream().filter(override -> override.product().equals(planned.name())).findFirst()
          .map(Tenant.Override::reason).filter(reason -> !reason.isBlank())
          .ifPresent(reason -> custom.add(DocumentValues.customProperty("overrideReason", reason.strip())));
    }
    if (!planned.parameters().isEmpty()) {
      custom.add(DocumentValues.customProperty("parameters", DocumentValues.parameters(planned.parameters())));
    }
    planned.schedule().ifPresent(schedule -> custom.add(DocumentValues.customProperty("schedule",
        schedule.expression())));
    custom.add(DocumentValues.customProperty("fingerprint", planned.fingerprint()));
    return custom;
  }
}
