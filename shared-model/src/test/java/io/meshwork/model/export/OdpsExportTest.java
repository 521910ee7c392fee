package io.meshwork.model.export;

import static io.meshwork.model.export.DocumentPaths.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ODPS descriptor of a tenant's product instance, on the shipped catalogue. */
class OdpsExportTest {

  @Test
  void theDescriptorNamesTheTenantsInstance() {
    Map<String, Object> descriptor = ShippedCatalogue.descriptor("lemanic", "loss_ratio");

    assertThat(descriptor.keySet()).containsExactly("apiVersion", "kind", "id", "name", "version", "status", "domain",
        "tenant", "description", "tags", "inputPorts", "outputPorts", "team", "customProperties");
    assertThat(descriptor).containsEntry("apiVersion", "v1.0.0").containsEntry("kind", "DataProduct")
        .containsEntry("id", "lemanic-loss_ratio-v1").containsEntry("version", "1.1.1")
        .containsEntry("status", "active").containsEntry("domain", "finance").containsEntry("tenant", "lemanic")
        .containsEntry("team", Map.of("name", "controlling-team"));
  }

  @Test
  void inputPortsAreTheResolvedInputsWithTheirContractsForTheTenant() {
    assertThat(at(ShippedCatalogue.descriptor("lemanic", "loss_ratio"), "inputPorts")).isEqualTo(List.of(
        port("premiums", "2.0.0", "lemanic-premiums-v2-contract", "source", "sources.premiums_v2"),
        port("claims_clean", "1.1.0", "lemanic-claims_clean-v1-contract", "product", "claims.claims_clean_v1"),
        port("insured_months", "1.0.1", "lemanic-insured_months-v1-contract", "product",
            "membership.insured_months_v1")));
    assertThat(at(ShippedCatalogue.descriptor("rhenus", "telmed_savings"), "inputPorts")).isEqualTo(List.of(
        port("cost_per_insured", "1.2.1", "rhenus-cost_per_insured-v1-contract", "product",
            "finance.cost_per_insured_v1")));
  }

  @Test
  void theOutputPortPointsAtTheProductsOdcsContract() {
    Map<String, Object> descriptor = ShippedCatalogue.descriptor("alpina", "kpi_summary");

    assertThat(at(descriptor, "outputPorts")).isEqualTo(List.of(Map.of(
        "name", "kpi_summary",
        "description", "The Iceberg table finance.kpi_summary_v1, refreshed with write-audit-publish.",
        "type", "tables",
        "version", "1.0.1",
        "contractId", "alpina-kpi_summary-v1-contract",
        "customProperties", List.of(Map.of("property", "table", "value", "finance.kpi_summary_v1")))));
    assertThat(at(descriptor, "outputPorts", 0, "contractId"))
        .isEqualTo(ShippedCatalogue.contract("alpina", "kpi_summary").get("id"));
  }

  @Test
  void customPropertiesTellHowThisInstanceIsProduced() {
    Map<String, Object> overridden = ShippedCatalogue.descriptor("rhenus", "claims_clean");

    assertThat(at(overridden, "customProperties")).isEqualTo(List.of(
        Map.of("property", "catalog", "value", "swiss-health-analytics"),
        Map.of("property", "origin", "value", "overridden"),
        Map.of("property", "overrideReason", "value", "Physiotherapy lines under CHF 30 are material and report "
            + "surcharges that Rhenus settles outside the physiotherapy tariff; they are excluded from cost and "
            + "reserving figures."),
        Map.of("property", "parameters", "value", Map.of("min_amount_chf", new BigDecimal("0.00"))),
        Map.of("property", "schedule", "value", "cron(0 3 * * ? *)"),
        Map.of("property", "fingerprint", "value",
            ShippedCatalogue.planned("rhenus", "claims_clean").fingerprint())));
    assertThat(at(ShippedCatalogue.descriptor("rhenus", "telmed_savings"), "customProperties", 1, "value"))
        .isEqualTo("custom");
    assertThat(at(ShippedCatalogue.descriptor("lemanic", "loss_ratio"), "customProperties", 3))
        .isEqualTo(Map.of("property", "schedule", "value", "cron(0 7 * * ? *)"));
  }

  private static Map<String, Object> port(String name, String version, String contractId, String kind,
      String table) {
    return Map.of("name", name, "version", version, "contractId", contractId, "customProperties", List.of(
        Map.of("property", "inputKind", "value", kind),
        Map.of("property", "table", "value", table)));
  }
}
