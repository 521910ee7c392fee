package io.meshwork.engine.usage;

import io.meshwork.model.pricing.ProductUsage;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns one tenant's usage records and storage measurements of a month (UTC) into exact quantities per product:
 * GB-seconds of the pipeline steps (function memory, or {@code assumedMemoryMb} outside a function, in GB of 1024 MB,
 * times seconds), GB-months stored (per day the day's last measurement, live plus history, in GB of 2^30 bytes,
 * summed and divided by the days of the month) and TB scanned by queries (2^40 bytes).
 */
public final class MonthlyUsage {

  static final BigDecimal MB_PER_GB = BigDecimal.valueOf(1024);
  static final BigDecimal BYTES_PER_GB = BigDecimal.valueOf(1L << 30);
  static final BigDecimal BYTES_PER_TB = BigDecimal.valueOf(1L << 40);
  static final BigDecimal MS_PER_SECOND = BigDecimal.valueOf(1000);
  /** Enough digits that rounding to the invoice's twelve decimals never depends on the division. */
  private static final MathContext DIVISION = new MathContext(34);

  private MonthlyUsage() {
  }

  /**
   * One entry per product with usage, storage or a subscription, in name order; {@code subscribed} are the
   * tenant's subscriptions.
   */
  public static List<ProductUsage> of(String tenant, YearMonth month, Collection<UsageRecord> records,
      Collection<StoredTable> storage, int assumedMemoryMb, Set<String> subscribed) {
    Map<String, BigDecimal> gbSeconds = new TreeMap<>();
    Map<String, BigDecimal> tbScanned = new TreeMap<>();
    for (UsageRecord record : records) {
      if (record.step() == UsageStep.QUERY) {
        tbScanned.merge(record.product(), BigDecimal.valueOf(record.bytesRead()).divide(BYTES_PER_TB), BigDecimal::add);
      } else {
        gbSeconds.merge(record.product(), gbSeconds(record, assumedMemoryMb), BigDecimal::add);
      }
    }
    Map<String, BigDecimal> gbMonths = gbMonths(month, storage);
    Set<String> products = new TreeSet<>(subscribed);
    products.addAll(gbSeconds.keySet());
    products.addAll(tbScanned.keySet());
    products.addAll(gbMonths.keySet());
    List<ProductUsage> usage = new ArrayList<>();
    for (String product : products) {
      usage.add(new ProductUsage(tenant, product, gbSeconds.getOrDefault(product, BigDecimal.ZERO),
          gbMonths.getOrDefault(product, BigDecimal.ZERO), tbScanned.getOrDefault(product, BigDecimal.ZERO),
          subscribed.contains(product)));
    }
    return usage;
  }

  /** Seconds times memory in GB: exact, as both divide by powers of two and ten. */
  public static BigDecimal gbSeconds(UsageRecord record, int assumedMemoryMb) {
    int memory = record.functionMemoryMb() != null ? record.functionMemoryMb() : assumedMemoryMb;
    return BigDecimal.valueOf(record.duration().toMillis()).divide(MS_PER_SECOND)
        .multiply(BigDecimal.valueOf(memory).divide(MB_PER_GB));
  }

  private static Map<String, BigDecimal> gbMonths(YearMonth month, Collection<StoredTable> storage) {
    Map<String, Map<LocalDate, StoredTable>> lastOfDay = new TreeMap<>();
    for (StoredTable measured : storage) {
      LocalDate day = measured.measuredAt().atZone(ZoneOffset.UTC).toLocalDate();
      if (!YearMonth.from(day).equals(month)) {
        continue;
      }
      lastOfDay.computeIfAbsent(measured.product(), product -> new TreeMap<>()).merge(day, measured,
          (earlier, later) -> later.measuredAt().isAfter(earlier.measuredAt()) ? later : earlier);
    }
    Map<String, BigDecimal> gbMonths = new TreeMap<>();
    BigDecimal days = BigDecimal.valueOf(month.lengthOfMonth());
    lastOfDay.forEach((product, byDay) -> {
      BigDecimal gbDays = byDay.values().stream().map(measured -> BigDecimal.valueOf(measured.totalBytes())
          .divide(BYTES_PER_GB)).reduce(BigDecimal.ZERO, BigDecimal::add);
      gbMonths.put(product, gbDays.divide(days, DIVISION));
    });
    return gbMonths;
  }
}
