package io.meshwork.engine.usage;

import io.meshwork.engine.compute.ComputeEngine;
import io.meshwork.engine.storage.ReservedTables;
import io.meshwork.engine.storage.ProductTables;
import io.meshwork.engine.storage.TenantStorage;
import io.meshwork.model.definition.Column;
import io.meshwork.model.definition.Contract;
import io.meshwork.model.definition.Location;
import io.meshwork.model.definition.TableName;
import io.meshwork.model.runtime.RuntimeNames;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Table;

/**
 * What every step and query cost, kept as data in the tenant's table {@code meshwork.usage_v1}: one row per ingest,
 * compute, validate and publish that did work, and per table a query read. {@code mesh usage} turns it into an
 * invoice; it can be queried like any product.
 */
public final class UsageTable {

  public static final TableName NAME = RuntimeNames.USAGE;

  private static final Location BUILT_IN = Location.of("meshwork:usage");
  static final Contract CONTRACT = new Contract(List.of(
      column("tenant", "string", true, "The tenant the step ran for."),
      column("product", "string", true, "Product or source name."),
      column("version", "string", false, "Product or source version; null for queries."),
      column("run_id", "string", false, "The run or delivery; null for queries."),
      column("step", "string", true, "ingest, compute, validate, publish or query."),
      column("started_at", "timestamptz", true, "When the step started."),
      column("duration_ms", "long", true, "How long it ran, in milliseconds."),
      column("peak_memory_bytes", "long", false, "Peak memory of the process, where it ran one step at a time."),
      column("rows_in", "long", true, "Rows read."),
      column("rows_out", "long", true, "Rows written or published."),
      column("bytes_read", "long", true, "Bytes of the data files read (for queries: scanned)."),
      column("bytes_written", "long", true, "Bytes of the data files written."),
      column("files_written", "int", true, "Data files written."),
      column("engine", "string", true, "Where it ran, e.g. duckdb."),
      column("function_memory_mb", "int", false, "The Lambda function's configured memory; null elsewhere."),
      column("principal", "string", false, "Who queried; null for pipeline steps.")), List.of(), List.of());

  private UsageTable() {
  }

  /** Appends {@code records} of one tenant in one data file and commit; returns the files written. */
  public static List<DataFile> append(TenantStorage storage, ComputeEngine compute, List<UsageRecord> records) {
    if (records.isEmpty()) {
      return List.of();
    }
    Table table = ProductTables.ensure(storage.catalog(), NAME, CONTRACT);
    String values = records.stream().map(UsageTable::row).collect(Collectors.joining(",\n"));
    String sql = "SELECT CAST(tenant AS VARCHAR) AS tenant, CAST(product AS VARCHAR) AS product, "
        + "CAST(version AS VARCHAR) AS version, CAST(run_id AS VARCHAR) AS run_id, CAST(step AS VARCHAR) AS step, CAST(started_at AS TIMESTAMP WITH TIME ZONE) AS "
        + "started_at, CAST(duration_ms AS BIGINT) AS duration_ms, CAST(peak_memory_bytes AS BIGINT) AS "
        + "peak_memory_bytes, CAST(rows_in AS BIGINT) AS rows_in, CAST(rows_out AS BIGINT) AS rows_out, "
        + "CAST(bytes_read AS BIGINT) AS bytes_read, CAST(bytes_written AS BIGINT) AS bytes_written, "
        + "CAST(files_written AS INTEGER) AS files_written, CAST(engine AS VARCHAR) AS engine, "
        + "CAST(function_memory_mb AS INTEGER) AS function_memory_mb, CAST(principal AS VARCHAR) AS principal FROM (VALUES " + values + ") AS usage(tenant, product, version, run_id, "
        + "step, started_at, duration_ms, peak_memory_bytes, rows_in, rows_out, bytes_read, bytes_written, "
        + "files_written, engine, function_memory_mb, principal)";
    return ReservedTables.append(storage, compute, table, sql, "the usage of " + records.size() + " steps of tenant "
        + records.get(0).tenant());
  }

  private static String row(UsageRecord record) {
    return "(" + String.join(", ", SqlValues.text(record.tenant()), SqlValues.text(record.product()),
        SqlValues.text(record.version()), SqlValues.text(record.runId()),
        SqlValues.text(record.step().label()), SqlValues.text(record.startedAt().toString()),
        Long.toString(record.duration().toMillis()), SqlValues.number(record.peakMemoryBytes()),
        Long.toString(record.rowsIn()), Long.toString(record.rowsOut()), Long.toString(record.bytesRead()),
        Long.toString(record.bytesWritten()), Integer.toString(record.filesWritten()),
        SqlValues.text(record.engine()), SqlValues.number(record.functionMemoryMb()),
        SqlValues.text(record.principal())) + ")";
  }

  private static Column column(String name, String type, boolean required, String description) {
    return ReservedTables.column(name, type, required, description, BUILT_IN);
  }
}
