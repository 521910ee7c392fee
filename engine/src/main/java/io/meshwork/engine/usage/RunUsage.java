package io.meshwork.engine.usage;

import io.meshwork.engine.compute.ComputeEngine;
import io.meshwork.engine.storage.TenantStorage;
import java.util.function.Function;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Collects the usage records of runs in progress, per tenant, and appends them when a tenant's run ends: one data
 * file and one commit per run instead of one per step.
 */
public final class RunUsage implements UsageSink {

  private final Function<String, TenantStorage> storages;
  private final ComputeEngine compute;
  private final Map<String, List<UsageRecord>> pending = new ConcurrentHashMap<>();

  public RunUsage(Function<String, TenantStorage> storages, ComputeEngine compute) {
    this.storages = storages;
    this.compute = compute;
  }

  @Override
  public void record(UsageRecord record) {
    List<UsageRecord> records = pending.computeIfAbsent(record.tenant(), tenant -> new ArrayList<>());
    synchronized (records) {
      records.add(record);
    }
  }

  /** The bytes that {@code step} of {@code product} read in run {@code runId}, as recorded so far (0: none). */
  public long bytesRead(String tenant, String product, String runId, UsageStep step) {
    List<UsageRecord> records = pending.getOrDefault(tenant, List.of());
    synchronized (records) {
      return records.stream().filter(record -> record.product().equals(product) && record.step() == step
          && runId.equals(record.runId())).mapToLong(UsageRecord::bytesRead).sum();
    }
  }

  /** Appends what {@code tenant}'s steps recorded so far to its usage table. */
  public void flush(String tenant) {
    List<UsageRecord> records = pending.remove(tenant);
    if (records != null) {
      synchronized (records) {
        UsageTable.append(storages.apply(tenant), compute, List.copyOf(records));
      }
    }
  }
}
