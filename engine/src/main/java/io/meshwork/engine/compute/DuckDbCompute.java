package io.meshwork.engine.compute;

import io.meshwork.engine.storage.TenantStorage;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Table;

/** DuckDB in-process: each run is its own locked-down {@link DuckDbSession} within {@link DuckDbSession.Limits}. */
public final class DuckDbCompute implements ComputeEngine {

  private final DuckDbSession.Limits limits;

  public DuckDbCompute(DuckDbSession.Limits limits) {
    this.limits = limits;
  }

  /** The bounds of every session this engine opens (the run timeout aside, which each write gives). */
  @Override
  public String name() {
    return "duckdb";
  }

  public DuckDbSession.Limits limits() {
    return limits;
  }

  @Override
  public List<DataFile> write(TenantStorage storage, Collection<TableFiles> inputs, String sql, Table output,
      String origin, Duration timeout) throws SQLException {
    try (DuckDbSession session = DuckDbSession.openWriting(storage.workDirectory(), inputs,
        limits.withTimeout(timeout))) {
      return new OutputWriter(session, storage).write(session.guard(sql), output, origin);
    }
  }

  @Override
  public CheckSession openChecks(TenantStorage storage, Collection<TableFiles> tables) {
    return DuckDbSession.open(storage.workDirectory(), tables, limits);
  }
}
