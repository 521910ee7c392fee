package io.meshwork.engine.compute;

import io.meshwork.engine.storage.TenantStorage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.CloseableIterable;

/**
 * The data files of one table snapshot, as Iceberg plans them, under the name SQL reads them by. An empty table
 * (no snapshot yet) has no files and still its schema. {@code schemaEvolved} says whether files may have been
 * written with an older schema, so that they must be read by field id. {@code snapshotId} is the pinned snapshot,
 * for engines that read the table itself rather than its files.
 */
public record TableFiles(String name, String table, Schema schema, List<Path> files, boolean schemaEvolved,
    OptionalLong snapshotId) {

  public TableFiles {
    files = List.copyOf(files);
    java.util.Objects.requireNonNull(snapshotId, "snapshotId");
  }

  /** Files not read from a table snapshot. */
  public TableFiles(String name, String table, Schema schema, List<Path> files, boolean schemaEvolved) {
    this(name, table, schema, files, schemaEvolved, OptionalLong.empty());
  }

  /** Plans the files of {@code snapshotId} of {@code table} ({@code null}: none); refuses delete files. */
  public static TableFiles of(String name, Table table, Long snapshotId, TenantStorage storage) {
    List<DataFile> files = new ArrayList<>();
    if (snapshotId != null) {
      try (CloseableIterable<FileScanTask> tasks = table.newScan().useSnapshot(snapshotId).planFiles()) {
        for (FileScanTask task : tasks) {
          if (!task.deletes().isEmpty()) {
            throw new IllegalStateException("Table " + table.name() + " has row-level deletes (" + task.deletes().size()
                + " delete files on " + task.file().location() + "), which the DuckDB engine cannot apply. Rewrite "
                + "the table without deletes (e.g. with Athena OPTIMIZE) before refreshing products that read it.");
          }
          files.add(task.file().copyWithoutStats()); // planning may reuse the task objects
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot plan the files of " + table.name(), e);
      }
    }
    // A table that never changed its columns has every file written with them; only after evolution must DuckDB map
    // columns by field id, which costs about twice the scan time. A schema change of identifier fields alone (tables
    // created before primary keys became identifier fields) keeps the columns, so such a table is still read by name.
    List<Path> readable = files.isEmpty() ? List.of() : storage.readable(table, files);
    boolean evolved = table.schemas().values().stream()
        .anyMatch(schema -> !schema.asStruct().equals(table.schema().asStruct()));
    return new TableFiles(name, table.name(), table.schema(), readable, evolved,
        snapshotId == null ? OptionalLong.empty() : OptionalLong.of(snapshotId));
  }
}
