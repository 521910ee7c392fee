package io.meshwork.model.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.model.definition.Location;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InvoiceLineTest {

  /** compute 0.0000166667 CHF/GB-s, storage 0.025 CHF/GB-month, scans 5.00 CHF/TB, margin 20 %, loss_ratio 120.00. */
  private static final PriceSheet PRICES = new PriceSheet("CHF", new BigDecimal("0.0000166667"),
      new BigDecimal("0.025"), new BigDecimal("5.00"), new BigDecimal("20"), 1024, new BigDecimal("50.00"),
      Map.of("loss_ratio", new BigDecimal("120.00")), Location.of("prices.yaml"));

  @Test
  void pricesEachQuantityAndRoundsEachAmountHalfUpToTheCentime() {
    // 3'600'000 GB-s: 60.00012 CHF -> 60.00; 12.5 GB-months: 0.3125 -> 0.31; 0.3 TB: 1.50.
    // Margin 20 % of 61.81 = 12.362 -> 12.36. Total 60.00 + 0.31 + 1.50 + 120.00 + 12.36 = 194.17.
    InvoiceLine line = InvoiceLine.of(PRICES, new ProductUsage("alpina", "loss_ratio", new BigDecimal("3600000"),
        new BigDecimal("12.5"), new BigDecimal("0.3"), true));

    assertThat(line.fields()).containsExactly("alpina", "loss_ratio", "3600000.000000000000", "0.0000166667",
        "60.00", "12.500000000000", "0.025", "0.31", "0.300000000000", "5.00", "1.50", "120.00", "20", "12.36", "194.17");
  }

  @Test
  void roundsQuantitiesToTwelveDecimalsBeforePricingThem() {
    // 0.0000000000005 GB-months rounds half-up to 0.000000000001; 1.2345678901235 GB-s to 1.234567890124 -> 0.00.
    // A product received but not subscribed pays no subscription. 30'000.5 GB-s: 0.50001... -> 0.50; margin 0.10.
    InvoiceLine tiny = InvoiceLine.of(PRICES, new ProductUsage("alpina", "claims_clean",
        new BigDecimal("1.2345678901235"), new BigDecimal("0.0000000000005"), BigDecimal.ZERO, false));
    InvoiceLine half = InvoiceLine.of(PRICES, new ProductUsage("alpina", "claims_clean", new BigDecimal("30000.5"),
        BigDecimal.ZERO, BigDecimal.ZERO, false));

    assertThat(tiny.gbSeconds()).isEqualTo(new BigDecimal("1.234567890124"));
    assertThat(tiny.gbMonths()).isEqualTo(new BigDecimal("0.000000000001"));
    assertThat(tiny.total()).isEqualByComparingTo("0.00");
    assertThat(half.fields()).containsExactly("alpina", "claims_clean", "30000.500000000000", "0.0000166667", "0.50",
        "0.000000000000", "0.025", "0.00", "0.000000000000", "5.00", "0.00", "0.00", "20", "0.10", "0.60");
  }

  @Test
  void anUnsubscribedProductWithoutPriceFallsBackToTheDefaultOnlyWhenSubscribed() {
    InvoiceLine subscribed = InvoiceLine.of(PRICES, new ProductUsage("rhenus", "kpi_summary", BigDecimal.ZERO,
        BigDecimal.ZERO, BigDecimal.ZERO, true));

    assertThat(subscribed.subscriptionAmount()).isEqualByComparingTo("50.00");
    assertThat(subscribed.total()).isEqualByComparingTo("50.00");
  }
}
