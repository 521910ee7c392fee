package io.meshwork.engine.compute;

import io.meshwork.engine.storage.IcebergSchemas;
import io.meshwork.engine.storage.ParquetFooters;
import io.meshwork.engine.storage.TenantStorage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.PartitionField;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.types.Types;

/**
 * Runs a product's SQL straight into Parquet files with Iceberg field ids (one file per partition), after checking
 * that its result has exactly the contract's columns and types.
 */
public final class OutputWriter {

  private static final String PARTITION_PREFIX = "meshwork_partition_";

  private final DuckDbSession session;
  private final TenantStorage storage;

  public OutputWriter(DuckDbSession session, TenantStorage storage) {
    this.session = session;
    this.storage = storage;
  }

  /**
   * Writes the result of {@code query} for {@code table}; returns its data files, moved into the table's location.
   * {@code origin} names the SQL in messages, e.g. "The transform of claims_clean (products/.../transform.sql)".
   * The files are written into the session's own output directory, the only place it may write.
   *
   * @throws MissingRequiredValuesException if a required column has empty values; nothing was moved
   */
  List<DataFile> write(GuardedQuery query, Table table, String origin) throws SQLException {
    return writeChecked(query, table, origin);
  }

  /**
   * Writes the rows of a query Meshwork built itself from validated parts (never text from a user or a definition),
   * e.g. the reader of a tenant's delivered files, which reads files and so would not pass the guard.
   */
  public List<DataFile> writeOwnQuery(String sql, Table table, String origin) throws SQLException {
    return writeChecked(new GuardedQuery(sql, java.util.Set.of()), table, origin);
  }

  private List<DataFile> writeChecked(GuardedQuery query, Table table, String origin) throws SQLException {
    Schema schema = table.schema();
    checkColumns(query, schema, origin);
    Path directory = session.outputDirectory().resolve("data-" + UUID.randomUUID());
    String fieldIds = schema.columns().stream()
        .map(field -> DuckDbSession.quote(field.name()) + ": " + field.fieldId())
        .collect(Collectors.joining(", "));
    PartitionSpec spec = table.spec();
    try {
      if (!spec.isPartitioned()) {
        Path file = directory.resolve("data.parquet");
        Files.createDirectories(directory);
        session.execute("COPY " + query.subquery() + " TO " + DuckDbSession.literal(file.toString())
            + " (FORMAT parquet, COMPRESSION zstd, FIELD_IDS {" + fieldIds + "})");
        return adopt(directory, Map.of(file, List.of()), table, origin);
      }
      List<String> partitionColumns = new ArrayList<>();
      StringBuilder select = new StringBuilder("SELECT *");
      for (int i = 0; i < spec.fields().size(); i++) {
        PartitionField field = spec.fields().get(i);
        select.append(", ").append(partitionExpression(field, schema)).append(" AS ").append(PARTITION_PREFIX + i);
        partitionColumns.add(PARTITION_PREFIX + i);
      }
      session.execute("COPY (" + select + " FROM " + query.subquery() + ") TO "
          + DuckDbSession.literal(directory.toString())
          + " (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (" + String.join(", ", partitionColumns)
          + "), FIELD_IDS {" + fieldIds + "})");
      return adopt(directory, partitions(directory), table, origin);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the output of " + table.name(), e);
    }
  }

  private void checkColumns(GuardedQuery query, Schema schema, String origin) throws SQLException {
    List<String> actual = session.describe(query);
    List<String> expected = schema.columns().stream()
        .map(field -> field.name() + " " + IcebergSchemas.duckDbType(field.type())).toList();
    if (!actual.equals(expected)) {
      throw new ResultShapeException(origin + " returns columns [" + String.join(", ", actual) + "], but its "
          + "contract declares [" + String.join(", ", expected) + "]. Select exactly the contract's columns, in order, "
          + "with CAST(... AS type) where the type differs.");
    }
  }

  /** The DuckDB expression of an Iceberg partition transform, as Iceberg's partition string for that value. */
  private static String partitionExpression(PartitionField field, Schema schema) {
    Types.NestedField source = schema.findField(field.sourceId());
    String column = DuckDbSession.quote(source.name());
    String transform = field.transform().toString().toLowerCase(Locale.ROOT);
    if (transform.equals("identity")) {
      return column;
    }
    if (transform.equals("year")) {
      return "(year(" + column + ") - 1970)";
    }
    if (transform.equals("month")) {
      return "((year(" + column + ") - 1970) * 12 + month(" + column + ") - 1)";
    }
    if (transform.equals("day")) {
      return "date_diff('day', DATE '1970-01-01', CAST(" + column + " AS DATE))";
    }
    if (transform.equals("hour")) {
      return "(epoch(" + column + ") // 3600)";
    }
    if (transform.startsWith("truncate[")) {
      int width = Integer.parseInt(transform.substring(9, transform.length() - 1));
      return source.type().typeId() == org.apache.iceberg.types.Type.TypeID.STRING
          ? "left(" + column + ", " + width + ")"
          : "(" + column + " - (((" + column + " % " + width + ") + " + width + ") % " + width + "))";
    }
    throw new IllegalArgumentException("Unsupported partition transform " + transform);
  }

  /**
   * Reads the footers of the written files (each with its Iceberg partition strings), refuses them when a required
   * column has empty values, and otherwise moves them into the table's location.
   */
  private List<DataFile> adopt(Path directory, Map<Path, List<String>> written, Table table, String origin)
      throws SQLException {
    Map<Path, ParquetFooters.Footer> footers = new LinkedHashMap<>();
    written.keySet().forEach(file -> footers.put(file, ParquetFooters.read(file)));
    RequiredValues.check(session, table.schema(), directory, footers, origin);
    List<DataFile> files = new ArrayList<>();
    footers.forEach((file, footer) ->
        files.add(footer.dataFile(table.spec(), storage.adopt(file, table), written.get(file))));
    return files;
  }

  /** The files of a partitioned write, each with its partition values read from its directory names. */
  private static Map<Path, List<String>> partitions(Path directory) throws IOException {
    Map<Path, List<String>> files = new LinkedHashMap<>();
    try (Stream<Path> written = Files.walk(directory)) {
      for (Path file : written.filter(path -> path.toString().endsWith(".parquet")).sorted().toList()) {
        List<String> values = new ArrayList<>();
        for (Path part : directory.relativize(file.getParent())) {
          String segment = part.toString();
          String value = java.net.URLDecoder.decode(segment.substring(segment.indexOf('=') + 1),
              java.nio.charset.StandardCharsets.UTF_8);
          values.add(value.equals("NULL") || value.equals("__HIVE_DEFAULT_PARTITION__") ? null : value);
        }
        files.put(file, values);
      }
    }
    return files;
  }
}
