package io.meshwork.engine.usage;

import io.meshwork.engine.compute.ComputeEngine;
import io.meshwork.engine.storage.TenantStorage;
import java.sql.SQLException;
import java.util.List;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Table;

/** Appends the rows of one query to a built-in table: one small Parquet file through the compute engine. */
final class BuiltInAppend {

  private BuiltInAppend() {
  }

  static List<DataFile> append(TenantStorage storage, ComputeEngine compute, Table table, String sql, String what) {
    List<DataFile> files;
    try {
      files = compute.write(storage, List.of(), sql, table, what, ComputeEngine.DEFAULT_TIMEOUT);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot record " + what + ": " + e.getMessage(), e);
    }
    // Steps of one tenant append one after another rather than retrying each other's commits.
    synchronized (storage) {
      AppendFiles append = table.newAppend();
      files.forEach(append::appendFile);
      append.commit();
    }
    return files;
  }

  /** A SQL literal of a nullable number. */
  static String number(Number value) {
    return value == null ? "NULL" : value.toString();
  }

  /** A SQL literal of a nullable text, escaped. */
  static String text(String value) {
    return value == null ? "NULL" : io.meshwork.engine.compute.DuckDbSession.literal(value);
  }
}
