package io.meshwork.localstack.pipeline;

import io.meshwork.engine.compute.DuckDbSession;
import io.meshwork.engine.pipeline.Engine;
import io.meshwork.engine.pipeline.SourceDelivery;
import io.meshwork.engine.query.PublishedTables;
import io.meshwork.demodata.SeedOptions;
import io.meshwork.demodata.SwissDataGenerator;
import io.meshwork.engine.storage.StagedTenantStorage;
import io.meshwork.engine.storage.ProductTables;
import io.meshwork.localstack.emulators.EmulatorAccount;
import io.meshwork.localstack.emulators.EmulatorEndpoints;
import io.meshwork.model.definition.Catalog;
import io.meshwork.model.definition.Source;
import io.meshwork.model.definition.TableName;
import io.meshwork.model.parse.CatalogLoader;
import io.meshwork.model.parse.DirectoryDefinitionFiles;
import io.meshwork.model.plan.PlannedProduct;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.iceberg.Table;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;

/**
 * Tenant alpina's storage as its account holds it, in a fresh emulator account: a warehouse bucket, the account's
 * Glue Data Catalog, and an engine over {@link StagedTenantStorage} through which the test seeds sources and reads
 * tables back. The Lambda settings of that storage are {@link #lambdaEnvironment}.
 */
final class GlueTenant implements AutoCloseable {

  static final String TENANT = "alpina";
  static final Path CATALOG_DIRECTORY = Path.of("..", "product-definitions", "catalog");
  /** Two threads: the build shares two cores with other builds. */
  static final DuckDbSession.Limits LIMITS = new DuckDbSession.Limits(2, "1GB");

  private final EmulatorAccount account;
  private final String bucket;
  private final Catalog catalog;
  private final Engine engine;

  private GlueTenant(EmulatorAccount account, String bucket, Path home, Path catalogDirectory) {
    this.account = account;
    this.bucket = bucket;
    this.catalog = CatalogLoader.load(new DirectoryDefinitionFiles(catalogDirectory));
    this.engine = engine(catalogProperties(), home.resolve("test-engine"));
  }

  /** A fresh account with an empty warehouse bucket; local copies go under {@code home}. */
  static GlueTenant create(EmulatorEndpoints endpoints, Path home) {
    return create(endpoints, home, CATALOG_DIRECTORY);
  }

  /** The same over the catalogue in {@code catalogDirectory} (the handlers need it as {@code meshwork.definitions}). */
  static GlueTenant create(EmulatorEndpoints endpoints, Path home, Path catalogDirectory) {
    EmulatorAccount account = EmulatorAccount.fresh(endpoints);
    String bucket = "meshwork-" + TENANT + "-" + UUID.randomUUID().toString().substring(0, 8);
    try (S3Client s3 = account.s3()) {
      s3.createBucket(request -> request.bucket(bucket).createBucketConfiguration(configuration ->
          configuration.locationConstraint(BucketLocationConstraint.fromValue(endpoints.region().id()))));
    }
    return new GlueTenant(account, bucket, home, catalogDirectory);
  }

  EmulatorAccount account() {
    return account;
  }

  String bucket() {
    return bucket;
  }

  String warehouse() {
    return "s3://" + bucket + "/warehouse";
  }

  Catalog catalog() {
    return catalog;
  }

  /** The catalog properties a function builds from its environment (see {@link #lambdaEnvironment}). */
  Map<String, String> catalogProperties() {
    return StagedTenantStorage.glueProperties(warehouse(), Optional.of(account.endpoints().aws().toString()), true);
  }

  /** An engine serving this tenant over the Glue catalog {@code properties} describe, as a function's does. */
  Engine engine(Map<String, String> properties, Path workRoot) {
    return new Engine(catalog, tenant -> StagedTenantStorage.open(tenant, properties, workRoot), LIMITS,
        Optional.of(TENANT));
  }

  /**
   * What the tenant stack gives each function (MESHWORK_CATALOG, MESHWORK_WAREHOUSE, MESHWORK_TENANT) plus what an
   * emulator needs (AWS_ENDPOINT_URL, MESHWORK_S3_PATH_STYLE), as the Micronaut properties those variables stand
   * for; the access key selects the account. MESHWORK_HOME, each function's own /tmp, is set by
   * {@link LambdaHandlers}.
   */
  Map<String, String> lambdaEnvironment() {
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("meshwork.catalog", "glue");
    environment.put("meshwork.warehouse", warehouse());
    environment.put("meshwork.tenant", TENANT);
    environment.put("meshwork.s3.path-style", "true");
    environment.put("aws.endpoint.url", account.endpoints().aws().toString());
    environment.put("meshwork.duckdb.threads", Integer.toString(LIMITS.threads()));
    environment.put("meshwork.duckdb.memory", LIMITS.memoryLimit());
    environment.put("aws.accessKeyId", account.id());
    return environment;
  }

  /** Delivers generated rows of {@code sources} for {@code options} through the Glue storage; rows by source. */
  Map<String, Long> seed(SeedOptions options, String... sources) {
    SwissDataGenerator generator = new SwissDataGenerator();
    Map<String, Long> rows = new LinkedHashMap<>();
    for (String name : sources) {
      Source source = engine.plan(TENANT).sources().stream().filter(planned -> planned.name().equals(name))
          .findFirst().orElseThrow(() -> new IllegalArgumentException(TENANT + " reads no source " + name));
      rows.put(name, new SourceDelivery(engine).deliver(TENANT, source, generator.sql(name, options),
          "generated " + name));
    }
    return rows;
  }

  /** The tenant's storage as the test engine opened it. */
  io.meshwork.engine.storage.TenantStorage storage() {
    return engine.storage(TENANT);
  }

  PlannedProduct planned(String product) {
    return engine.planned(TENANT, product);
  }

  /** The table as the catalog has it now. */
  Table table(TableName name) {
    return ProductTables.load(engine.storage(TENANT).catalog(), name)
        .orElseThrow(() -> new AssertionError("No table " + name + " in the Glue catalog of " + account.id()));
  }

  Table table(String product) {
    return table(planned(product).tableName());
  }

  /** The rows of {@code sql} over the tenant's published tables (e.g. {@code meshwork.quality_results_v1}). */
  List<List<Object>> query(String sql) throws SQLException {
    try (DuckDbSession session = PublishedTables.open(engine.storage(TENANT), LIMITS)) {
      return session.rows(sql);
    }
  }

  @Override
  public void close() throws IOException {
    engine.close();
  }
}
