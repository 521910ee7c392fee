package io.meshwork.functions;

import io.meshwork.engine.compute.DuckDbSession;
import io.meshwork.engine.pipeline.Engine;
import io.meshwork.engine.storage.LocalTenantStorage;
import io.meshwork.model.definition.Catalog;
import io.meshwork.model.parse.CatalogLoader;
import io.meshwork.model.parse.DefinitionFiles;
import io.meshwork.model.parse.DirectoryDefinitionFiles;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The one engine a Lambda instance shares across invocations. It is built while the handler class initialises, when
 * Lambda grants the most CPU, so the catalogue is parsed and validated once per instance, not per invocation.
 *
 * <p>Settings come from environment variables, or from the equivalent Micronaut properties:
 * <ul>
 *   <li>{@code MESHWORK_DEFINITIONS} ({@code meshwork.definitions}): a catalogue directory; by default the catalogue
 *       packaged in the product-definitions jar.</li>
 *   <li>{@code MESHWORK_HOME} ({@code meshwork.home}): where tenants' tables live, default {@value #DEFAULT_HOME}.</li>
 *   <li>{@code MESHWORK_DUCKDB_THREADS} ({@code meshwork.duckdb.threads}) and {@code MESHWORK_DUCKDB_MEMORY}
 *       ({@code meshwork.duckdb.memory}, e.g. {@code 1536MB}): DuckDB's limits, by default every vCPU of the
 *       function and half its memory.</li>
 * </ul>
 *
 * <p>Storage is the embedded {@link LocalTenantStorage} for now, which on Lambda lives only as long as the instance's
 * /tmp; the Glue catalog and S3 warehouse storage comes in a later change.
 */
@Factory
final class EngineFactory {

  static final String DEFAULT_HOME = "/tmp/meshwork";

  /**
   * The share of the function's memory DuckDB may use: the rest is for the JVM heap (Iceberg metadata, Parquet
   * footers), the staged input files' page cache and the runtime itself.
   */
  private static final double DUCKDB_MEMORY_SHARE = 0.5;

  @Singleton
  @Bean(preDestroy = "close")
  Engine engine(Environment environment) {
    DefinitionFiles files = environment.getProperty("meshwork.definitions", String.class)
        .<DefinitionFiles>map(directory -> new DirectoryDefinitionFiles(Path.of(directory)))
        .orElseGet(ClasspathDefinitionFiles::new);
    Catalog catalog = CatalogLoader.load(files);
    Path home = Path.of(environment.getProperty("meshwork.home", String.class).orElse(DEFAULT_HOME));
    return new Engine(catalog, tenant -> LocalTenantStorage.open(home, tenant), limits(environment));
  }

  static DuckDbSession.Limits limits(Environment environment) {
    DuckDbSession.Limits defaults = DuckDbSession.Limits.forMachine(1);
    int threads = environment.getProperty("meshwork.duckdb.threads", Integer.class).orElse(defaults.threads());
    String memory = environment.getProperty("meshwork.duckdb.memory", String.class)
        .or(() -> lambdaMemoryShare(environment))
        .orElse(defaults.memoryLimit());
    return new DuckDbSession.Limits(threads, memory);
  }

  /** Half of the memory configured for the function, which Lambda exposes as AWS_LAMBDA_FUNCTION_MEMORY_SIZE. */
  private static Optional<String> lambdaMemoryShare(Environment environment) {
    return environment.getProperty("aws.lambda.function.memory.size", Integer.class)
        .map(megabytes -> Math.max(64, (int) (megabytes * DUCKDB_MEMORY_SHARE)) + "MB");
  }
}
