package io.meshwork.engine.compute;

import io.meshwork.engine.storage.ParquetFooters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Types;

/**
 * Refuses written files that hold empty values in required columns, before they reach the table: the null counts
 * come from the Parquet footers the writer reads anyway, so a clean result costs no scan. Only a refused result is
 * read again, for a few sample rows per column.
 */
final class RequiredValues {

  private static final int SAMPLE_ROWS = 5;

  private RequiredValues() {
  }

  /**
   * Throws when a file of {@code footers} has empty values in a required column of {@code schema}; the written
   * {@code directory} is then deleted. A file whose footer has no null count for a required column is counted by a
   * scan of that column: the table format must hold, not be assumed.
   */
  static void check(DuckDbSession session, Schema schema, Path directory, Map<Path, ParquetFooters.Footer> footers,
      String origin) throws SQLException {
    List<MissingRequiredValuesException.EmptyColumn> empty = new ArrayList<>();
    long totalRows = footers.values().stream().mapToLong(footer -> footer.metrics().recordCount()).sum();
    for (Types.NestedField field : schema.columns()) {
      if (field.isOptional()) {
        continue;
      }
      long nulls = 0;
      for (Map.Entry<Path, ParquetFooters.Footer> file : footers.entrySet()) {
        Map<Integer, Long> counts = file.getValue().metrics().nullValueCounts();
        Long count = counts == null ? null : counts.get(field.fieldId());
        nulls += count != null ? count : session.count("SELECT count(*) FROM " + read(List.of(file.getKey()))
            + " WHERE " + DuckDbSession.quote(field.name()) + " IS NULL");
      }
      if (nulls > 0) {
        empty.add(new MissingRequiredValuesException.EmptyColumn(field.name(), nulls,
            sample(session, footers.keySet(), field.name())));
      }
    }
    if (!empty.isEmpty()) {
      delete(directory);
      throw new MissingRequiredValuesException(origin, empty, totalRows);
    }
  }

  private static String read(Collection<Path> files) {
    return "read_parquet([" + files.stream().map(file -> DuckDbSession.literal(file.toString()))
        .collect(Collectors.joining(", ")) + "], hive_partitioning = false)";
  }

  private static List<String> sample(DuckDbSession session, Collection<Path> files, String column)
      throws SQLException {
    List<String> rows = new ArrayList<>();
    for (List<Object> row : session.rows("SELECT * FROM " + read(files) + " WHERE " + DuckDbSession.quote(column)
        + " IS NULL LIMIT " + SAMPLE_ROWS)) {
      rows.add(row.stream().map(String::valueOf).collect(Collectors.joining(", ")));
    }
    return rows;
  }

  private static void delete(Path directory) {
    try (Stream<Path> written = Files.walk(directory)) {
      for (Path path : written.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete the refused output " + directory, e);
    }
  }
}
