package io.meshwork.model.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.model.definition.Source;
import io.meshwork.model.definition.Tenant;
import io.meshwork.model.plan.PlannedProduct;
import io.meshwork.model.plan.Planner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every product instance of every tenant of the shipped catalogue exports to documents that the published ODCS
 * v3.1.0 and ODPS v1.0.0 JSON Schemas accept, as a consumer reads them: YAML text, parsed, as JSON.
 */
class ExportedDocumentsMatchTheStandardsTest {

  @Test
  void everyContractOfEveryTenantIsValidOdcs() {
    Map<String, List<String>> problems = new LinkedHashMap<>();
    int documents = 0;
    for (Tenant tenant : ShippedCatalogue.CATALOG.tenants()) {
      for (PlannedProduct product : new Planner(ShippedCatalogue.CATALOG).plan(tenant.id()).products()) {
        Map<String, Object> contract = OdcsExport.contract(product, tenant, ShippedCatalogue.CATALOG.info(),
            ".meshwork");
        documents++;
        collect(problems, tenant.id() + "/" + product.name(), StandardSchemas.ODCS.problems(contract));
      }
    }

    assertThat(documents).isEqualTo(9 + 4 + 7);
    assertThat(problems).as("ODCS schema errors by tenant/product").isEmpty();
  }

  @Test
  void everySourceContractOfEveryTenantIsValidOdcs() {
    Map<String, List<String>> problems = new LinkedHashMap<>();
    int documents = 0;
    for (Tenant tenant : ShippedCatalogue.CATALOG.tenants()) {
      for (Source source : new Planner(ShippedCatalogue.CATALOG).plan(tenant.id()).sources()) {
        Map<String, Object> contract = OdcsSourceExport.contract(source, tenant, ".meshwork");
        documents++;
        collect(problems, tenant.id() + "/" + source.name(), StandardSchemas.ODCS.problems(contract));
      }
    }

    assertThat(documents).isEqualTo(5 + 4 + 5);
    assertThat(problems).as("ODCS schema errors by tenant/source").isEmpty();
  }

  @Test
  void everyProductDescriptorOfEveryTenantIsValidOdps() {
    Map<String, List<String>> problems = new LinkedHashMap<>();
    int documents = 0;
    for (Tenant tenant : ShippedCatalogue.CATALOG.tenants()) {
      for (PlannedProduct product : new Planner(ShippedCatalogue.CATALOG).plan(tenant.id()).products()) {
        Map<String, Object> descriptor = OdpsExport.product(product, tenant, ShippedCatalogue.CATALOG.info());
        documents++;
        collect(problems, tenant.id() + "/" + product.name(), StandardSchemas.ODPS.problems(descriptor));
      }
    }

    assertThat(documents).isEqualTo(9 + 4 + 7);
    assertThat(problems).as("ODPS schema errors by tenant/product").isEmpty();
  }

  @Test
  void theValidationCatchesWhatTheStandardForbids() {
    // Guards the two tests above against passing vacuously (a schema that failed to load, a validator that ignores
    // conditional subschemas): an Athena server without its required stagingDir and a made-up logical type.
    Map<String, Object> contract = new LinkedHashMap<>(ShippedCatalogue.contract("alpina", "loss_ratio"));
    List<Object> servers = new ArrayList<>((List<?>) contract.get("servers"));
    servers.add(Map.of("server", "athena", "type", "athena", "schema", "finance"));
    contract.put("servers", servers);
    Map<String, Object> descriptor = new LinkedHashMap<>(ShippedCatalogue.descriptor("alpina", "loss_ratio"));
    descriptor.put("outputPorts", List.of(Map.of("name", "loss_ratio")));

    assertThat(StandardSchemas.ODCS.problems(contract)).anySatisfy(problem -> assertThat(problem)
        .contains("/servers/2").contains("stagingDir"));
    assertThat(StandardSchemas.ODPS.problems(descriptor)).anySatisfy(problem -> assertThat(problem)
        .contains("/outputPorts/0").contains("version"));
  }

  /** Keeps the schema's complaints about one document, if it has any. */
  private static void collect(Map<String, List<String>> problems, String document, List<String> found) {
    if (!found.isEmpty()) {
      problems.put(document, found);
    }
  }
}
