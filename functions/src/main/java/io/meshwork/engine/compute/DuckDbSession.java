package io.meshwork.engine.compute;

import io.meshwork.engine.storage.IcebergSchemas;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.iceberg.types.Types;

/**
 * An in-memory DuckDB connection locked down for one step: it may read only the data files handed to it and write
 * only in the work directory; file system access is otherwise off and the configuration is locked, so a transform
 * cannot reach another tenant's files whatever SQL it contains.
 */
public final class DuckDbSession implements AutoCloseable {

  private final Connection connection;

  private DuckDbSession(Connection connection) {
    this.connection = connection;
  }

  /** Limits for one session: how many threads and how much memory DuckDB may use. */
  public record Limits(int threads, String memoryLimit) {

    /**
     * All cores, and an equal share of 60 % of the machine's memory for each of {@code concurrentSessions}: a
     * tight limit makes DuckDB spill large sorts and windows to disk, which costs far more than it saves.
     */
    public static Limits forMachine(int concurrentSessions) {
      long total = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
          .getOperatingSystemMXBean()).getTotalMemorySize();
      long share = Math.max(512L << 20, (long) (total * 0.6) / Math.max(1, concurrentSessions));
      return new Limits(Runtime.getRuntime().availableProcessors(), (share >> 20) + "MB");
    }
  }

  /** Opens a session that may read {@code tables}' files and read and write {@code workDirectory}. */
  public static DuckDbSession open(Path workDirectory, Collection<TableFiles> tables, Limits limits) {
    try {
      Connection connection = DriverManager.getConnection("jdbc:duckdb:");
      try (Statement statement = connection.createStatement()) {
        List<String> readable = tables.stream().flatMap(table -> table.files().stream())
            .map(file -> literal(file.toString())).toList();
        statement.execute("SET threads = " + Math.max(1, limits.threads()));
        statement.execute("SET memory_limit = " + literal(limits.memoryLimit()));
        statement.execute("SET temp_directory = " + literal(workDirectory.resolve("duckdb-spill").toString()));
        statement.execute("SET preserve_insertion_order = false");
        statement.execute("SET allowed_directories = [" + literal(workDirectory + "/") + "]");
        if (!readable.isEmpty()) {
          statement.execute("SET allowed_paths = [" + String.join(", ", readable) + "]");
        }
        statement.execute("SET enable_external_access = false");
        statement.execute("SET autoinstall_known_extensions = false");
        statement.execute("SET autoload_known_extensions = false");
        statement.execute("SET lock_configuration = true");
      }
      DuckDbSession session = new DuckDbSession(connection);
      for (TableFiles table : tables) {
        session.createView(table);
      }
      return session;
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot open a DuckDB session: " + e.getMessage(), e);
    }
  }

  /**
   * A view named like the input. After schema evolution it reads files by Iceberg field id, as Iceberg's own
   * readers do (by name or position would misread renamed or reordered columns); otherwise by name, which DuckDB
   * scans about twice as fast.
   */
  private void createView(TableFiles table) throws SQLException {
    String columns = table.schema().columns().stream()
        .map(field -> quote(field.name()))
        .collect(Collectors.joining(", "));
    String body;
    if (table.files().isEmpty()) {
      body = "SELECT " + table.schema().columns().stream()
          .map(field -> "CAST(NULL AS " + IcebergSchemas.duckDbType(field.type()) + ") AS " + quote(field.name()))
          .collect(Collectors.joining(", ")) + " WHERE false";
    } else {
      String files = table.files().stream().map(file -> literal(file.toString())).collect(Collectors.joining(", "));
      String byFieldId = !table.schemaEvolved() ? "" : ", schema = MAP {" + table.schema().columns().stream()
          .map(DuckDbSession::schemaEntry).collect(Collectors.joining(", ")) + "}";
      body = "SELECT " + columns + " FROM read_parquet([" + files + "], hive_partitioning = false" + byFieldId + ")";
    }
    int dot = table.name().indexOf('.');
    String view = quote(table.name());
    if (dot > 0) {
      // "finance.loss_ratio_v1": a view in a schema named like the Iceberg namespace
      execute("CREATE SCHEMA IF NOT EXISTS " + quote(table.name().substring(0, dot)));
      view = quote(table.name().substring(0, dot)) + "." + quote(table.name().substring(dot + 1));
    }
    execute("CREATE OR REPLACE VIEW " + view + " AS " + body);
  }

  private static String schemaEntry(Types.NestedField field) {
    return field.fieldId() + ": {name: " + literal(field.name()) + ", type: " + literal(
        IcebergSchemas.duckDbType(field.type())) + ", default_value: NULL}";
  }

  public void execute(String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /** Runs a query and returns its rows as lists of objects (for small results: checks, samples, counts). */
  public List<List<Object>> rows(String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
      int columns = result.getMetaData().getColumnCount();
      List<List<Object>> rows = new ArrayList<>();
      while (result.next()) {
        List<Object> row = new ArrayList<>(columns);
        for (int column = 1; column <= columns; column++) {
          row.add(result.getObject(column));
        }
        rows.add(row);
      }
      return rows;
    }
  }

  public long count(String sql) throws SQLException {
    return ((Number) rows(sql).get(0).get(0)).longValue();
  }

  /** The JDBC connection, for streaming results such as {@code mesh query}. */
  public Connection connection() {
    return connection;
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot close the DuckDB session", e);
    }
  }

  public static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  public static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
