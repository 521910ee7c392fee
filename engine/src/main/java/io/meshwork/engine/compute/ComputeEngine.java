package io.meshwork.engine.compute;

import io.meshwork.engine.storage.TenantStorage;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Table;

/**
 * Where SQL runs: a product's transform over pinned input files into Iceberg-ready data files, and check queries
 * over table files. DuckDB in-process ({@link DuckDbCompute}) is the first implementation; a distributed engine
 * plugs in here. Every implementation runs only SQL its own guard accepts as one query.
 */
public interface ComputeEngine {

  /** How long one run may take unless its definition says otherwise: Lambda's own ceiling. */
  Duration DEFAULT_TIMEOUT = Duration.ofMinutes(15);

  /**
   * Runs {@code sql} over {@code inputs} and writes its rows as data files of {@code output}, in the table's
   * location but not committed. {@code origin} names the SQL in messages; {@code timeout} bounds the run.
   *
   * @throws UnsafeSqlException if the SQL is not one query the engine may run; nothing of it ran
   * @throws ResultShapeException if the result's columns are not the table's
   * @throws MissingRequiredValuesException if the result has empty values in a required column of the table; no
   *     file of it is left in the table's location
   */
  List<DataFile> write(TenantStorage storage, Collection<TableFiles> inputs, String sql, Table output, String origin,
      Duration timeout) throws SQLException;

  /**
   * {@link #write}, with what the engine measured: an engine that reads tables itself reports the bytes it
   * scanned (empty: the engine does not know; the pipeline then counts the pinned inputs' files).
   */
  default Written writeMeasured(TenantStorage storage, Collection<TableFiles> inputs, String sql, Table output,
      String origin, Duration timeout) throws SQLException {
    return new Written(write(storage, inputs, sql, output, origin, timeout), OptionalLong.empty());
  }

  /** The data files of one write, and the bytes the engine scanned for them when it knows. */
  record Written(List<DataFile> files, OptionalLong bytesScanned) {
    public Written {
      files = List.copyOf(files);
      java.util.Objects.requireNonNull(bytesScanned, "bytesScanned");
    }
  }

  /** The engine's name in usage records, e.g. {@code duckdb}. */
  default String name() {
    return getClass().getSimpleName();
  }

  /** Opens a read-only session over {@code tables} for quality checks and verification. */
  CheckSession openChecks(TenantStorage storage, Collection<TableFiles> tables);
}
