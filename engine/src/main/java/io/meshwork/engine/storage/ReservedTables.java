package io.meshwork.engine.storage;

import io.meshwork.engine.compute.ComputeEngine;
import io.meshwork.model.definition.Classification;
import io.meshwork.model.definition.Column;
import io.meshwork.model.definition.ColumnType;
import io.meshwork.model.definition.Location;
import java.sql.SQLException;
import java.util.List;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Table;

/**
 * What Meshwork's own tables in the reserved domain {@code meshwork} share (quality results, the access log, usage): their
 * columns are internal, and rows are appended straight to {@code main}, one append after another per tenant.
 */
public final class ReservedTables {

  private ReservedTables() {
  }

  /** A column of a reserved table, classified internal, located at {@code location}. */
  public static Column column(String name, String type, boolean required, String description, Location location) {
    return new Column(name, ColumnType.parse(type).orElseThrow(), required, description, Classification.INTERNAL,
        location);
  }

  /**
   * Writes the rows of Meshwork's own {@code sql} and appends them to {@code table}; appends commute. Returns the
   * files written.
   */
  public static List<DataFile> append(TenantStorage storage, ComputeEngine compute, Table table, String sql, String what) {
    List<DataFile> files;
    try {
      files = compute.write(storage, List.of(), sql, table, what, ComputeEngine.DEFAULT_TIMEOUT);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot record " + what + ": " + e.getMessage(), e);
    }
    // Parallel writers of one tenant append one after another rather than retrying each other's commits.
    synchronized (storage) {
      AppendFiles append = table.newAppend();
      files.forEach(append::appendFile);
      append.commit();
    }
    return files;
  }
}
