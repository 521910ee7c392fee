package io.meshwork.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meshwork.engine.pipeline.Engine;
import io.meshwork.engine.storage.ProductTables;
import io.meshwork.engine.usage.SnapshotSizes;
import io.meshwork.model.definition.Catalog;
import io.meshwork.model.definition.TableName;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mesh usage} after real runs and queries on the small test catalogue (tenant helvetia). */
class UsageCommandTest {

  private static final String PRICES = """
      apiVersion: meshwork.io/v1
      kind: PriceSheet
      currency: CHF
      computePerGbSecond: 0
      storagePerGbMonth: 0
      scanPerTb: 0
      marginPercent: 10
      assumedMemoryMb: 1024
      subscriptionPerMonth: 100.00
      subscriptions:
        cost_by_canton: 250.50
      """;

  @TempDir
  Path home;

  @BeforeEach
  void deliverClaims() throws Exception {
    new HelvetiaHome(home).deliverClaims("('c1', 'ZH', 120.50), ('c2', 'ZH', 80.00), ('c4', 'BE', 300.00)");
  }

  @Test
  void invoiceCsvHasOneLinePerTenantAndProduct_withNonZeroQuantities() throws Exception {
    mesh("run", "--all-tenants", "--run-id", "r1");
    mesh("query", "--tenant", "helvetia", "SELECT * FROM cost_by_canton");

    MeshRun usage = mesh("usage", "--all-tenants", "--format", "csv", "--measure-storage", "--prices", prices());

    assertThat(usage.exitCode()).as(usage.err()).isZero();
    List<String> lines = usage.out().lines().toList();
    assertThat(lines.get(0)).isEqualTo("month,tenant,product,compute_gb_seconds,compute_chf_per_gb_second,"
        + "compute_chf,storage_gb_months,storage_chf_per_gb_month,storage_chf,scanned_tb,scan_chf_per_tb,scan_chf,"
        + "subscription_chf,margin_percent,margin_chf,total_chf");
    assertThat(lines.subList(1, lines.size())).extracting(line -> line.split(",")[1] + ":" + line.split(",")[2])
        .containsExactly("helvetia:claims", "helvetia:claims_clean", "helvetia:cost_by_canton");
    Map<String, String[]> byProduct = new HashMap<>();
    lines.stream().skip(1).map(line -> line.split(",")).forEach(fields -> byProduct.put(fields[2], fields));
    // The source was delivered without mesh ingest: it only stores. The products computed and store.
    assertThat(new BigDecimal(byProduct.get("claims")[6])).isPositive();
    for (String product : List.of("claims_clean", "cost_by_canton")) {
      assertThat(new BigDecimal(byProduct.get(product)[3])).as(product + " GB-seconds").isPositive();
      assertThat(new BigDecimal(byProduct.get(product)[6])).as(product + " GB-months").isPositive();
    }
    assertThat(new BigDecimal(byProduct.get("cost_by_canton")[9])).as("TB scanned").isPositive();
    assertThat(usage.err()).startsWith("Measured 3 tables of tenant helvetia: ");
  }

  @Test
  void usageByStepSumsToTheRunReport_andAProductUpToDateCostsNoCompute() throws Exception {
    JsonNode report = new ObjectMapper().readTree(mesh("run", "--tenant", "helvetia", "--run-id", "r1", "--json")
        .out());
    MeshRun second = mesh("run", "--tenant", "helvetia", "--run-id", "r2", "--json");
    assertThat(second.out()).contains("\"outcome\" : \"up_to_date\"").doesNotContain("\"outcome\" : \"published\"");

    MeshRun steps = mesh("usage", "--tenant", "helvetia", "--by", "step", "--format", "json", "--prices", prices());

    assertThat(steps.exitCode()).as(steps.err()).isZero();
    Map<String, JsonNode> byStep = new HashMap<>();
    new ObjectMapper().readTree(steps.out()).forEach(row -> byStep.put(row.get("step").asText(), row));
    assertThat(byStep.keySet()).containsExactlyInAnyOrder("compute", "validate", "publish");
    long publishedRows = 0;
    double reportSeconds = 0;
    for (JsonNode product : report.get("products")) {
      publishedRows += product.get("rows").asLong();
      reportSeconds += product.get("seconds").asDouble();
    }
    // Only run r1 computed: two products, each once; r2 found both up to date and recorded nothing.
    assertThat(byStep.get("compute").get("records").asLong()).isEqualTo(2);
    assertThat(byStep.get("compute").get("rows_out").asLong()).isEqualTo(publishedRows);
    assertThat(byStep.get("publish").get("rows_out").asLong()).isEqualTo(publishedRows);
    double recordedSeconds = byStep.values().stream().mapToDouble(row -> row.get("seconds").asDouble()).sum();
    assertThat(recordedSeconds).isPositive().isLessThanOrEqualTo(reportSeconds + 0.001 * byStep.size());
    assertThat(byStep.get("compute").get("gb_seconds").decimalValue())
        .isEqualByComparingTo(byStep.get("compute").get("seconds").decimalValue()); // 1024 MB assumed: 1 GB
  }

  @Test
  void queriesAreChargedByTheBytesOfTheFilesTheyRead_perPrincipal() throws Exception {
    mesh("run", "--tenant", "helvetia", "--run-id", "r1");
    mesh("query", "--tenant", "helvetia", "SELECT count(*) FROM cost_by_canton");
    mesh("query", "--tenant", "helvetia", "SELECT * FROM finance.cost_by_canton_v1 WHERE canton = 'ZH'");
    long files = mainBytes(new TableName("finance", "cost_by_canton_v1"));

    MeshRun principals = mesh("usage", "--tenant", "helvetia", "--by", "principal", "--format", "csv");

    assertThat(principals.exitCode()).as(principals.err()).isZero();
    assertThat(principals.out()).isEqualTo("month,tenant,principal,queries,tables_read,bytes_scanned,scanned_tb\n"
        + YearMonth.now(ZoneOffset.UTC) + ",helvetia," + System.getProperty("user.name") + ",2,2," + 2 * files + ","
        + new BigDecimal(2 * files).divide(new BigDecimal(1L << 40)).setScale(12, java.math.RoundingMode.HALF_UP)
        .toPlainString() + "\n");
  }

  @Test
  void invoiceAmountsFollowThePriceSheet_toTheCentime() throws Exception {
    mesh("run", "--tenant", "helvetia", "--run-id", "r1");

    MeshRun usage = mesh("usage", "--tenant", "helvetia", "--format", "csv", "--prices", prices());

    // Usage is priced at 0 here, so only the subscriptions count: claims_clean at the default 100.00,
    // cost_by_canton at its own 250.50; the 10 % margin applies to usage amounts only.
    assertThat(usage.out().lines().skip(1).map(line -> Arrays.asList(line.split(",")))
        .map(fields -> fields.get(2) + " " + String.join(" ", fields.subList(11, 16))).toList())
        .containsExactly("claims_clean 0.00 100.00 10 0.00 100.00", "cost_by_canton 0.00 250.50 10 0.00 250.50");
  }

  @Test
  void unusedListsSubscriptionsNobodyQueried() {
    mesh("run", "--tenant", "helvetia", "--run-id", "r1");
    mesh("query", "--tenant", "helvetia", "SELECT * FROM cost_by_canton");

    MeshRun unused = mesh("usage", "--tenant", "helvetia", "--unused", "--format", "csv");

    assertThat(unused.exitCode()).as(unused.err()).isZero();
    assertThat(unused.out()).isEqualTo("month,tenant,product\n" + YearMonth.now(ZoneOffset.UTC)
        + ",helvetia,claims_clean\n");
  }

  @Test
  void rejectsAnInvalidMonthAndAMissingPriceSheet_withExitTwo() {
    MeshRun month = mesh("usage", "--tenant", "helvetia", "--month", "2026-13");
    MeshRun prices = mesh("usage", "--tenant", "helvetia", "--prices", home.resolve("none.yaml").toString());
    MeshRun view = mesh("usage", "--tenant", "helvetia", "--by", "canton");

    assertThat(month.exitCode()).isEqualTo(2);
    assertThat(month.err()).isEqualTo("mesh usage: --month '2026-13' is not a month: write YYYY-MM, e.g. --month "
        + YearMonth.now(ZoneOffset.UTC) + ".\n");
    assertThat(prices.exitCode()).isEqualTo(2);
    assertThat(prices.err()).isEqualTo("mesh usage: No price sheet at '" + home.resolve("none.yaml") + "'. Pass one "
        + "with --prices FILE, or add prices.yaml (kind: PriceSheet) to the catalogue; see the README, section mesh "
        + "usage.\n");
    assertThat(view.exitCode()).isEqualTo(2);
    assertThat(view.err()).isEqualTo("mesh usage: --by 'canton' is not one of product, step, principal.\n");
  }

  @Test
  void reportsAnInvalidPriceSheetWithItsFileAndLine() throws Exception {
    Path file = home.resolve("bad-prices.yaml");
    Files.writeString(file, PRICES.replace("currency: CHF", "currency: USD"));

    MeshRun usage = mesh("usage", "--tenant", "helvetia", "--prices", file.toString());

    assertThat(usage.exitCode()).isEqualTo(2);
    assertThat(usage.err()).contains(home + "/bad-prices.yaml:3:11: Prices are in CHF, found currency 'USD'.");
  }

  @Test
  void validateChecksTheCataloguesPriceSheet() throws Exception {
    Path catalogue = home.resolve("catalogue");
    Path source = Path.of(HelvetiaHome.CATALOGUE);
    try (java.util.stream.Stream<Path> files = Files.walk(source)) {
      for (Path file : files.toList()) {
        Path target = catalogue.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
    Files.writeString(catalogue.resolve("prices.yaml"), PRICES.replace("marginPercent: 10", "marginPercent: ten"));

    MeshRun validate = MeshRun.of("validate", catalogue.toString());

    assertThat(validate.exitCode()).isEqualTo(2);
    assertThat(validate.err()).contains(catalogue + "/prices.yaml:7:16: 'marginPercent' is 'ten', not a price in CHF: "
        + "write a non-negative decimal with a point, e.g. 'marginPercent: 15'.");
  }

  private String prices() throws Exception {
    Path file = home.resolve("prices.yaml");
    Files.writeString(file, PRICES);
    return file.toString();
  }

  private long mainBytes(TableName name) throws Exception {
    Catalog catalog = CatalogOption.load(HelvetiaHome.CATALOGUE);
    try (Engine engine = HomeOption.engine(catalog, home)) {
      return SnapshotSizes.bytes(ProductTables.load(engine.storage("helvetia").catalog(), name).orElseThrow()
          .currentSnapshot());
    }
  }

  private MeshRun mesh(String... arguments) {
    return new HelvetiaHome(home).mesh(arguments);
  }
}
