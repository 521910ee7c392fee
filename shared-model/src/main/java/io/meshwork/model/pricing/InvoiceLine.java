package io.meshwork.model.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

/**
 * One invoice line: a tenant's product in a month, with quantities, unit prices and amounts in CHF. See
 * {@link #of} for the rounding rules.
 */
public record InvoiceLine(String tenant, String product, BigDecimal gbSeconds, BigDecimal computePrice,
    BigDecimal computeAmount, BigDecimal gbMonths, BigDecimal storagePrice, BigDecimal storageAmount,
    BigDecimal tbScanned, BigDecimal scanPrice, BigDecimal scanAmount, BigDecimal subscriptionAmount,
    BigDecimal marginPercent, BigDecimal marginAmount, BigDecimal total) {

  /** Decimal places of an invoiced quantity. */
  public static final int QUANTITY_SCALE = 12;
  /** Decimal places of an amount: centimes. */
  public static final int AMOUNT_SCALE = 2;

  /** The columns of the invoice CSV, in order. */
  public static final List<String> COLUMNS = List.of("tenant", "product", "compute_gb_seconds",
      "compute_chf_per_gb_second", "compute_chf", "storage_gb_months", "storage_chf_per_gb_month", "storage_chf",
      "scanned_tb", "scan_chf_per_tb", "scan_chf", "subscription_chf", "margin_percent", "margin_chf", "total_chf");

  public InvoiceLine {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(total, "total");
  }

  /**
   * Prices one product's usage. Each quantity is rounded half-up to {@value #QUANTITY_SCALE} decimal places; each
   * amount is that quantity times its unit price, rounded half-up to 0.01 CHF; the margin is the margin percent of
   * the line's three usage amounts (not of the subscription), rounded half-up to 0.01 CHF; the total is the sum of
   * the rounded amounts.
   */
  public static InvoiceLine of(PriceSheet prices, ProductUsage usage) {
    BigDecimal gbSeconds = quantity(usage.gbSeconds());
    BigDecimal gbMonths = quantity(usage.gbMonths());
    BigDecimal tbScanned = quantity(usage.tbScanned());
    BigDecimal compute = amount(gbSeconds.multiply(prices.computePerGbSecond()));
    BigDecimal storage = amount(gbMonths.multiply(prices.storagePerGbMonth()));
    BigDecimal scan = amount(tbScanned.multiply(prices.scanPerTb()));
    BigDecimal subscription = amount(usage.subscribed() ? prices.subscriptionPrice(usage.product()) : BigDecimal.ZERO);
    BigDecimal margin = amount(compute.add(storage).add(scan).multiply(prices.marginPercent())
        .divide(BigDecimal.valueOf(100)));
    BigDecimal total = compute.add(storage).add(scan).add(subscription).add(margin);
    return new InvoiceLine(usage.tenant(), usage.product(), gbSeconds, prices.computePerGbSecond(), compute, gbMonths,
        prices.storagePerGbMonth(), storage, tbScanned, prices.scanPerTb(), scan, subscription,
        prices.marginPercent(), margin, total);
  }

  /** The line's values as CSV fields, in {@link #COLUMNS} order. */
  public List<String> fields() {
    return List.of(tenant, product, plain(gbSeconds), plain(computePrice), plain(computeAmount), plain(gbMonths),
        plain(storagePrice), plain(storageAmount), plain(tbScanned), plain(scanPrice), plain(scanAmount),
        plain(subscriptionAmount), plain(marginPercent), plain(marginAmount), plain(total));
  }

  static BigDecimal quantity(BigDecimal exact) {
    return exact.setScale(QUANTITY_SCALE, RoundingMode.HALF_UP);
  }

  static BigDecimal amount(BigDecimal exact) {
    return exact.setScale(AMOUNT_SCALE, RoundingMode.HALF_UP);
  }

  private static String plain(BigDecimal value) {
    return value.toPlainString();
  }
}
