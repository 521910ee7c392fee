package io.meshwork.model.export;

import static io.meshwork.model.export.DocumentPaths.at;
import static io.meshwork.model.export.DocumentPaths.property;
import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.model.definition.Tenant;
import io.meshwork.model.plan.PlannedProduct;
import io.meshwork.model.plan.Planner;
import io.meshwork.model.plan.TenantPlan;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The ODCS contract of a source as a tenant delivers it, on the shipped catalogue. */
class OdcsSourceExportTest {

  @Test
  void theContractNamesTheTenantsSourceOfTheMajorVersion_withoutProductOnlyFields() {
    Map<String, Object> contract = ShippedCatalogue.sourceContract("alpina", "premiums");

    assertThat(contract.keySet()).containsExactly("apiVersion", "kind", "id", "name", "version", "status", "domain",
        "tenant", "description", "schema", "servers", "customProperties");
    assertThat(contract).containsEntry("apiVersion", "v3.1.0").containsEntry("kind", "DataContract")
        .containsEntry("id", "alpina-premiums-v2-contract").containsEntry("name", "premiums")
        .containsEntry("version", "2.0.0").containsEntry("status", "active").containsEntry("domain", "sources")
        .containsEntry("tenant", "alpina");
    assertThat(at(contract, "description", "purpose"))
        .isEqualTo("Monthly basic-insurance premiums charged per insured person (earned premium).");
    assertThat(at(contract, "schema", 0, "physicalName")).isEqualTo("sources.premiums_v2");
  }

  @Test
  void columnsKeyAndQualityRulesComeFromTheSourceDefinition() {
    Map<String, Object> contract = ShippedCatalogue.sourceContract("alpina", "claims");

    assertThat(property(contract, "claim_id")).containsEntry("required", true).containsEntry("primaryKey", true)
        .containsEntry("primaryKeyPosition", 1).containsEntry("classification", "internal");
    assertThat(property(contract, "booking_date")).containsEntry("logicalType", "date")
        .containsEntry("primaryKeyPosition", 2);
    assertThat(property(contract, "insured_id")).containsEntry("required", false)
        .containsEntry("classification", "pii");
    assertThat(property(contract, "amount_chf")).containsEntry("physicalType", "decimal(12,2)")
        .containsEntry("logicalType", "number");
    assertThat(at(property(contract, "insured_id"), "quality")).isEqualTo(List.of(Map.of("type", "library",
        "dimension", "completeness", "metric", "nullValues", "mustBe", 0, "severity", "warning", "description",
        "Unmatched invoices are delivered, and dropped by claims_clean; many of them mean a matching problem.")));
  }

  @Test
  void theDeliveryOptionsAndTheTablesWriterAreStated() {
    Map<String, Object> contract = ShippedCatalogue.sourceContract("alpina", "claims");

    assertThat(at(contract, "customProperties")).isEqualTo(List.of(
        Map.of("property", "origin", "value", "source"),
        Map.of("property", "delivery", "value", Map.of("mode", "replace", "formats", List.of("csv", "parquet"),
            "csv", Map.of("delimiter", ";", "quote", "\"", "header", true, "encoding", "utf-8",
                "decimalSeparator", ".", "dateFormat", "%d.%m.%Y", "timestampFormat", "%Y-%m-%d %H:%M:%S")))));
    assertThat(at(ShippedCatalogue.sourceContract("alpina", "premiums"), "customProperties", 1, "value", "key"))
        .isEqualTo(List.of("premium_month"));
    assertThat(at(contract, "servers", 0)).isEqualTo(Map.of("server", "local", "type", "local", "description",
        "The Iceberg table sources.claims_v2 in the tenant's local warehouse, as mesh ingest writes it.",
        "path", ".meshwork/tenants/alpina/warehouse/sources/claims_v2", "format", "iceberg"));
  }

  @Test
  void everyInputPortOfEveryDescriptorPointsAtAContractTheExportWrites() {
    Set<String> pointedAt = new TreeSet<>();
    Set<String> written = new TreeSet<>();
    for (Tenant tenant : ShippedCatalogue.CATALOG.tenants()) {
      TenantPlan plan = new Planner(ShippedCatalogue.CATALOG).plan(tenant.id());
      for (PlannedProduct product : plan.products()) {
        written.add((String) OdcsExport.contract(product, tenant, ShippedCatalogue.CATALOG.info(), ".meshwork")
            .get("id"));
        DocumentPaths.list(OdpsExport.product(product, tenant, ShippedCatalogue.CATALOG.info()), "inputPorts")
            .forEach(port -> pointedAt.add((String) ((Map<?, ?>) port).get("contractId")));
      }
      plan.sources().forEach(source -> written.add((String) OdcsSourceExport.contract(source, tenant, ".meshwork")
          .get("id")));
    }

    assertThat(pointedAt).contains("alpina-premiums-v2-contract", "lemanic-claims-v2-contract");
    assertThat(written).containsAll(pointedAt);
  }
}
