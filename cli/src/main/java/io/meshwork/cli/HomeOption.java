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
    return new Engine(catalog, tenant -> LocalTenantStorage.open(home, tenant), limits());
  }

  /** An engine over the local storage that runs products on athena on the configured Trino, if any. */
  Engine engine(Catalog catalog, TrinoOption trino) {
    return engine(catalog, home, trino);
  }

  static Engine engine(Catalog catalog, Path home, TrinoOption trino) {
    DuckDbCompute duckDb = new DuckDbCompute(limits());
    return new Engine(catalog, tenant -> LocalTenantStorage.open(home, tenant), duckDb, trino.engines(duckDb),
        java.util.Optional.empty());
  }

  /**
   * DuckDB limits: all cores, memory from $MESHWORK_DUCKDB_MEMORY or shared among as many sessions as cores, disk
   * for spilling from $MESHWORK_DUCKDB_SPILL or {@link DuckDbSession.Limits#DEFAULT_MAX_SPILL}.
   */
  static DuckDbSession.Limits limits() {
    int cores = Runtime.getRuntime().availableProcessors();
    String memory = System.getenv(RuntimeNames.DUCKDB_MEMORY_VARIABLE);
    DuckDbSession.Limits limits = memory == null ? DuckDbSession.Limits.forMachine(cores)
        : new DuckDbSession.Limits(cores, memory);
    String spill = System.getenv(RuntimeNames.DUCKDB_SPILL_VARIABLE);
    return spill == null ? limits : limits.withMaxSpill(Sizes.check(RuntimeNames.DUCKDB_SPILL_VARIABLE, spill));
  }
}
