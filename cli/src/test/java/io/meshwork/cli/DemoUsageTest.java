package io.meshwork.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.model.definition.Catalog;
import io.meshwork.model.plan.PlannedProduct;
import io.meshwork.model.plan.Planner;
import io.meshwork.model.plan.TenantPlan;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mesh usage} after {@code mesh demo} on the shipped catalogue at a small scale, and a few queries. */
class DemoUsageTest {

  private static final String CATALOGUE = "../product-definitions/catalog";

  @TempDir
  Path home;

  @Test
  void everyTenantsProductsAndSourcesHaveAnInvoiceLine_withNonZeroComputeAndStorage() {
    assertThat(mesh("demo", "--scale", "150").exitCode()).isZero();
    assertThat(mesh("query", "--tenant", "alpina", "SELECT count(*) FROM loss_ratio").exitCode()).isZero();
    assertThat(mesh("query", "--tenant", "rhenus", "SELECT * FROM telmed_savings").exitCode()).isZero();

    MeshRun usage = mesh("usage", "--all-tenants", "--format", "csv", "--measure-storage");

    assertThat(usage.exitCode()).as(usage.err()).isZero();
    Catalog catalog = CatalogOption.load(CATALOGUE);
    List<String> expected = new ArrayList<>();
    for (String tenant : catalog.tenantIds()) {
      TenantPlan plan = new Planner(catalog).plan(tenant);
      Stream.concat(plan.products().stream().map(PlannedProduct::name), plan.sources().stream().map(s -> s.name()))
          .sorted().forEach(name -> expected.add(tenant + ":" + name));
    }
    List<String[]> lines = usage.out().lines().skip(1).map(line -> line.split(",")).toList();
    assertThat(lines).extracting(fields -> fields[1] + ":" + fields[2]).containsExactlyElementsOf(expected);
    for (String[] fields : lines) {
      assertThat(new BigDecimal(fields[3])).as(fields[1] + " " + fields[2] + " GB-seconds").isPositive();
      assertThat(new BigDecimal(fields[6])).as(fields[1] + " " + fields[2] + " GB-months").isPositive();
      boolean queried = (fields[1] + ":" + fields[2]).matches("alpina:loss_ratio|rhenus:telmed_savings");
      assertThat(new BigDecimal(fields[9]).signum()).as(fields[1] + " " + fields[2] + " TB scanned")
          .isEqualTo(queried ? 1 : 0);
    }
    MeshRun unused = mesh("usage", "--tenant", "alpina", "--unused", "--format", "csv");
    assertThat(unused.out()).contains(",alpina,claims_clean\n").doesNotContain(",alpina,loss_ratio\n");
  }

  private MeshRun mesh(String... arguments) {
    List<String> all = new ArrayList<>(List.of(arguments));
    all.addAll(List.of("--definitions", CATALOGUE, "--home", home.toString()));
    return MeshRun.of(all.toArray(String[]::new));
  }
}
