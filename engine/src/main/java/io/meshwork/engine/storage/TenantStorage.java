package io.meshwork.engine.storage;

import java.io.Closeable;
import java.nio.file.Path;
import java.util.List;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;

/**
 * One tenant's storage: its Iceberg catalog and a local work directory that DuckDB may use. Locally the data files
 * already lie on disk ({@link LocalTenantStorage}); on AWS they are staged to the function's /tmp
 * ({@link StagedTenantStorage}). Each tenant has its own storage, so one
 * tenant's run can never address another tenant's tables.
 */
public interface TenantStorage extends Closeable {

  String tenantId();

  Catalog catalog();

  /** The only directory DuckDB may touch besides the files handed to it. */
  Path workDirectory();

  /**
   * Local paths from which DuckDB can read {@code files} of {@code table}, in the same order: the files themselves
   * when they lie on a local disk, copies staged through the table's FileIO otherwise.
   */
  List<Path> readable(Table table, List<DataFile> files);

  /** Moves a file written in the work directory into {@code table}'s data location; returns its location. */
  String adopt(Path localFile, Table table);
}
