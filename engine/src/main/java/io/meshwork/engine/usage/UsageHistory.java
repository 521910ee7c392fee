package io.meshwork.engine.usage;

import io.meshwork.engine.compute.CheckSession;
import io.meshwork.engine.compute.ComputeEngine;
import io.meshwork.engine.compute.TableFiles;
import io.meshwork.engine.storage.ProductTables;
import io.meshwork.engine.storage.TenantStorage;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;

/** Reads a tenant's usage records of a period back from {@code meshwork.usage_v1}. */
public final class UsageHistory {

  private UsageHistory() {
  }

  /** The records of steps that started in [{@code from}, {@code to}), oldest first; none without a usage table. */
  public static List<UsageRecord> read(TenantStorage storage, ComputeEngine compute, Instant from, Instant to) {
    Optional<Table> table = ProductTables.load(storage.catalog(), UsageTable.NAME);
    Snapshot main = table.map(Table::currentSnapshot).orElse(null);
    if (main == null) {
      return List.of();
    }
    String sql = "SELECT tenant, product, version, run_id, step, epoch_ms(started_at), duration_ms, "
        + "peak_memory_bytes, rows_in, rows_out, bytes_read, bytes_written, files_written, engine, "
        + "function_memory_mb, principal FROM usage WHERE epoch_ms(started_at) >= " + from.toEpochMilli()
        + " AND epoch_ms(started_at) < " + to.toEpochMilli() + " ORDER BY started_at, tenant, product, step";
    List<UsageRecord> records = new ArrayList<>();
    try (CheckSession session = compute.openChecks(storage,
        List.of(TableFiles.of("usage", table.get(), main.snapshotId(), storage)))) {
      for (List<Object> row : session.rows(sql)) {
        records.add(new UsageRecord((String) row.get(0), (String) row.get(1), (String) row.get(2),
            (String) row.get(3), UsageStep.valueOf(((String) row.get(4)).toUpperCase(java.util.Locale.ROOT)),
            Instant.ofEpochMilli(number(row.get(5))), Duration.ofMillis(number(row.get(6))), optional(row.get(7)),
            number(row.get(8)), number(row.get(9)), number(row.get(10)), number(row.get(11)),
            (int) number(row.get(12)), (String) row.get(13),
            row.get(14) == null ? null : (int) number(row.get(14)), (String) row.get(15)));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the usage table " + UsageTable.NAME + ": " + e.getMessage(), e);
    }
    return records;
  }

  private static long number(Object value) {
    return ((Number) value).longValue();
  }

  private static Long optional(Object value) {
    return value == null ? null : number(value);
  }
}
