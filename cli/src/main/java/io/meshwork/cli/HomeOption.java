package io.meshwork.cli;

import io.meshwork.model.runtime.RuntimeNames;
import io.meshwork.engine.compute.DuckDbCompute;
import io.meshwork.engine.compute.DuckDbSession;
import io.meshwork.engine.pipeline.Engine;
import io.meshwork.engine.storage.LocalTenantStorage;
import io.meshwork.model.definition.Catalog;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --home} option: where the embedded default keeps each tenant's catalog and warehouse. */
final class HomeOption {

  @Option(names = "--home", paramLabel = "DIR", defaultValue = "${MESHWORK_HOME:-.meshwork}",
      description = "Meshwork home with one catalog and warehouse per tenant (default: $MESHWORK_HOME or "
          + "${DEFAULT-VALUE}).")
  Path home;

  /** An engine over the local storage under the home directory. */
  Engine engine(Catalog catalog) {
    return engine(catalog, home);
  }

  static Engine engine(Catalog catalog, Path home) {
    return engine(catalog, home, limits());
  }

  static Engine engine(Catalog catalog, Path home, DuckDbSession.Limits limits) {
    return new Engine(catalog, tenant -> LocalTenantStorage.open(home, tenant), limits);
  }

  /**
   * An engine over the local storage that runs products on athena on the configured Trino, if any, its DuckDB
   * sessions sharing {@code --memory}, {@code sessions} at once.
   */
  Engine engine(Catalog catalog, TrinoOption trino, MemoryOption memory, int sessions) {
    return engine(catalog, home, trino, limits(memory, sessions, home));
  }

  static Engine engine(Catalog catalog, Path home, TrinoOption trino, DuckDbSession.Limits limits) {
    DuckDbCompute duckDb = new DuckDbCompute(limits);
    return new Engine(catalog, tenant -> LocalTenantStorage.open(home, tenant), duckDb, trino.engines(duckDb),
        java.util.Optional.empty());
  }

  /**
   * DuckDB limits: all cores, memory from $MESHWORK_DUCKDB_MEMORY or shared among as many sessions as cores, disk
   * for spilling from $MESHWORK_DUCKDB_SPILL or half the free disk of the working directory.
   */
  static DuckDbSession.Limits limits() {
    return limits(new MemoryOption(), Runtime.getRuntime().availableProcessors(), Path.of(""));
  }

  /**
   * DuckDB limits for {@code sessions} at once: with {@code --memory}, an equal share of DuckDB's part of it each;
   * else $MESHWORK_DUCKDB_MEMORY per session; else a share of this machine's memory. Spill as {@link #limits()},
   * on the disk of {@code spillDisk}.
   */
  static DuckDbSession.Limits limits(MemoryOption memory, int sessions, Path spillDisk) {
    int cores = Runtime.getRuntime().availableProcessors();
    String perSession = System.getenv(RuntimeNames.DUCKDB_MEMORY_VARIABLE);
    DuckDbSession.Limits limits = memory.bytes().map(bytes -> DuckDbSession.Limits.forProcess(bytes, sessions))
        .orElseGet(() -> perSession == null ? DuckDbSession.Limits.forMachine(sessions)
            : new DuckDbSession.Limits(cores, perSession));
    String spill = System.getenv(RuntimeNames.DUCKDB_SPILL_VARIABLE);
    return spill == null ? limits.withSpillWithin(spillDisk)
        : limits.withMaxSpill(Sizes.check(RuntimeNames.DUCKDB_SPILL_VARIABLE, spill));
  }
}
