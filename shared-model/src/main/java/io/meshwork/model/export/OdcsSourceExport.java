package io.meshwork.model.export;

import io.meshwork.model.definition.CsvFormat;
import io.meshwork.model.definition.Delivery;
import io.meshwork.model.definition.Source;
import io.meshwork.model.definition.Tenant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The ODCS v3.1.0 contract of a source as a tenant delivers it: the source's columns, key and quality rules, where
 * the tenant's table lives, and how deliveries must come (mode, key, formats, CSV spelling). Its id is the one the
 * input ports of {@link OdpsExport} point at. Sources have no owner, access roles or SLA of their own (the tenant
 * delivers them and only the pipeline reads them), so the contract has none.
 */
public final class OdcsSourceExport {

  private OdcsSourceExport() {
  }

  /**
   * @param home the Meshwork home as the user wrote it (e.g. {@code .meshwork}); the local server's path is below it
   */
  public static Map<String, Object> contract(Source source, Tenant tenant, String home) {
    Objects.requireNonNull(home, "home");
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("apiVersion", OdcsExport.API_VERSION);
    document.put("kind", "DataContract");
    document.put("id", ExportIds.contractId(tenant.id(), source.name(), source.version()));
    document.put("name", source.name());
    document.put("version", source.version().toString());
    document.put("status", "active");
    document.put("domain", source.domain());
    document.put("tenant", tenant.id());
    Map<String, Object> description = OdcsExport.description(source.description());
    if (!description.isEmpty()) {
      document.put("description", description);
    }
    document.put("schema", List.of(OdcsSchema.of(source)));
    document.put("servers", OdcsExport.servers(source.tableName(), tenant, home, "mesh ingest"));
    document.put("customProperties", List.of(
        DocumentValues.customProperty("origin", "source"),
        DocumentValues.customProperty("delivery", delivery(source.delivery()))));
    return document;
  }

  /** How a delivery must come, as the source definition's {@code delivery} block spells it. */
  private static Map<String, Object> delivery(Delivery delivery) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("mode", delivery.mode().text());
    DocumentValues.putList(values, "key", delivery.key());
    values.put("formats", Arrays.stream(Delivery.Format.values()).filter(delivery::accepts)
        .map(Delivery.Format::text).toList());
    if (delivery.accepts(Delivery.Format.CSV)) {
      CsvFormat csv = delivery.csv();
      Map<String, Object> csvValues = new LinkedHashMap<>();
      csvValues.put("delimiter", csv.delimiter());
      csvValues.put("quote", csv.quote());
      csvValues.put("header", csv.header());
      csvValues.put("encoding", csv.encoding());
      csvValues.put("decimalSeparator", csv.decimalSeparator());
      csvValues.put("dateFormat", csv.dateFormat());
      csvValues.put("timestampFormat", csv.timestampFormat());
      values.put("csv", csvValues);
    }
    return values;
  }
}
