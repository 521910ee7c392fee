package io.meshwork.model.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.model.definition.Catalog;
import io.meshwork.model.definition.Diagnostic;
import io.meshwork.model.definition.InvalidDefinitionException;
import io.meshwork.model.pricing.PriceSheet;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PriceSheetParserTest {

  private static final Catalog CATALOG = CatalogLoader.load(new DirectoryDefinitionFiles(
      Path.of("../product-definitions/catalog")));

  private static List<String> problems(String text) {
    try {
      PriceSheetParser.load(new InMemoryDefinitionFiles("test", Map.of("prices.yaml", text)), "prices.yaml", CATALOG);
    } catch (InvalidDefinitionException invalid) {
      return invalid.diagnostics().stream().map(Diagnostic::toString).toList();
    }
    throw new AssertionError("expected problems");
  }

  @Test
  void readsTheShippedPriceSheet() {
    PriceSheet prices = PriceSheetParser.load(new DirectoryDefinitionFiles(Path.of("../product-definitions/catalog")),
        "prices.yaml", CATALOG);

    assertThat(prices.currency()).isEqualTo("CHF");
    assertThat(prices.computePerGbSecond()).isEqualTo(new BigDecimal("0.0000155"));
    assertThat(prices.scanPerTb()).isEqualTo(new BigDecimal("4.60"));
    assertThat(prices.assumedMemoryMb()).isEqualTo(3008);
    assertThat(prices.subscriptionPrice("loss_ratio")).isEqualTo(new BigDecimal("250.00"));
    assertThat(prices.subscriptionPrice("kpi_summary")).isEqualTo(new BigDecimal("150.00"));
  }

  @Test
  void reportsEachProblemWithItsPosition() {
    assertThat(problems("""
        apiVersion: meshwork.io/v1
        kind: PriceSheet
        currency: EUR
        computePerGbSecond: -0.1
        storagePerGbMonth: 0.02
        scanPerTb: 5
        marginPercent: ten
        assumedMemoryMb: 64
        subscriptionPerMonth: 10.005
        subscriptions:
          loss_ration: 100
        discount: 5
        """)).containsExactly(
        "prices.yaml:3:11: Prices are in CHF, found currency 'EUR'. Write 'currency: CHF' and give every price in CHF.",
        "prices.yaml:4:21: 'computePerGbSecond' is '-0.1', not a price in CHF: write a non-negative decimal with a "
            + "point, e.g. 'computePerGbSecond: 0.0000166667'.",
        "prices.yaml:7:16: 'marginPercent' is 'ten', not a price in CHF: write a non-negative decimal with a point, "
            + "e.g. 'marginPercent: 15'.",
        "prices.yaml:8:18: 'assumedMemoryMb' is '64': give the memory in MB that steps outside a Lambda function are "
            + "charged for, 128 to 10240, e.g. 'assumedMemoryMb: 1024'.",
        "prices.yaml:9:23: 'subscriptionPerMonth' is '10.005', not a price in CHF: write a non-negative decimal with a "
            + "point and at most two decimals, e.g. 'subscriptionPerMonth: 0'.",
        "prices.yaml:11:3: The catalogue defines no product 'loss_ration'. Did you mean 'loss_ratio'? Price only "
            + "products of the catalogue: " + String.join(", ", CATALOG.products().stream().map(p -> p.name())
            .distinct().sorted().toList()) + ".",
        "prices.yaml:12:1: Unknown key 'discount' in PriceSheet. Allowed keys: apiVersion, kind, currency, "
            + "computePerGbSecond, storagePerGbMonth, scanPerTb, marginPercent, assumedMemoryMb, subscriptionPerMonth, "
            + "subscriptions.");
  }

  @Test
  void theCatalogueLoaderSkipsThePriceSheet() {
    assertThat(CATALOG.products()).isNotEmpty();
  }
}
