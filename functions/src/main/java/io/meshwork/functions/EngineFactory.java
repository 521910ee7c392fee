package io.meshwork.functions;

import static io.meshwork.model.runtime.RuntimeNames.CATALOG_VARIABLE;
import static io.meshwork.model.runtime.RuntimeNames.DEFINITIONS_VARIABLE;
import static io.meshwork.model.runtime.RuntimeNames.DUCKDB_MEMORY_VARIABLE;
import static io.meshwork.model.runtime.RuntimeNames.DUCKDB_SPILL_VARIABLE;
import static io.meshwork.model.runtime.RuntimeNames.DUCKDB_THREADS_VARIABLE;
import static io.meshwork.model.runtime.RuntimeNames.HOME_VARIABLE;
import static io.meshwork.model.runtime.RuntimeNames.S3_PATH_STYLE_VARIABLE;
import static io.meshwork.model.runtime.RuntimeNames.TENANT_VARIABLE;
import static io.meshwork.model.runtime.RuntimeNames.WAREHOUSE_VARIABLE;
import static io.meshwork.model.runtime.RuntimeNames.property;

import io.meshwork.engine.compute.DuckDbSession;
import io.meshwork.engine.pipeline.Engine;
import io.meshwork.engine.storage.StagedTenantStorage;
import io.meshwork.engine.storage.LocalTenantStorage;
import io.meshwork.engine.storage.TenantStorage;
import io.meshwork.model.definition.Catalog;
import io.meshwork.model.parse.CatalogLoader;
import io.meshwork.model.parse.DefinitionFiles;
import io.meshwork.model.parse.DirectoryDefinitionFiles;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one engine a Lambda instance shares across invocations. It is built while the handler class initialises, when
 * Lambda grants the most CPU, so the catalogue is parsed and validated once per instance, not per invocation.
 *
 * <p>Settings come from environment variables, or from the equivalent Micronaut properties:
 * <ul>
 *   <li>{@code MESHWORK_CATALOG} ({@code meshwork.catalog}): where tenants' tables live. {@code local} (default): the
 *       embedded {@link LocalTenantStorage} (SQLite catalog and warehouse directory under {@code MESHWORK_HOME}), which
 *       on Lambda lives only as long as the instance's /tmp. {@code glue}: the Glue Data Catalog of the function's
 *       account with S3FileIO ({@link StagedTenantStorage}); needs {@code MESHWORK_WAREHOUSE}.</li>
 *   <li>{@code MESHWORK_WAREHOUSE} ({@code meshwork.warehouse}): with {@code glue}, the tenant's warehouse,
 *       {@code s3://<bucket>/warehouse}.</li>
 *   <li>{@code MESHWORK_TENANT} ({@code meshwork.tenant}): the one tenant this function serves (its account's);
 *       requests for any other tenant fail with {@link InvalidRequestError}. Unset: every tenant of the catalogue.</li>
 *   <li>{@code MESHWORK_S3_PATH_STYLE} ({@code meshwork.s3.path-style}): {@code true} addresses S3 buckets by path,
 *       as emulators need; default {@code false}.</li>
 *   <li>{@code AWS_ENDPOINT_URL} ({@code aws.endpoint.url}): the standard AWS SDK variable; when set, Glue and S3
 *       calls go to that endpoint (an emulator).</li>
 *   <li>{@code MESHWORK_DEFINITIONS} ({@code meshwork.definitions}): a catalogue directory; by default the catalogue
 *       packaged in the product-definitions jar.</li>
 *   <li>{@code MESHWORK_HOME} ({@code meshwork.home}): the local root, default {@value #DEFAULT_HOME}: tenants' tables
 *       with {@code local}, staged input files and DuckDB's work directory with {@code glue}.</li>
 *   <li>{@code MESHWORK_DUCKDB_THREADS} ({@code meshwork.duckdb.threads}) and {@code MESHWORK_DUCKDB_MEMORY}
 *       ({@code meshwork.duckdb.memory}, e.g. {@code 1536MB}): DuckDB's limits, by default every vCPU of the
 *       function and half its memory.</li>
 * </ul>
 */
@Factory
final class EngineFactory {

  static final String DEFAULT_HOME = "/tmp/meshwork";

  @Singleton
  @Bean(preDestroy = "close")
  Engine engine(Environment environment) {
    DefinitionFiles files = environment.getProperty(property(DEFINITIONS_VARIABLE), String.class)
        .<DefinitionFiles>map(directory -> new DirectoryDefinitionFiles(Path.of(directory)))
        .orElseGet(ClasspathDefinitionFiles::new);
    Catalog catalog = CatalogLoader.load(files);
    Optional<String> tenant = environment.getProperty(property(TENANT_VARIABLE), String.class)
        .filter(id -> !id.isBlank());
    Engine engine = new Engine(catalog, storage(environment), limits(environment), tenant);
    // Plans the served tenant now, during the init phase (and before a SnapStart snapshot): an unknown tenant
    // fails the deployment's first start instead of every invocation.
    tenant.ifPresent(engine::plan);
    return engine;
  }

  /** How a tenant's storage is opened, from {@code meshwork.catalog}; fails at startup on incomplete settings. */
  static Function<String, TenantStorage> storage(Environment environment) {
    Path home = home(environment);
    String kind = environment.getProperty(property(CATALOG_VARIABLE), String.class).orElse("local").trim();
    switch (kind) {
      case "local":
        return tenant -> LocalTenantStorage.open(home, tenant);
      case "glue":
        String warehouse = environment.getProperty(property(WAREHOUSE_VARIABLE), String.class).orElse("").trim();
        if (!warehouse.startsWith("s3://") || warehouse.length() <= "s3://".length()) {
          throw new IllegalStateException("MESHWORK_CATALOG=glue needs MESHWORK_WAREHOUSE, the tenant's warehouse "
              + "location such as s3://<bucket>/warehouse" + (warehouse.isEmpty() ? "; it is not set."
              : "; got '" + warehouse + "'."));
        }
        Map<String, String> properties = StagedTenantStorage.glueProperties(warehouse,
            environment.getProperty("aws.endpoint.url", String.class).filter(url -> !url.isBlank()),
            environment.getProperty(property(S3_PATH_STYLE_VARIABLE), Boolean.class).orElse(false));
        return tenant -> StagedTenantStorage.open(tenant, properties, home);
      default:
        throw new IllegalStateException("Unknown MESHWORK_CATALOG '" + kind + "': use local (the default) or glue.");
    }
  }

  static DuckDbSession.Limits limits(Environment environment) {
    DuckDbSession.Limits defaults = DuckDbSession.Limits.forMachine(1);
    int threads = environment.getProperty(property(DUCKDB_THREADS_VARIABLE), Integer.class).orElse(defaults.threads());
    String memory = environment.getProperty(property(DUCKDB_MEMORY_VARIABLE), String.class)
        .or(() -> lambdaMemoryShare(environment))
        .orElse(defaults.memoryLimit());
    DuckDbSession.Limits limits = new DuckDbSession.Limits(threads, memory);
    // Spilling within the function's ephemeral storage (/tmp holds the home), unless set explicitly.
    return environment.getProperty(property(DUCKDB_SPILL_VARIABLE), String.class).filter(size -> !size.isBlank())
        .map(limits::withMaxSpill)
        .orElseGet(() -> limits.withSpillWithin(home(environment)));
  }

  private static Path home(Environment environment) {
    return Path.of(environment.getProperty(property(HOME_VARIABLE), String.class).orElse(DEFAULT_HOME));
  }

  /**
   * DuckDB's share of the memory configured for the function, which Lambda exposes as
   * AWS_LAMBDA_FUNCTION_MEMORY_SIZE; the rest is for the JVM heap (Iceberg metadata, Parquet footers), the staged
   * input files' page cache and the runtime itself.
   */
  private static Optional<String> lambdaMemoryShare(Environment environment) {
    return environment.getProperty("aws.lambda.function.memory.size", Integer.class)
        .map(megabytes -> Math.max(64, (int) (megabytes * DuckDbSession.Limits.DUCKDB_SHARE_OF_PROCESS)) + "MB");
  }
}
