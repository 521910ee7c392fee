package io.meshwork.model.pricing;

import io.meshwork.model.definition.Location;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * What the provider charges, in CHF ({@code kind: PriceSheet}): per GB-second of function memory and time, per
 * GB-month stored, per TB scanned by queries, a margin in percent on those usage amounts, and a fixed price per
 * subscribed product and month ({@code subscriptionPerMonth} for every product unless {@code subscriptions} names
 * its own). Steps that ran outside a function are charged as if they had {@code assumedMemoryMb}.
 */
public record PriceSheet(String currency, BigDecimal computePerGbSecond, BigDecimal storagePerGbMonth,
    BigDecimal scanPerTb, BigDecimal marginPercent, int assumedMemoryMb, BigDecimal subscriptionPerMonth,
    Map<String, BigDecimal> subscriptions, Location location) {

  public static final String CURRENCY = "CHF";

  public PriceSheet {
    if (!CURRENCY.equals(currency)) {
      throw new IllegalArgumentException("A price sheet is in " + CURRENCY + ", not " + currency + ".");
    }
    nonNegative("computePerGbSecond", computePerGbSecond);
    nonNegative("storagePerGbMonth", storagePerGbMonth);
    nonNegative("scanPerTb", scanPerTb);
    nonNegative("marginPercent", marginPercent);
    nonNegative("subscriptionPerMonth", subscriptionPerMonth);
    if (assumedMemoryMb <= 0) {
      throw new IllegalArgumentException("assumedMemoryMb must be positive, not " + assumedMemoryMb + ".");
    }
    subscriptions = Map.copyOf(subscriptions);
    subscriptions.forEach((product, price) -> nonNegative("subscriptions." + product, price));
    Objects.requireNonNull(location, "location");
  }

  /** The fixed monthly price of a subscription to {@code product}. */
  public BigDecimal subscriptionPrice(String product) {
    return subscriptions.getOrDefault(product, subscriptionPerMonth);
  }

  private static void nonNegative(String what, BigDecimal value) {
    Objects.requireNonNull(value, what);
    if (value.signum() < 0) {
      throw new IllegalArgumentException(what + " must not be negative, found " + value.toPlainString() + ".");
    }
  }
}
