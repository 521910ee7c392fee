package io.meshwork.engine.usage;

import io.meshwork.engine.compute.CheckSession;
import io.meshwork.engine.compute.ComputeEngine;
import io.meshwork.engine.compute.TableFiles;
import io.meshwork.engine.storage.ReservedTables;
import io.meshwork.engine.storage.ProductTables;
import io.meshwork.engine.storage.TenantStorage;
import io.meshwork.model.definition.Column;
import io.meshwork.model.definition.Contract;
import io.meshwork.model.definition.Location;
import io.meshwork.model.definition.TableName;
import io.meshwork.model.runtime.RuntimeNames;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;

/** Storage measurements kept as data in the tenant's table {@code meshwork.storage_v1}, one row per table each. */
public final class StorageTable {

  public static final TableName NAME = RuntimeNames.STORAGE;

  private static final Location BUILT_IN = Location.of("meshwork:storage");
  static final Contract CONTRACT = new Contract(List.of(
      column("measured_at", "timestamptz", true, "When the table was measured."),
      column("tenant", "string", true, "The tenant."),
      column("product", "string", true, "Product or source name."),
      column("table_name", "string", true, "The measured table."),
      column("live_bytes", "long", true, "Bytes of the data files live on main."),
      column("live_files", "int", true, "Data files live on main."),
      column("history_bytes", "long", true, "Bytes of data files only retained history references."),
      column("history_files", "int", true, "Data files only retained history references.")), List.of(), List.of());

  private StorageTable() {
  }

  /** Appends one tenant's measurements in one file and commit. */
  public static void append(TenantStorage storage, ComputeEngine compute, List<StoredTable> measured) {
    if (measured.isEmpty()) {
      return;
    }
    Table table = ProductTables.ensure(storage.catalog(), NAME, CONTRACT);
    String values = measured.stream().map(row -> "(" + String.join(", ",
        SqlValues.text(row.measuredAt().toString()), SqlValues.text(row.tenant()),
        SqlValues.text(row.product()), SqlValues.text(row.table()), Long.toString(row.liveBytes()),
        Integer.toString(row.liveFiles()), Long.toString(row.historyBytes()), Integer.toString(row.historyFiles()))
        + ")").collect(Collectors.joining(",\n"));
    String sql = "SELECT CAST(measured_at AS TIMESTAMP WITH TIME ZONE) AS measured_at, CAST(tenant AS VARCHAR) AS "
        + "tenant, CAST(product AS VARCHAR) AS product, CAST(table_name AS VARCHAR) AS table_name, "
        + "CAST(live_bytes AS BIGINT) AS live_bytes, CAST(live_files AS INTEGER) AS live_files, "
        + "CAST(history_bytes AS BIGINT) AS history_bytes, CAST(history_files AS INTEGER) AS history_files "
        + "FROM (VALUES " + values + ") AS storage(measured_at, tenant, product, table_name, live_bytes, live_files, "
        + "history_bytes, history_files)";
    ReservedTables.append(storage, compute, table, sql, "the storage measurement of tenant " + measured.get(0).tenant());
  }

  /** The measurements taken in [{@code from}, {@code to}), oldest first. */
  public static List<StoredTable> read(TenantStorage storage, ComputeEngine compute, Instant from, Instant to) {
    Table table = ProductTables.load(storage.catalog(), NAME).orElse(null);
    Snapshot main = table == null ? null : table.currentSnapshot();
    if (main == null) {
      return List.of();
    }
    List<StoredTable> measured = new ArrayList<>();
    try (CheckSession session = compute.openChecks(storage,
        List.of(TableFiles.of("storage", table, main.snapshotId(), storage)))) {
      for (List<Object> row : session.rows("SELECT epoch_ms(measured_at), tenant, product, table_name, live_bytes, "
          + "live_files, history_bytes, history_files FROM storage WHERE epoch_ms(measured_at) >= "
          + from.toEpochMilli() + " AND epoch_ms(measured_at) < " + to.toEpochMilli() + " ORDER BY measured_at")) {
        measured.add(new StoredTable(Instant.ofEpochMilli(((Number) row.get(0)).longValue()), (String) row.get(1),
            (String) row.get(2), (String) row.get(3), ((Number) row.get(4)).longValue(),
            ((Number) row.get(5)).intValue(), ((Number) row.get(6)).longValue(), ((Number) row.get(7)).intValue()));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the storage table " + NAME + ": " + e.getMessage(), e);
    }
    return measured;
  }

  private static Column column(String name, String type, boolean required, String description) {
    return ReservedTables.column(name, type, required, description, BUILT_IN);
  }
}
