package io.meshwork.engine.usage;

import io.meshwork.engine.compute.ComputeEngine;
import io.meshwork.engine.storage.TenantStorage;
import java.util.function.Function;
import java.util.List;

/** The usage sinks of the engine itself. */
public final class UsageSinks {

  private UsageSinks() {
  }

  /** Appends each record to its tenant's usage table at once: one file and commit per step. */
  public static UsageSink table(Function<String, TenantStorage> storages, ComputeEngine compute) {
    return record -> UsageTable.append(storages.apply(record.tenant()), compute, List.of(record));
  }
}
