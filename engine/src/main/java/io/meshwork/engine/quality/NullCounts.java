package io.meshwork.engine.quality;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.types.Types;

/**
 * The empty values per column of a snapshot, summed from the null counts its manifests keep for every data file
 * (read from the Parquet footers when the files were committed): a contract's required-column check answered
 * without reading the data. A column is left out when any file lacks its count.
 */
public final class NullCounts {

  private NullCounts() {
  }

  public static Map<String, Long> of(Table table, long snapshotId, List<String> columns) {
    Map<Integer, String> byId = new HashMap<>();
    for (String column : columns) {
      Types.NestedField field = table.schemas().values().stream().map(schema -> schema.findField(column))
          .filter(java.util.Objects::nonNull).findFirst().orElse(null);
      if (field != null) {
        byId.put(field.fieldId(), column);
      }
    }
    Map<String, Long> counts = new HashMap<>();
    byId.values().forEach(column -> counts.put(column, 0L));
    try (CloseableIterable<FileScanTask> tasks = table.newScan().useSnapshot(snapshotId).includeColumnStats()
        .planFiles()) {
      for (FileScanTask task : tasks) {
        Map<Integer, Long> nulls = task.file().nullValueCounts();
        for (Map.Entry<Integer, String> column : byId.entrySet()) {
          Long count = nulls == null ? null : nulls.get(column.getKey());
          if (count == null || !task.deletes().isEmpty()) {
            counts.remove(column.getValue());
          } else {
            counts.computeIfPresent(column.getValue(), (name, sum) -> sum + count);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot plan the files of " + table.name(), e);
    }
    return counts;
  }
}
