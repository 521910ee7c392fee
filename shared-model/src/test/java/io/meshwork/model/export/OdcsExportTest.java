package io.meshwork.model.export;

import static io.meshwork.model.export.DocumentPaths.at;
import static io.meshwork.model.export.DocumentPaths.entry;
import static io.meshwork.model.export.DocumentPaths.property;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ODCS contract of a tenant's product instance, field by field, on the shipped catalogue. */
class OdcsExportTest {

  @Test
  void theContractNamesTheTenantsInstanceOfTheMajorVersion() {
    Map<String, Object> contract = ShippedCatalogue.contract("lemanic", "loss_ratio");

    assertThat(contract).containsEntry("apiVersion", "v3.1.0").containsEntry("kind", "DataContract")
        .containsEntry("id", "lemanic-loss_ratio-v1-contract").containsEntry("name", "loss_ratio")
        .containsEntry("version", "1.1.1").containsEntry("status", "active").containsEntry("domain", "finance")
        .containsEntry("dataProduct", "loss_ratio").containsEntry("tenant", "lemanic")
        .containsEntry("tags", List.of("kpi", "finance", "controlling"))
        .containsEntry("team", Map.of("name", "controlling-team"));
    assertThat(contract.keySet()).containsExactly("apiVersion", "kind", "id", "name", "version", "status", "domain",
        "dataProduct", "tenant", "description", "tags", "schema", "slaProperties", "team", "roles", "servers",
        "customProperties");
    assertThat(at(contract, "description", "usage"))
        .isEqualTo("Controlling, budget follow-up and cantonal premium adequacy reviews.");
    assertThat(at(contract, "schema", 0, "name")).isEqualTo("loss_ratio");
    assertThat(at(contract, "schema", 0, "physicalName")).isEqualTo("finance.loss_ratio_v1");
    assertThat(at(contract, "schema", 0, "physicalType")).isEqualTo("table");
  }

  @Test
  void primaryKeyAndPartitionColumnsCarryTheirPositions() {
    Map<String, Object> contract = ShippedCatalogue.contract("alpina", "cost_per_insured");

    assertThat(List.of("year", "canton", "age_band", "insurance_model")).allSatisfy(column ->
        assertThat(property(contract, column)).containsEntry("primaryKey", true));
    assertThat(List.of("year", "canton", "age_band", "insurance_model").stream()
        .map(column -> property(contract, column).get("primaryKeyPosition")).toList())
        .isEqualTo(List.of(1, 2, 3, 4));
    assertThat(property(contract, "year")).containsEntry("partitioned", true).containsEntry("partitionKeyPosition", 1)
        .containsEntry("customProperties", List.of(Map.of("property", "partitionTransform", "value", "identity")));
    assertThat(property(contract, "canton")).doesNotContainKey("partitioned");
    assertThat(property(contract, "net_cost_per_insured_chf")).doesNotContainKeys("primaryKey",
        "primaryKeyPosition", "partitioned", "partitionKeyPosition");
  }

  @Test
  void aMonthPartitionAndASingleColumnUniqueRuleAreKept() {
    Map<String, Object> contract = ShippedCatalogue.contract("alpina", "claims_clean");

    assertThat(property(contract, "service_date")).containsEntry("logicalType", "date")
        .containsEntry("partitioned", true).containsEntry("partitionKeyPosition", 1)
        .containsEntry("customProperties", List.of(Map.of("property", "partitionTransform", "value", "month")));
    assertThat(property(contract, "claim_id")).containsEntry("unique", true).containsEntry("primaryKey", true)
        .containsEntry("primaryKeyPosition", 1);
    assertThat(property(contract, "claim_id").get("quality")).isEqualTo(List.of(
        Map.of("type", "library", "metric", "nullValues", "mustBe", 0, "dimension", "completeness",
            "severity", "error"),
        Map.of("type", "library", "metric", "duplicateValues", "mustBe", 0, "dimension", "uniqueness",
            "severity", "error")));
    assertThat(property(contract, "provider_canton").get("quality")).isEqualTo(List.of(
        Map.of("type", "library", "metric", "nullValues", "mustBe", 0, "dimension", "completeness",
            "severity", "warning")));
  }

  @Test
  void columnsKeepTheirClassificationAndTypes() {
    Map<String, Object> contract = ShippedCatalogue.contract("alpina", "loss_ratio");

    assertThat(property(contract, "year")).isEqualTo(Map.of(
        "name", "year",
        "logicalType", "integer",
        "logicalTypeOptions", Map.of("format", "i32"),
        "physicalType", "int",
        "description", "Calendar year (premium month and claim service date).",
        "required", true,
        "primaryKey", true,
        "primaryKeyPosition", 1,
        "classification", "public",
        "quality", List.of(Map.of("type", "library", "metric", "nullValues", "mustBe", 0, "dimension",
            "completeness", "severity", "error"))));
    assertThat(property(contract, "year").keySet()).containsExactly("name", "logicalType", "logicalTypeOptions",
        "physicalType", "description", "required", "primaryKey", "primaryKeyPosition", "classification", "quality");
    assertThat(property(contract, "canton")).containsEntry("logicalType", "string")
        .containsEntry("physicalType", "string").doesNotContainKey("logicalTypeOptions");
    assertThat(property(contract, "earned_premium_chf")).containsEntry("logicalType", "number")
        .containsEntry("physicalType", "decimal(18,2)").containsEntry("classification", "confidential")
        .doesNotContainKey("logicalTypeOptions");
    assertThat(property(contract, "loss_ratio")).containsEntry("required", false)
        .containsEntry("classification", "confidential");
    assertThat(property(ShippedCatalogue.contract("alpina", "claims_clean"), "insured_id"))
        .containsEntry("classification", "pii");
  }

  @Test
  void theSlaHasTheFreshnessAndTheTenantsOwnSchedule() {
    assertThat(at(ShippedCatalogue.contract("lemanic", "loss_ratio"), "slaProperties")).isEqualTo(List.of(
        Map.of("property", "latency", "value", 30L, "unit", "h",
            "description", "The newest published snapshot is at most 30 hours old (PT30H)."),
        Map.of("property", "frequency", "value", "cron(0 7 * * ? *)", "scheduler", "eventbridge-scheduler",
            "schedule", "cron(0 7 * * ? *)", "description", "Refreshed on the schedule cron(0 7 * * ? *) (Amazon "
                + "EventBridge Scheduler cron: minutes hours day-of-month month day-of-week year).")));
    assertThat(at(ShippedCatalogue.contract("alpina", "loss_ratio"), "slaProperties", 1, "value"))
        .isEqualTo("cron(0 5 * * ? *)");
  }

  @Test
  void eachAccessRuleIsAReadRoleWithItsClassificationsColumnsAndRowFilter() {
    Map<String, Object> contract = ShippedCatalogue.contract("alpina", "loss_ratio");

    assertThat(entry(contract, "role", "regional_analyst", "roles")).isEqualTo(Map.of(
        "role", "regional_analyst",
        "access", "read",
        "description", "Regional sales and network management; reads aggregated figures, restricted to the cantons "
            + "of the region they cover. Reads the columns classified public or internal, only on rows where canton "
            + "IN ('GE', 'VD', 'VS', 'NE', 'FR', 'JU').",
        "customProperties", List.of(
            Map.of("property", "classifications", "value", List.of("public", "internal")),
            Map.of("property", "columns", "value", List.of("year", "canton", "insured_years", "expense_ratio")),
            Map.of("property", "rowFilter", "value", "canton IN ('GE', 'VD', 'VS', 'NE', 'FR', 'JU')"))));
    assertThat(at(entry(contract, "role", "controller", "roles"), "description")).isEqualTo("Finance and "
        + "controlling; follows earned premiums, net claims, loss and combined ratios. Reads the columns classified "
        + "public, internal or confidential, on all rows.");
    assertThat(DocumentPaths.list(contract, "roles").stream().map(role -> ((Map<?, ?>) role).get("role")).toList())
        .isEqualTo(List.of("controller", "actuary", "pricing_analyst", "regional_analyst"));
  }

  @Test
  void serversAreTheLocalWarehouseTableAndTheTenantsGlueDatabase() {
    assertThat(at(ShippedCatalogue.contract("lemanic", "loss_ratio"), "servers")).isEqualTo(List.of(
        Map.of("server", "local", "type", "local", "description", "The Iceberg table finance.loss_ratio_v1 in the "
                + "tenant's local warehouse, as mesh run writes it.",
            "path", ".meshwork/tenants/lemanic/warehouse/finance/loss_ratio_v1", "format", "iceberg"),
        Map.of("server", "aws", "type", "glue", "description", "The Iceberg table finance.loss_ratio_v1 in the Glue "
                + "Data Catalog of the tenant's AWS account; query it with Athena (catalog AwsDataCatalog, database "
                + "finance) in eu-central-2.",
            "account", "111122223333", "database", "finance", "format", "iceberg",
            "customProperties", List.of(
                Map.of("property", "region", "value", "eu-central-2"),
                Map.of("property", "table", "value", "loss_ratio_v1"),
                Map.of("property", "athenaCatalog", "value", "AwsDataCatalog")))));
  }

  @Test
  void theLocalPathFollowsTheHomeAsWritten() {
    Map<String, Object> contract = OdcsExport.contract(ShippedCatalogue.planned("alpina", "kpi_summary"),
        ShippedCatalogue.tenant("alpina"), ShippedCatalogue.CATALOG.info(), "/srv/meshwork/");

    assertThat(at(contract, "servers", 0, "path"))
        .isEqualTo("/srv/meshwork/tenants/alpina/warehouse/finance/kpi_summary_v1");
  }

  @Test
  void customPropertiesCarryTheOriginAndTheTenantsParameters() {
    assertThat(at(ShippedCatalogue.contract("lemanic", "loss_ratio"), "customProperties")).isEqualTo(List.of(
        Map.of("property", "origin", "value", "managed"),
        Map.of("property", "parameters", "value", Map.of("expense_ratio", new BigDecimal("0.0800")))));
    assertThat(at(ShippedCatalogue.contract("rhenus", "claims_clean"), "customProperties", 0, "value"))
        .isEqualTo("overridden");
    assertThat(at(ShippedCatalogue.contract("rhenus", "telmed_savings"), "customProperties")).isEqualTo(List.of(
        Map.of("property", "origin", "value", "custom")));
  }
}
