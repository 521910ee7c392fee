package io.meshwork.engine.usage;

import io.meshwork.model.definition.Source;
import io.meshwork.model.plan.PlannedProduct;
import io.meshwork.model.plan.TenantPlan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The usage records of one query: one per table it scanned, charged to the product or source of that table. */
public final class QueryUsage {

  private QueryUsage() {
  }

  /**
   * Records for {@code scanned} (bytes by qualified table name) of a query by {@code principal} that started at
   * {@code clock}; a table outside the plan (e.g. {@code meshwork.usage_v1}) is named by its table.
   */
  public static List<UsageRecord> records(TenantPlan plan, String principal, StepClock clock,
      Map<String, Long> scanned, UsageMeter meter) {
    Map<String, String> products = new HashMap<>();
    Map<String, String> versions = new HashMap<>();
    for (Source source : plan.sources()) {
      products.put(source.tableName().toString(), source.name());
      versions.put(source.tableName().toString(), source.version().toString());
    }
    for (PlannedProduct product : plan.products()) {
      products.put(product.tableName().toString(), product.name());
      versions.put(product.tableName().toString(), product.version().toString());
    }
    List<UsageRecord> records = new ArrayList<>();
    java.time.Duration elapsed = clock.elapsed();
    scanned.forEach((table, bytes) -> records.add(new UsageRecord(plan.tenantId(), products.getOrDefault(table, table),
        versions.get(table), null, UsageStep.QUERY, clock.startedAt(), elapsed, null, 0, 0, bytes, 0, 0,
        meter.engine(), meter.functionMemoryMb(), principal)));
    return records;
  }
}
