package io.meshwork.model.export;

import io.meshwork.model.definition.AccessRule;
import io.meshwork.model.definition.CatalogInfo;
import io.meshwork.model.definition.Classification;
import io.meshwork.model.definition.Column;
import io.meshwork.model.definition.DataProduct;
import io.meshwork.model.definition.Description;
import io.meshwork.model.definition.Schedule;
import io.meshwork.model.definition.TableName;
import io.meshwork.model.definition.Tenant;
import io.meshwork.model.plan.PlannedProduct;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The Open Data Contract Standard (ODCS v3.1.0) contract of one product as a tenant receives it: the provider's
 * output contract (schema, quality, SLA, access roles) with the tenant's effective schedule and parameters and where
 * the tenant's table lives. Returned as an ordered map, ready for {@link YamlDocuments}.
 *
 * <p>Servers: {@code local} is the table in the tenant's local warehouse under the Meshwork home; {@code aws} is the
 * tenant's Glue database, which Athena reads through the catalog {@code AwsDataCatalog}. ODCS's {@code athena}
 * server type requires an Athena query result location ({@code stagingDir}), which the definitions do not know, so
 * the AWS table is described as a {@code glue} server instead, and only when the tenant's account id is known.
 */
public final class OdcsExport {

  public static final String API_VERSION = "v3.1.0";
  /** The catalog through which Athena reads the Glue Data Catalog of the account. */
  public static final String ATHENA_CATALOG = "AwsDataCatalog";

  private static final Map<String, String> UNIT_NAMES = Map.of("d", "day", "h", "hour", "min", "minute", "s",
      "second");

  private OdcsExport() {
  }

  /**
   * @param home the Meshwork home as the user wrote it (e.g. {@code .meshwork}); the local server's path is below it
   */
  public static Map<String, Object> contract(PlannedProduct planned, Tenant tenant, CatalogInfo catalog, String home) {
    Objects.requireNonNull(home, "home");
    DataProduct product = planned.product();
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("apiVersion", API_VERSION);
    document.put("kind", "DataContract");
    document.put("id", ExportIds.contractId(tenant.id(), product.name(), product.version()));
    document.put("name", product.name());
    document.put("version", product.version().toString());
    document.put("status", product.status().name().toLowerCase(Locale.ROOT));
    document.put("domain", product.domain());
    document.put("dataProduct", product.name());
    document.put("tenant", tenant.id());
    Map<String, Object> description = description(product.description());
    if (!description.isEmpty()) {
      document.put("description", description);
    }
    DocumentValues.putList(document, "tags", product.tags());
    document.put("schema", List.of(OdcsSchema.of(product)));
    DocumentValues.putList(document, "slaProperties", slaProperties(planned));
    document.put("team", Map.of("name", product.owner()));
    DocumentValues.putList(document, "roles", product.access().stream().map(rule -> role(rule, product, catalog))
        .toList());
    document.put("servers", servers(planned.tableName(), tenant, home, "mesh run"));
    List<Map<String, Object>> custom = new ArrayList<>();
    custom.add(DocumentValues.customProperty("origin", planned.origin().name().toLowerCase(Locale.ROOT)));
    if (!planned.parameters().isEmpty()) {
      custom.add(DocumentValues.customProperty("parameters", DocumentValues.parameters(planned.parameters())));
    }
    document.put("customProperties", custom);
    return document;
  }

  /** The description's purpose, limitations and usage, leaving out those not written. */
  static Map<String, Object> description(Description text) {
    Map<String, Object> description = new LinkedHashMap<>();
    DocumentValues.putText(description, "purpose", text.purpose());
    DocumentValues.putText(description, "limitations", text.limitations());
    DocumentValues.putText(description, "usage", text.usage());
    return description;
  }

  private static List<Map<String, Object>> slaProperties(PlannedProduct planned) {
    List<Map<String, Object>> properties = new ArrayList<>();
    planned.product().sla().freshness().ifPresent(freshness -> {
      Map<String, Object> latency = new LinkedHashMap<>();
      latency.put("property", "latency");
      putDuration(latency, freshness);
      long value = (Long) latency.get("value");
      latency.put("description", "The newest published snapshot is at most " + value + " "
          + UNIT_NAMES.get(latency.get("unit")) + (value == 1 ? "" : "s") + " old (" + freshness + ").");
      properties.add(latency);
    });
    planned.schedule().ifPresent(schedule -> properties.add(frequency(schedule)));
    return properties;
  }

  /** Whole days, hours, minutes or seconds, in the largest unit that states the duration exactly. */
  private static void putDuration(Map<String, Object> property, Duration duration) {
    long seconds = duration.toSeconds();
    if (seconds % 86_400 == 0) {
      property.put("value", seconds / 86_400);
      property.put("unit", "d");
    } else if (seconds % 3_600 == 0) {
      property.put("value", seconds / 3_600);
      property.put("unit", "h");
    } else if (seconds % 60 == 0) {
      property.put("value", seconds / 60);
      property.put("unit", "min");
    } else {
      property.put("value", seconds);
      property.put("unit", "s");
    }
  }

  /** The refresh schedule, an EventBridge Scheduler cron expression (six fields, not a Unix crontab line). */
  private static Map<String, Object> frequency(Schedule schedule) {
    Map<String, Object> frequency = new LinkedHashMap<>();
    frequency.put("property", "frequency");
    frequency.put("value", schedule.expression());
    frequency.put("scheduler", "eventbridge-scheduler");
    frequency.put("schedule", schedule.expression());
    frequency.put("description", "Refreshed on the schedule " + schedule.expression() + " (Amazon EventBridge "
        + "Scheduler cron: minutes hours day-of-month month day-of-week year).");
    return frequency;
  }

  private static Map<String, Object> role(AccessRule rule, DataProduct product, CatalogInfo catalog) {
    List<Classification> classifications = rule.classifications().stream().sorted().toList();
    List<String> labels = classifications.stream().map(Classification::label).toList();
    List<String> columns = product.contract().columns().stream()
        .filter(column -> rule.classifications().contains(column.classification())).map(Column::name).toList();
    StringBuilder description = new StringBuilder();
    catalog.role(rule.role()).map(CatalogInfo.Role::description).filter(text -> !text.isBlank())
        .ifPresent(text -> description.append(text.strip()).append(' '));
    description.append("Reads the columns classified ").append(alternatives(labels))
        .append(rule.rowFilter().map(filter -> ", only on rows where " + filter.expression()).orElse(", on all rows"))
        .append('.');
    Map<String, Object> role = new LinkedHashMap<>();
    role.put("role", rule.role());
    role.put("access", "read");
    role.put("description", description.toString());
    List<Map<String, Object>> custom = new ArrayList<>();
    custom.add(DocumentValues.customProperty("classifications", labels));
    custom.add(DocumentValues.customProperty("columns", columns));
    rule.rowFilter().ifPresent(filter -> custom.add(DocumentValues.customProperty("rowFilter", filter.expression())));
    role.put("customProperties", custom);
    return role;
  }

  /** "public", "public or internal", "public, internal or confidential". */
  private static String alternatives(List<String> labels) {
    return labels.size() < 2
        ? String.join("", labels)
        : String.join(", ", labels.subList(0, labels.size() - 1)) + " or " + labels.get(labels.size() - 1);
  }

  /**
   * Where the tenant's table lives: its local warehouse, and its Glue database when the account is known.
   * {@code writer} is the command that writes the local table, e.g. "mesh run".
   */
  static List<Map<String, Object>> servers(TableName table, Tenant tenant, String home, String writer) {
    Objects.requireNonNull(home, "home");
    List<Map<String, Object>> servers = new ArrayList<>();
    String root = home.endsWith("/") && home.length() > 1 ? home.substring(0, home.length() - 1) : home;
    Map<String, Object> local = new LinkedHashMap<>();
    local.put("server", "local");
    local.put("type", "local");
    local.put("description", "The Iceberg table " + table + " in the tenant's local warehouse, as " + writer
        + " writes it.");
    local.put("path", root + "/tenants/" + tenant.id() + "/warehouse/" + table.namespace() + "/" + table.table());
    local.put("format", "iceberg");
    servers.add(local);
    tenant.account().id().ifPresent(account -> {
      Map<String, Object> aws = new LinkedHashMap<>();
      aws.put("server", "aws");
      aws.put("type", "glue");
      aws.put("description", "The Iceberg table " + table + " in the Glue Data Catalog of the tenant's AWS account; "
          + "query it with Athena (catalog " + ATHENA_CATALOG + ", database " + table.namespace() + ") in "
          + tenant.account().region() + ".");
      aws.put("account", account);
      aws.put("database", table.namespace());
      aws.put("format", "iceberg");
      aws.put("customProperties", List.of(
          DocumentValues.customProperty("region", tenant.account().region()),
          DocumentValues.customProperty("table", table.table()),
          DocumentValues.customProperty("athenaCatalog", ATHENA_CATALOG)));
      servers.add(aws);
    });
    return servers;
  }
}
