package io.meshwork.engine.audit;

import io.meshwork.engine.compute.CheckSession;
import io.meshwork.engine.compute.ComputeEngine;
import io.meshwork.engine.compute.DuckDbSession;
import io.meshwork.engine.compute.TableFiles;
import io.meshwork.engine.storage.ProductTables;
import io.meshwork.engine.storage.ReservedTables;
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
import java.util.Objects;
import java.util.Optional;
import org.apache.iceberg.Table;

/**
 * The tenant's access log, {@code meshwork.access_log_v1}: one row per local query of its data, written after the
 * query ran (or failed), read by {@code mesh audit}. Only Meshwork appends to it; no principal is granted it.
 */
public final class AccessLogTable {

  public static final TableName NAME = RuntimeNames.ACCESS_LOG;

  private static final Location BUILT_IN = Location.of("meshwork:access_log");
  static final Contract CONTRACT = new Contract(List.of(
      column("queried_at", "timestamptz", true, "When the query ran."),
      column("principal", "string", true, "The principal it ran as, or data-admin."),
      column("purpose", "string", false, "Why, as given with --purpose."),
      column("sql", "string", true, "The query as written."),
      column("products", "string", false, "The products read, comma-separated."),
      column("tables", "string", false, "The tables read, comma-separated."),
      column("columns", "string", false, "The columns read, as table.column, comma-separated."),
      column("rows_returned", "long", true, "Rows the query returned (printed or not)."),
      column("outcome", "string", true, "ok, or why the query failed.")), List.of(), List.of());

  private AccessLogTable() {
  }

  /** One query: who ran it, when, what it read and returned. */
  public record Entry(Instant queriedAt, String principal, Optional<String> purpose, String sql, List<String> products,
      List<String> tables, List<String> columns, long rowsReturned, String outcome) {
    public Entry {
      Objects.requireNonNull(queriedAt, "queriedAt");
      Objects.requireNonNull(principal, "principal");
      Objects.requireNonNull(purpose, "purpose");
      Objects.requireNonNull(sql, "sql");
      products = List.copyOf(products);
      tables = List.copyOf(tables);
      columns = List.copyOf(columns);
      Objects.requireNonNull(outcome, "outcome");
      if (rowsReturned < 0) {
        throw new IllegalArgumentException("Rows returned cannot be negative: " + rowsReturned);
      }
    }
  }

  /** Which entries {@code mesh audit} shows: every filter that is present must match. */
  public record Filter(Optional<String> principal, Optional<String> product, Optional<Instant> since) {
    public Filter {
      Objects.requireNonNull(principal, "principal");
      Objects.requireNonNull(product, "product");
      Objects.requireNonNull(since, "since");
    }
  }

  /** Appends one entry; every text is written as an escaped literal, never as SQL. */
  public static void append(TenantStorage storage, ComputeEngine compute, Entry entry) {
    Table table = ProductTables.ensure(storage.catalog(), NAME, CONTRACT);
    String sql = "SELECT CAST(" + "TIMESTAMPTZ " + DuckDbSession.literal(entry.queriedAt().toString())
        + " AS TIMESTAMP WITH TIME ZONE) AS queried_at, " + DuckDbSession.literal(entry.principal()) + " AS principal, "
        + entry.purpose().map(DuckDbSession::literal).orElse("CAST(NULL AS VARCHAR)") + " AS purpose, "
        + DuckDbSession.literal(entry.sql()) + " AS sql, "
        + DuckDbSession.literal(String.join(", ", entry.products())) + " AS products, "
        + DuckDbSession.literal(String.join(", ", entry.tables())) + " AS tables, "
        + DuckDbSession.literal(String.join(", ", entry.columns())) + " AS columns, "
        + "CAST(" + entry.rowsReturned() + " AS BIGINT) AS rows_returned, "
        + DuckDbSession.literal(entry.outcome()) + " AS outcome";
    ReservedTables.append(storage, compute, table, sql, "the query in " + NAME);
  }

  /** The entries {@code filter} selects, oldest first; none when nothing was ever logged. */
  public static List<Entry> read(TenantStorage storage, ComputeEngine compute, Filter filter) throws SQLException {
    Table log = ProductTables.load(storage.catalog(), NAME).orElse(null);
    if (log == null || log.currentSnapshot() == null) {
      return List.of();
    }
    TableFiles files = TableFiles.of("access_log", log, log.currentSnapshot().snapshotId(), storage);
    List<String> conditions = new ArrayList<>(List.of("true"));
    filter.principal().ifPresent(principal -> conditions.add("principal = " + DuckDbSession.literal(principal)));
    filter.product().ifPresent(product -> conditions.add("list_contains(string_split(products, ', '), "
        + DuckDbSession.literal(product) + ")"));
    filter.since().ifPresent(since -> conditions.add("queried_at >= TIMESTAMPTZ "
        + DuckDbSession.literal(since.toString())));
    List<Entry> entries = new ArrayList<>();
    try (CheckSession session = compute.openChecks(storage, List.of(files))) {
      for (List<Object> row : session.rows("SELECT epoch_ms(queried_at), principal, purpose, sql, products, tables, "
          + "columns, rows_returned, outcome FROM access_log WHERE " + String.join(" AND ", conditions)
          + " ORDER BY queried_at, sql")) {
        entries.add(new Entry(Instant.ofEpochMilli(((Number) row.get(0)).longValue()), (String) row.get(1),
            Optional.ofNullable((String) row.get(2)), (String) row.get(3), split(row.get(4)), split(row.get(5)),
            split(row.get(6)), ((Number) row.get(7)).longValue(), (String) row.get(8)));
      }
    }
    return entries;
  }

  private static List<String> split(Object text) {
    return text == null || text.toString().isEmpty() ? List.of() : List.of(text.toString().split(", "));
  }

  private static Column column(String name, String type, boolean required, String description) {
    return ReservedTables.column(name, type, required, description, BUILT_IN);
  }

}
