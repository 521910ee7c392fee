package io.meshwork.engine.compute;

import io.meshwork.engine.storage.TenantStorage;
import io.trino.jdbc.QueryStats;
import io.trino.jdbc.TrinoStatement;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.Metrics;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.types.Types;

/**
 * Trino (Athena's engine; a local Trino here) over the tenant's own Iceberg catalog, registered in Trino under
 * {@code catalogOf(tenant)}. A transform runs as one {@code INSERT ... SELECT} into a {@link StagingTable} whose
 * columns carry the product's field ids, reading every input at its pinned snapshot ({@link PinnedQuery}); the
 * staging table's new data files are returned for the pipeline to commit to the product's audit branch, and the
 * staging table is dropped. Before anything runs, Trino's parser must accept the statement as one {@code INSERT}
 * of one query, the query must have exactly the contract's columns and types, and Trino's own plan must read no
 * table but the pinned inputs. Quality checks run in DuckDB over the published files, as for DuckDB products.
 */
public final class TrinoCompute implements ComputeEngine {

  private static final int SAMPLE_ROWS = 5;

  private final String url;
  private final Function<String, String> catalogOf;
  private final ComputeEngine checks;

  /**
   * @param url the JDBC URL of the Trino coordinator, e.g. {@code jdbc:trino://127.0.0.1:8080}
   * @param catalogOf the Trino catalog of a tenant's Iceberg catalog, by tenant id
   * @param checks where quality checks and verification run: DuckDB over the table's files
   */
  public TrinoCompute(String url, Function<String, String> catalogOf, ComputeEngine checks) {
    this.url = Objects.requireNonNull(url, "url");
    this.catalogOf = Objects.requireNonNull(catalogOf, "catalogOf");
    this.checks = Objects.requireNonNull(checks, "checks");
    if (!url.startsWith("jdbc:trino://")) {
      throw new IllegalArgumentException("Not a Trino JDBC URL: " + url + " (use e.g. jdbc:trino://127.0.0.1:8080)");
    }
  }

  /** The name Trino knows a tenant's catalog by unless configured otherwise: its id, {@code _} for {@code -}. */
  public static String defaultCatalog(String tenant) {
    return tenant.replace('-', '_');
  }

  @Override
  public String name() {
    return "trino";
  }

  @Override
  public List<DataFile> write(TenantStorage storage, Collection<TableFiles> inputs, String sql, Table output,
      String origin, Duration timeout) throws SQLException {
    return writeMeasured(storage, inputs, sql, output, origin, timeout).files();
  }

  @Override
  public Written writeMeasured(TenantStorage storage, Collection<TableFiles> inputs, String sql, Table output,
      String origin, Duration timeout) throws SQLException {
    String catalog = catalogOf.apply(storage.tenantId());
    String query = PinnedQuery.of(sql, inputs, catalog);
    try (Connection connection = connect(timeout)) {
      checkColumns(connection, query, output, origin);
      StagingTable staging = StagingTable.create(storage.catalog(), output);
      boolean handedOver = false;
      try {
        String target = DuckDbSession.quote(catalog) + "." + DuckDbSession.quote(StagingTable.NAMESPACE) + "."
            + DuckDbSession.quote(staging.identifier().name());
        String insert = "INSERT INTO " + target + "\n" + query;
        checkReads(connection, insert, inputs, catalog, origin);
        long scanned = run(connection, insert, timeout);
        Table written = staging.refreshed();
        List<DataFile> files = dataFiles(written, output);
        checkRequired(connection, target, output, files, origin);
        handedOver = true;
        return new Written(files, java.util.OptionalLong.of(scanned));
      } finally {
        if (handedOver) {
          staging.dropKeepingData();
        } else {
          staging.dropWithData();
        }
      }
    }
  }

  @Override
  public CheckSession openChecks(TenantStorage storage, Collection<TableFiles> tables) {
    return checks.openChecks(storage, tables);
  }

  private Connection connect(Duration timeout) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", "meshwork");
    properties.setProperty("source", "meshwork");
    // Trino's own bound, beside the client's cancel: a query nobody waits for any more still ends.
    properties.setProperty("sessionProperties", "query_max_run_time:" + Math.max(1, timeout.toSeconds()) + "s");
    return DriverManager.getConnection(url, properties);
  }

  /** The same check as DuckDB's: exactly the contract's columns, in order, with its types. */
  private static void checkColumns(Connection connection, String query, Table output, String origin)
      throws SQLException {
    List<String> actual = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(query)) {
      ResultSetMetaData metadata = statement.getMetaData();
      for (int column = 1; column <= metadata.getColumnCount(); column++) {
        actual.add(metadata.getColumnLabel(column) + " " + metadata.getColumnTypeName(column));
      }
    } catch (SQLException e) {
      throw refusedOrFailed(e, origin);
    }
    List<String> expected = output.schema().columns().stream()
        .map(field -> field.name() + " " + TrinoTypes.of(field.type())).toList();
    if (!actual.equals(expected)) {
      throw new ResultShapeException(origin + " returns columns [" + String.join(", ", actual) + "], but its "
          + "contract declares [" + String.join(", ", expected) + "]. Select exactly the contract's columns, in order, "
          + "with CAST(... AS type) where the type differs.");
    }
  }

  /** Trino's plan of the statement names every table it reads: only the pinned inputs may be among them. */
  private static void checkReads(Connection connection, String insert, Collection<TableFiles> inputs, String catalog,
      String origin) throws SQLException {
    Set<String> allowed = inputs.stream().map(input -> {
      String[] parts = input.table().split("\\.");
      return catalog + "." + parts[parts.length - 2] + "." + parts[parts.length - 1];
    }).collect(Collectors.toSet());
    String plan;
    try (Statement statement = connection.createStatement();
        var result = statement.executeQuery("EXPLAIN (TYPE IO, FORMAT JSON) " + insert)) {
      result.next();
      plan = result.getString(1);
    } catch (SQLException e) {
      throw refusedOrFailed(e, origin);
    }
    List<String> foreign = TrinoPlanReads.tables(plan).stream().filter(table -> !allowed.contains(table)).sorted()
        .toList();
    if (!foreign.isEmpty()) {
      throw new UnsafeSqlException("It reads " + String.join(", ", foreign) + ", which "
          + (foreign.size() == 1 ? "is not one of its inputs" : "are not among its inputs")
          + ": a transform reads only its inputs, by their names.");
    }
  }

  /** Runs the insert within {@code timeout}; returns the bytes Trino read from storage. */
  private static long run(Connection connection, String insert, Duration timeout) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      AtomicLong scanned = new AtomicLong();
      statement.unwrap(TrinoStatement.class).setProgressMonitor(
          (QueryStats stats) -> scanned.accumulateAndGet(stats.getPhysicalInputBytes(), Math::max));
      Deadline.run(statement, timeout, () -> statement.executeUpdate(insert));
      return scanned.get();
    }
  }

  /** The staging snapshot's new files, as files of the product table (same field ids, the product's spec). */
  private static List<DataFile> dataFiles(Table staging, Table output) {
    Snapshot snapshot = staging.currentSnapshot();
    List<DataFile> files = new ArrayList<>();
    if (snapshot == null) {
      return files;
    }
    for (DataFile file : snapshot.addedDataFiles(staging.io())) {
      files.add(DataFiles.builder(output.spec())
          .withPath(file.location())
          .withFormat(file.format())
          .withFileSizeInBytes(file.fileSizeInBytes())
          .withPartition(file.partition())
          .withMetrics(new Metrics(file.recordCount(), file.columnSizes(), file.valueCounts(),
              file.nullValueCounts(), file.nanValueCounts(), file.lowerBounds(), file.upperBounds()))
          .withSplitOffsets(file.splitOffsets())
          .build());
    }
    return files;
  }

  /** Refuses files with empty values in required columns, as DuckDB's writer does, with counts and sample rows. */
  private static void checkRequired(Connection connection, String target, Table output, List<DataFile> files,
      String origin) throws SQLException {
    List<MissingRequiredValuesException.EmptyColumn> empty = new ArrayList<>();
    long totalRows = files.stream().mapToLong(DataFile::recordCount).sum();
    for (Types.NestedField field : output.schema().columns()) {
      if (field.isOptional()) {
        continue;
      }
      long nulls = 0;
      boolean counted = true;
      for (DataFile file : files) {
        Map<Integer, Long> counts = file.nullValueCounts();
        Long count = counts == null ? null : counts.get(field.fieldId());
        if (count == null) {
          counted = false;
          break;
        }
        nulls += count;
      }
      String column = DuckDbSession.quote(field.name());
      if (!counted) {
        nulls = count(connection, "SELECT count(*) FROM " + target + " WHERE " + column + " IS NULL");
      }
      if (nulls > 0) {
        empty.add(new MissingRequiredValuesException.EmptyColumn(field.name(), nulls,
            sample(connection, "SELECT * FROM " + target + " WHERE " + column + " IS NULL LIMIT " + SAMPLE_ROWS)));
      }
    }
    if (!empty.isEmpty()) {
      throw new MissingRequiredValuesException(origin, empty, totalRows);
    }
  }

  private static long count(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); var result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }

  private static List<String> sample(Connection connection, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement(); var result = statement.executeQuery(sql)) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<String> values = new ArrayList<>();
        for (int column = 1; column <= columns; column++) {
          values.add(String.valueOf(result.getObject(column)));
        }
        rows.add(String.join(", ", values));
      }
    }
    return rows;
  }

  /** A statement Trino cannot parse is not one query; any other error is the transform's failure. */
  private static SQLException refusedOrFailed(SQLException e, String origin) {
    String message = Messages.firstLine(e);
    if (message.contains("mismatched input") || message.contains("extraneous input")) {
      return new UnsafeSqlException("Trino does not read it as exactly one query: " + message + ".", message, 0);
    }
    return e;
  }
}
