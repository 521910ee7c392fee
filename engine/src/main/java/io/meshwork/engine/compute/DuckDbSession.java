package io.meshwork.engine.compute;

import io.meshwork.engine.storage.IcebergSchemas;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.iceberg.types.Types;

/**
 * An in-memory DuckDB connection locked down for one step. It may read only the data files handed to it; it may
 * write only its own fresh output directory (and only when opened for writing); it spills into its own capped
 * directory; file system access is otherwise off, extensions cannot load and the configuration is locked. SQL from
 * a user or a definition reaches it only as a {@link GuardedQuery}, which DuckDB's own parser read as exactly one
 * query, and every statement is stopped at the session's timeout. Errors leave it with no absolute path.
 */
public final class DuckDbSession implements CheckSession {

  /** Rows a partitioned write buffers per partition before writing them (see {@link #open}). */
  static final int PARTITION_FLUSH_ROWS = 65_536;

  private final Connection connection;
  private final Path directory;
  private final Optional<Path> output;
  private final Limits limits;

  private DuckDbSession(Connection connection, Path directory, Optional<Path> output, Limits limits) {
    this.connection = connection;
    this.directory = directory;
    this.output = output;
    this.limits = limits;
  }

  /**
   * Bounds of one session: threads, memory, disk for spilling and how long one statement may run.
   *
   * @param maxSpill DuckDB's {@code max_temp_directory_size}, e.g. "8GB"
   */
  public record Limits(int threads, String memoryLimit, String maxSpill, Duration timeout) {

    /** How long one statement may run unless the caller says otherwise. */
    public static final Duration DEFAULT_TIMEOUT = ComputeEngine.DEFAULT_TIMEOUT;
    /** Disk a session may fill with spilled data unless the caller says otherwise. */
    public static final String DEFAULT_MAX_SPILL = "8GB";

    public Limits {
      if (threads < 1) {
        throw new IllegalArgumentException("Cannot limit a DuckDB session to " + threads + " threads: give 1 or more");
      }
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("Cannot limit a DuckDB session to a timeout of " + timeout);
      }
    }

    public Limits(int threads, String memoryLimit) {
      this(threads, memoryLimit, DEFAULT_MAX_SPILL, DEFAULT_TIMEOUT);
    }

    public Limits withTimeout(Duration newTimeout) {
      return new Limits(threads, memoryLimit, maxSpill, newTimeout);
    }

    public Limits withMaxSpill(String newMaxSpill) {
      return new Limits(threads, memoryLimit, newMaxSpill, timeout);
    }

    /**
     * The part of a process's memory DuckDB's sessions share. The rest is for the JVM, DuckDB's allocations outside
     * its buffer manager (result sets, Parquet writers' buffers) and the operating system; DuckDB spills to disk
     * before its limit instead of taking more.
     */
    public static final double DUCKDB_SHARE_OF_PROCESS = 0.5;
    /** The smallest limit a session gets: below it DuckDB cannot even open its views and plan. */
    private static final long SMALLEST_SESSION_BYTES = 64L << 20;

    /**
     * All cores, and an equal share of DuckDB's part of {@code processBytes} (the function's memory on Lambda,
     * {@code --memory} locally) for each of {@code concurrentSessions}.
     */
    public static Limits forProcess(long processBytes, int concurrentSessions) {
      long share = Math.max(SMALLEST_SESSION_BYTES,
          (long) (processBytes * DUCKDB_SHARE_OF_PROCESS) / Math.max(1, concurrentSessions));
      return new Limits(Runtime.getRuntime().availableProcessors(), (share >> 20) + "MiB");
    }

    /** What a process may use on this machine unless told otherwise: 80 % of its physical memory. */
    public static long machineProcessBytes() {
      long total = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
          .getOperatingSystemMXBean()).getTotalMemorySize();
      return (long) (total * 0.8);
    }

    /**
     * Sessions sized for this machine ({@link #machineProcessBytes()}), {@code concurrentSessions} at once. A tight
     * limit makes DuckDB spill large sorts and windows to disk, which costs far more than it saves, so the default
     * takes what the machine has.
     */
    public static Limits forMachine(int concurrentSessions) {
      return forProcess(machineProcessBytes(), concurrentSessions);
    }

    /**
     * These limits with spilling capped at half the disk that holds {@code directory} has free now (on Lambda
     * {@code /tmp}, whose size is the function's configured ephemeral storage; staged inputs and written outputs
     * need the other half).
     */
    public Limits withSpillWithin(Path directory) {
      long free;
      try {
        Path existing = directory.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
          existing = existing.getParent();
        }
        free = existing == null ? 0 : Files.getFileStore(existing).getUsableSpace();
      } catch (IOException e) {
        return this;
      }
      long half = Math.max(16L << 20, free / 2);
      return withMaxSpill((half >> 20) + "MiB");
    }
  }

  /** What a session is for: what it may write, and whether results keep the order a query asks for. */
  private enum Mode { READ, WRITE, QUERY }

  /** Opens a session that may read {@code tables}' files and write nothing but its spill directory. */
  public static DuckDbSession open(Path workDirectory, Collection<TableFiles> tables, Limits limits) {
    return open(workDirectory, tables, limits, Mode.READ);
  }

  /** Opens a session that may also write into its own fresh {@link #outputDirectory()}. */
  public static DuckDbSession openWriting(Path workDirectory, Collection<TableFiles> tables, Limits limits) {
    return open(workDirectory, tables, limits, Mode.WRITE);
  }

  /**
   * Opens a read-only session for people's queries: results keep the order a query asks for, also when only
   * their first rows are read ({@link #firstRows}).
   */
  public static DuckDbSession openForQueries(Path workDirectory, Collection<TableFiles> tables, Limits limits) {
    return open(workDirectory, tables, limits, Mode.QUERY, Map.of());
  }

  /**
   * Opens a read-only session for one principal's queries: each table whose name {@code restrictions} holds shows
   * only the columns and rows its restriction selects; the table itself is not reachable under any name.
   */
  public static DuckDbSession openForQueries(Path workDirectory, Collection<TableFiles> tables, Limits limits,
      Map<String, ViewRestriction> restrictions) {
    return open(workDirectory, tables, limits, Mode.QUERY, restrictions);
  }

  /**
   * Opens a writing session that may also read the delivered files {@code deliveries} (and nothing else of the
   * file system), for loading a tenant's delivery into a source table.
   */
  public static DuckDbSession openLoading(Path workDirectory, Collection<TableFiles> tables, List<Path> deliveries,
      Limits limits) {
    return open(workDirectory, tables, deliveries, limits, Mode.WRITE);
  }

  private static DuckDbSession open(Path workDirectory, Collection<TableFiles> tables, Limits limits, Mode mode) {
    return open(workDirectory, tables, List.of(), limits, mode, Map.of());
  }

  private static DuckDbSession open(Path workDirectory, Collection<TableFiles> tables, Limits limits, Mode mode,
      Map<String, ViewRestriction> restrictions) {
    return open(workDirectory, tables, List.of(), limits, mode, restrictions);
  }

  private static DuckDbSession open(Path workDirectory, Collection<TableFiles> tables, List<Path> deliveries,
      Limits limits, Mode mode) {
    return open(workDirectory, tables, deliveries, limits, mode, Map.of());
  }

  private static DuckDbSession open(Path workDirectory, Collection<TableFiles> tables, List<Path> deliveries,
      Limits limits, Mode mode, Map<String, ViewRestriction> restrictions) {
    boolean writing = mode == Mode.WRITE;
    Path directory = workDirectory.toAbsolutePath().normalize().resolve("session-" + UUID.randomUUID());
    Optional<Path> output = writing ? Optional.of(directory.resolve("out")) : Optional.empty();
    try {
      Files.createDirectories(directory.resolve("spill"));
      if (output.isPresent()) {
        Files.createDirectories(output.get());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the DuckDB session directory under " + workDirectory, e);
    }
    try {
      Connection connection = DriverManager.getConnection("jdbc:duckdb:");
      try (Statement statement = connection.createStatement()) {
        List<String> readable = java.util.stream.Stream.concat(
                tables.stream().flatMap(table -> table.files().stream()),
                deliveries.stream().map(file -> file.toAbsolutePath().normalize()))
            .map(file -> literal(file.toString())).toList();
        statement.execute("SET threads = " + limits.threads());
        statement.execute("SET memory_limit = " + literal(limits.memoryLimit()));
        // Spilling needs no allowed directory: DuckDB's own temporary files are not user file access.
        statement.execute("SET temp_directory = " + literal(directory.resolve("spill").toString()));
        statement.execute("SET max_temp_directory_size = " + literal(limits.maxSpill()));
        if (writing) {
          // A partitioned COPY buffers rows per partition and thread up to this count before writing them. With the
          // default (524,288) a month-partitioned 10 M-row result is held almost whole until the end; smaller
          // batches took about 15 % less CPU for a claims_clean-like write (engineering notes) and buffer less.
          statement.execute("SET partitioned_write_flush_threshold = " + PARTITION_FLUSH_ROWS);
        }
        // Pipelines need no order and sort faster without; a person's query keeps its ORDER BY under a LIMIT.
        statement.execute("SET preserve_insertion_order = " + (mode == Mode.QUERY));
        // DuckDB grants read and write alike: only the session's own output directory is named, never the data.
        statement.execute("SET allowed_directories = [" + output.map(path -> literal(path + "/")).orElse("")
            + "]");
        statement.execute("SET allowed_paths = [" + String.join(", ", readable) + "]");
        statement.execute("SET enable_external_access = false");
        statement.execute("SET autoinstall_known_extensions = false");
        statement.execute("SET autoload_known_extensions = false");
        statement.execute("SET lock_configuration = true");
      }
      DuckDbSession session = new DuckDbSession(connection, directory, output, limits);
      for (TableFiles table : tables) {
        session.createView(table, Optional.ofNullable(restrictions.get(table.name())));
      }
      return session;
    } catch (SQLException e) {
      Directories.deleteRecursively(directory);
      throw new IllegalStateException("Cannot open a DuckDB session: " + Redaction.paths(e.getMessage()), e);
    }
  }

  /** The only directory this session may write files into; present when opened with {@link #openWriting}. */
  public Path outputDirectory() {
    return output.orElseThrow(() -> new IllegalStateException("This DuckDB session was opened read-only"));
  }

  public Limits limits() {
    return limits;
  }

  /**
   * A view named like the input. After schema evolution it reads files by Iceberg field id, as Iceberg's own
   * readers do (by name or position would misread renamed or reordered columns); otherwise by name, which DuckDB
   * scans about twice as fast.
   */
  private void createView(TableFiles table, Optional<ViewRestriction> restriction) throws SQLException {
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
    if (restriction.isPresent()) {
      body = "SELECT " + restriction.get().selectList() + " FROM (" + body + ") AS meshwork_rows WHERE "
          + restriction.get().rowCondition();
    }
    execute("CREATE OR REPLACE VIEW " + view + " AS " + body);
  }

  private static String schemaEntry(Types.NestedField field) {
    return field.fieldId() + ": {name: " + literal(field.name()) + ", type: " + literal(
        IcebergSchemas.duckDbType(field.type())) + ", default_value: NULL}";
  }

  /**
   * Checks that {@code sql} is exactly one query DuckDB may run here, before any of it runs.
   *
   * @throws UnsafeSqlException naming what DuckDB's parser found instead
   */
  @Override
  public GuardedQuery guard(String sql) throws UnsafeSqlException {
    return SqlGuard.check(connection, sql);
  }

  /** Runs SQL that Meshwork itself wrote (never text from a user or a definition), within the timeout. */
  public void execute(String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      Deadline.run(statement, limits.timeout(), () -> statement.execute(sql));
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  /** Runs Meshwork's own query and returns its rows (for small results: checks, samples, counts). */
  @Override
  public List<List<Object>> rows(String sql) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    stream(sql, result -> {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<Object> row = new ArrayList<>(columns);
        for (int column = 1; column <= columns; column++) {
          row.add(result.getObject(column));
        }
        rows.add(row);
      }
    });
    return rows;
  }

  @Override
  public long count(String sql) throws SQLException {
    return ((Number) rows(sql).get(0).get(0)).longValue();
  }

  /** The result columns of a guarded query as "name TYPE", without running it. */
  public List<String> describe(GuardedQuery query) throws SQLException {
    return rows("DESCRIBE " + query.text() + "\n").stream().map(row -> row.get(0) + " " + row.get(1)).toList();
  }

  /**
   * DuckDB's bound, unoptimised logical plan of a guarded query as JSON ({@code json_serialize_plan}), with each
   * expression's type and its character offset in {@link GuardedQuery#text()}; nothing runs.
   */
  String plan(GuardedQuery query) throws SQLException {
    return String.valueOf(rows("SELECT json_serialize_plan(" + literal(query.text())
        + ", skip_null := true, skip_empty := true, optimize := false)").get(0).get(0));
  }

  /** Reads a guarded query's whole result; the timeout covers reading as well as running. */
  public void stream(GuardedQuery query, ResultReader reader) throws SQLException {
    stream(query.text(), reader);
  }

  /**
   * Reads at most {@code limit} rows of a guarded query. DuckDB stops producing rows at the limit, and the JDBC
   * driver, which holds a whole result in native memory (its streaming mode loses error messages), holds no more.
   */
  public void firstRows(GuardedQuery query, long limit, ResultReader reader) throws SQLException {
    stream("SELECT * FROM " + query.subquery() + " AS meshwork_result LIMIT " + Math.max(0, limit), reader);
  }

  private void stream(String sql, ResultReader reader) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      Deadline.run(statement, limits.timeout(), () -> {
        try (ResultSet result = statement.executeQuery(sql)) {
          reader.read(result);
        }
        return null;
      });
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  /** A failure as the caller should see it: a reached bound named as such, any other without absolute paths. */
  private SQLException failure(SQLException error) {
    String message = error.getMessage() == null ? "" : error.getMessage();
    if (error instanceof SessionBoundException || error instanceof UnsafeSqlException) {
      return error;
    }
    if (message.contains("max_temp_directory_size")) {
      return new SessionBoundException(SessionBoundException.Bound.SPILL, "The statement needed more than its spill "
          + "limit of " + limits.maxSpill() + " on disk and was stopped.", error);
    }
    if (message.startsWith("Out of Memory Error")) {
      return new SessionBoundException(SessionBoundException.Bound.MEMORY, "The statement needed more than its "
          + "memory limit of " + limits.memoryLimit() + " and was stopped.", error);
    }
    return Redaction.of(error);
  }

  /** Reads a result set; may stop early. */
  @FunctionalInterface
  public interface ResultReader {
    void read(ResultSet result) throws SQLException;
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot close the DuckDB session", e);
    } finally {
      Directories.deleteRecursively(directory);
    }
  }

  public static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  public static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
