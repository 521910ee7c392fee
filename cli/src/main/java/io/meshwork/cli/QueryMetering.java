package io.meshwork.cli;

import io.meshwork.engine.compute.GuardedQuery;
import io.meshwork.engine.pipeline.Engine;
import io.meshwork.engine.query.PublishedTables;
import io.meshwork.engine.storage.TenantStorage;
import io.meshwork.engine.usage.QueryUsage;
import io.meshwork.engine.usage.StepClock;
import io.meshwork.engine.usage.UsageMeter;
import io.meshwork.engine.usage.UsageTable;
import java.util.Map;

/**
 * Records what a {@code mesh query} scanned in the tenant's usage table: per table it names, the bytes of that
 * table's files on {@code main}, charged to the principal ({@code --as}, else the OS user).
 */
final class QueryMetering {

  private QueryMetering() {
  }

  static void record(Engine engine, String tenant, GuardedQuery query, StepClock clock, String principal) {
    TenantStorage storage = engine.storage(tenant);
    Map<String, Long> scanned = PublishedTables.list(storage).scanned(query);
    UsageTable.append(storage, engine.compute(), QueryUsage.records(engine.plan(tenant), principal, clock, scanned,
        UsageMeter.of(engine.compute().name())));
  }

  /** Who queries: the operating system's user, as the local stand-in for an IAM principal. */
  static String principal() {
    return System.getProperty("user.name", "unknown");
  }
}
