package io.meshwork.cli;

import io.meshwork.engine.usage.MonthlyUsage;
import io.meshwork.engine.usage.StoredTable;
import io.meshwork.engine.usage.UsageRecord;
import io.meshwork.engine.usage.UsageStep;
import io.meshwork.model.pricing.InvoiceLine;
import io.meshwork.model.pricing.PriceSheet;
import io.meshwork.model.pricing.ProductUsage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The views {@code mesh usage} prints: invoice lines, usage by step or by principal, unused subscriptions. */
final class UsageViews {

  /** One tenant's records and measurements of the month, and what it subscribes to. */
  record TenantMonth(String tenant, YearMonth month, List<UsageRecord> records, List<StoredTable> storage,
      Set<String> subscriptions) {
  }

  private UsageViews() {
  }

  /** One invoice line per tenant and product: quantities, unit prices and amounts in CHF. */
  static Tabular invoice(Collection<TenantMonth> tenants, PriceSheet prices) {
    List<String> columns = Stream.concat(Stream.of("month"), InvoiceLine.COLUMNS.stream()).toList();
    List<List<Object>> rows = new ArrayList<>();
    for (TenantMonth tenant : tenants) {
      for (ProductUsage usage : MonthlyUsage.of(tenant.tenant(), tenant.month(), tenant.records(), tenant.storage(),
          prices.assumedMemoryMb(), tenant.subscriptions())) {
        InvoiceLine line = InvoiceLine.of(prices, usage);
        List<Object> row = new ArrayList<>();
        row.add(tenant.month().toString());
        row.add(line.tenant());
        row.add(line.product());
        row.addAll(List.of(line.gbSeconds(), line.computePrice(), line.computeAmount(), line.gbMonths(),
            line.storagePrice(), line.storageAmount(), line.tbScanned(), line.scanPrice(), line.scanAmount(),
            line.subscriptionAmount(), line.marginPercent(), line.marginAmount(), line.total()));
        rows.add(row);
      }
    }
    return new Tabular(columns, rows);
  }

  /** Per tenant and step: how often it ran, how long, with how much memory, what it read and wrote. */
  static Tabular bySteps(Collection<TenantMonth> tenants, int assumedMemoryMb) {
    List<List<Object>> rows = new ArrayList<>();
    for (TenantMonth tenant : tenants) {
      Map<UsageStep, List<UsageRecord>> bySteps = tenant.records().stream()
          .collect(Collectors.groupingBy(UsageRecord::step, () -> new TreeMap<>(), Collectors.toList()));
      bySteps.forEach((step, records) -> rows.add(List.of(tenant.month().toString(), tenant.tenant(), step.label(),
          (long) records.size(), seconds(records), gbSeconds(step, records, assumedMemoryMb),
          sum(records, UsageRecord::rowsIn), sum(records, UsageRecord::rowsOut),
          sum(records, UsageRecord::bytesRead), sum(records, UsageRecord::bytesWritten),
          sum(records, record -> record.filesWritten()))));
    }
    return new Tabular(List.of("month", "tenant", "step", "records", "seconds", "gb_seconds", "rows_in", "rows_out",
        "bytes_read", "bytes_written", "files_written"), rows);
  }

  /** Per tenant and principal: queries run, tables they read and the bytes scanned. */
  static Tabular byPrincipals(Collection<TenantMonth> tenants) {
    List<List<Object>> rows = new ArrayList<>();
    for (TenantMonth tenant : tenants) {
      Map<String, List<UsageRecord>> byPrincipal = tenant.records().stream()
          .filter(record -> record.step() == UsageStep.QUERY)
          .collect(Collectors.groupingBy(record -> record.principal() == null ? "" : record.principal(),
              TreeMap::new, Collectors.toList()));
      byPrincipal.forEach((principal, records) -> {
        long scanned = sum(records, UsageRecord::bytesRead);
        rows.add(List.of(tenant.month().toString(), tenant.tenant(), principal,
            records.stream().map(UsageRecord::startedAt).distinct().count(), (long) records.size(), scanned,
            quantity(BigDecimal.valueOf(scanned).divide(BigDecimal.valueOf(1L << 40)))));
      });
    }
    return new Tabular(List.of("month", "tenant", "principal", "queries", "tables_read", "bytes_scanned",
        "scanned_tb"), rows);
  }

  /** The subscriptions no query read in the month. */
  static Tabular unused(Collection<TenantMonth> tenants) {
    List<List<Object>> rows = new ArrayList<>();
    for (TenantMonth tenant : tenants) {
      Set<String> queried = tenant.records().stream().filter(record -> record.step() == UsageStep.QUERY)
          .map(UsageRecord::product).collect(Collectors.toSet());
      tenant.subscriptions().stream().sorted().filter(product -> !queried.contains(product))
          .forEach(product -> rows.add(List.of(tenant.month().toString(), tenant.tenant(), product)));
    }
    return new Tabular(List.of("month", "tenant", "product"), rows);
  }

  private static BigDecimal seconds(List<UsageRecord> records) {
    return BigDecimal.valueOf(records.stream().mapToLong(record -> record.duration().toMillis()).sum(), 3);
  }

  private static BigDecimal gbSeconds(UsageStep step, List<UsageRecord> records, int assumedMemoryMb) {
    if (step == UsageStep.QUERY) {
      return quantity(BigDecimal.ZERO);
    }
    return quantity(records.stream().map(record -> MonthlyUsage.gbSeconds(record, assumedMemoryMb))
        .reduce(BigDecimal.ZERO, BigDecimal::add));
  }

  private static long sum(List<UsageRecord> records, java.util.function.ToLongFunction<UsageRecord> measure) {
    return records.stream().mapToLong(measure).sum();
  }

  private static BigDecimal quantity(BigDecimal exact) {
    return exact.setScale(InvoiceLine.QUANTITY_SCALE, RoundingMode.HALF_UP);
  }
}
