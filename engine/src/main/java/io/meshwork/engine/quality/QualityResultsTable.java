package io.meshwork.engine.quality;

import io.meshwork.model.runtime.RuntimeNames;
import io.meshwork.engine.compute.DuckDbSession;
import io.meshwork.engine.compute.ComputeEngine;
import io.meshwork.engine.storage.ProductTables;
import io.meshwork.engine.storage.ReservedTables;
import io.meshwork.engine.storage.TenantStorage;
import io.meshwork.model.definition.Column;
import io.meshwork.model.definition.Contract;
import io.meshwork.model.definition.Location;
import io.meshwork.model.definition.TableName;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Table;

/**
 * Every check of every validation, kept as data in the tenant's table {@code meshwork.quality_results_v1}, so
 * that quality over time can be queried like any product ({@code mesh query}) and shown by {@code mesh history}.
 * The domain {@code meshwork} is reserved for such tables.
 */
public final class QualityResultsTable {

  public static final TableName NAME = RuntimeNames.QUALITY_RESULTS;

  private static final Location BUILT_IN = Location.of("meshwork:quality_results");
  static final Contract CONTRACT = new Contract(List.of(
      column("checked_at", "timestamptz", true, "When the check ran."),
      column("run_id", "string", true, "The run that validated the product."),
      column("product", "string", true, "Product name."),
      column("version", "string", true, "Product version."),
      column("product_table", "string", true, "The product's table."),
      column("audit_snapshot_id", "long", false, "The audit snapshot checked."),
      column("check_position", "int", true, "Position of the check within its validation."),
      column("check_name", "string", true, "Contract check (required, primary_key) or quality rule type."),
      column("check_columns", "string", false, "The columns checked, comma-separated."),
      column("blocking", "boolean", true, "True for severity error: a failure blocks publishing."),
      column("failing_rows", "long", true, "Rows that failed the check."),
      column("total_rows", "long", true, "Rows checked."),
      column("passed", "boolean", true, "Whether the failing rows are within the tolerance."),
      column("message", "string", true, "What was checked and what was found."),
      column("sample", "string", false, "A few failing rows, one per line.")), List.of(), List.of());

  private QualityResultsTable() {
  }

  /**
   * Appends the results of one validation and returns the files written; appends commute, so concurrent validations
   * simply retry.
   */
  public static List<DataFile> append(TenantStorage storage, ComputeEngine compute, Record record) {
    Table table = ProductTables.ensure(storage.catalog(), NAME, CONTRACT);
    List<CheckResult> checks = record.checks();
    String values = java.util.stream.IntStream.range(0, checks.size()).mapToObj(position -> {
      CheckResult check = checks.get(position);
      return "(" + String.join(", ",
            "TIMESTAMPTZ " + DuckDbSession.literal(record.checkedAt().toString()),
            DuckDbSession.literal(record.runId()), DuckDbSession.literal(record.product()),
            DuckDbSession.literal(record.version()), DuckDbSession.literal(record.table()),
            record.snapshotId() == null ? "NULL" : Long.toString(record.snapshotId()), Integer.toString(position),
            DuckDbSession.literal(check.check()), DuckDbSession.literal(String.join(", ", check.columns())),
            Boolean.toString(check.blocking()), Long.toString(check.failingRows()), Long.toString(check.totalRows()),
            Boolean.toString(check.passed()), DuckDbSession.literal(check.message()),
            DuckDbSession.literal(String.join("\n", check.sample()))) + ")";
    }).collect(Collectors.joining(",\n"));
    if (values.isEmpty()) {
      return List.of();
    }
    String sql = "SELECT CAST(checked_at AS TIMESTAMP WITH TIME ZONE) AS checked_at, run_id, product, version, "
        + "product_table, CAST(audit_snapshot_id AS BIGINT) AS audit_snapshot_id, "
        + "CAST(check_position AS INTEGER) AS check_position, check_name, check_columns, "
        + "blocking, CAST(failing_rows AS BIGINT) AS failing_rows, CAST(total_rows AS BIGINT) AS total_rows, passed, "
        + "message, sample FROM (VALUES " + values + ") AS results(checked_at, run_id, product, version, "
        + "product_table, audit_snapshot_id, check_position, check_name, check_columns, blocking, failing_rows, "
        + "total_rows, passed, "
        + "message, sample)";
    return ReservedTables.append(storage, compute, table, sql, "the quality results of " + record.product());
  }

  /** The checks of one validation, with what they checked. */
  public record Record(Instant checkedAt, String runId, String product, String version, String table,
      Long snapshotId, List<CheckResult> checks) {
    public Record {
      checks = List.copyOf(checks);
    }
  }

  private static Column column(String name, String type, boolean required, String description) {
    return ReservedTables.column(name, type, required, description, BUILT_IN);
  }
}
