package io.meshwork.localstack.pipeline;

import static io.meshwork.localstack.pipeline.GlueTenant.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.demodata.SeedOptions;
import io.meshwork.engine.compute.DuckDbSession;
import io.meshwork.engine.pipeline.ComputeResult;
import io.meshwork.engine.pipeline.PublishResult;
import io.meshwork.engine.pipeline.StagedQuery;
import io.meshwork.engine.pipeline.StepRequest;
import io.meshwork.engine.pipeline.ValidateResult;
import io.meshwork.engine.query.PublishedTables;
import io.meshwork.functions.CommitAthenaFunction;
import io.meshwork.functions.LambdaSerializer;
import io.meshwork.functions.PrepareAthenaFunction;
import io.meshwork.functions.PublishFunction;
import io.meshwork.functions.ValidateFunction;
import io.meshwork.localstack.emulators.EmulatorEndpoints;
import io.meshwork.localstack.emulators.EmulatorTest;
import io.meshwork.model.definition.TableName;
import io.meshwork.trino.local.LocalTrino;
import io.meshwork.trino.local.TrinoCatalog;
import io.meshwork.trino.local.TrinoTest;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.glue.GlueClient;

/**
 * A product on the athena engine through the real Prepare and Commit handlers on the emulator's Glue + S3, with a
 * local Trino (Athena's engine) configured as Athena is, Iceberg over the Glue catalog and S3, running the statement
 * Prepare rendered where the state machine would hand it to Athena; then the real Validate and Publish. The same
 * Trino then reads every table the handlers published, as customers read them through Athena. What this does not
 * prove: Athena's own service (workgroup, the {@code .sync} integration, Lake Formation's enforcement), which no
 * emulator here runs.
 */
@EmulatorTest
@TrinoTest
class AthenaOnGlueTest {

  private static final SeedOptions CLEAN = new SeedOptions(300, 7);
  private static final String ON_ATHENA = "cost_by_provider_type";
  private static final String TRINO_CATALOG = io.meshwork.engine.pipeline.StagedRun.ATHENA_CATALOG;

  @TempDir
  Path home;
  private GlueTenant tenant;
  private LambdaEnvironment environment;
  private LocalTrino trino;
  private final JsonMapper json = new LambdaSerializer().getJsonMapper();

  @BeforeEach
  void openTenant(EmulatorEndpoints endpoints, LocalTrino trino) throws Exception {
    this.trino = trino;
    Path catalog = copyCatalogWith(home.resolve("catalog"), ON_ATHENA);
    tenant = GlueTenant.create(endpoints, home, catalog);
    Map<String, String> properties = new LinkedHashMap<>(tenant.lambdaEnvironment());
    properties.put("meshwork.definitions", catalog.toString());
    environment = LambdaEnvironment.apply(properties);
    trino.addCatalog(TrinoCatalog.glue(TRINO_CATALOG, endpoints.aws(), endpoints.aws(), endpoints.region().id(),
        tenant.account().id(), EmulatorEndpoints.SECRET_ACCESS_KEY));
  }

  @AfterEach
  void closeTenant() throws Exception {
    try {
      trino.dropCatalog(TRINO_CATALOG);
      tenant.close();
    } finally {
      environment.close();
    }
  }

  @Test
  void aProductOnAthena_runsItsPreparedStatementInTrinoOverGlue_andPublishesThroughTheRealHandlers()
      throws Exception {
    tenant.seed(CLEAN, "claims", "providers", "cantons");
    try (LambdaHandlers handlers = new LambdaHandlers(home.resolve("functions"))) {
      assertThat(handlers.refresh(TENANT, "r0", "claims_clean").product("claims_clean").publish().status())
          .isEqualTo(PublishResult.Status.PUBLISHED);
    }
    StepRequest request = new StepRequest(TENANT, ON_ATHENA, "r1");

    StagedQuery prepared;
    try (PrepareAthenaFunction prepare = new PrepareAthenaFunction()) {
      prepared = viaJson(prepare.handleRequest(viaJson(request, StepRequest.class), null), StagedQuery.class);
    }
    long inserted = execute(prepared.query());
    ComputeResult computed;
    try (CommitAthenaFunction commit = new CommitAthenaFunction()) {
      computed = viaJson(commit.handleRequest(prepared, null), ComputeResult.class);
    }
    // What the state machine's Remove staging table does: Glue's DeleteTable, the files stay.
    try (GlueClient glue = tenant.account().client(GlueClient.builder()).build()) {
      glue.deleteTable(delete -> delete.databaseName(prepared.stagingDatabase()).name(prepared.stagingTable()));
    }
    ValidateResult validated;
    try (ValidateFunction validate = new ValidateFunction()) {
      validated = viaJson(validate.handleRequest(computed, null), ValidateResult.class);
    }
    PublishResult published;
    try (PublishFunction publish = new PublishFunction()) {
      published = viaJson(publish.handleRequest(validated, null), PublishResult.class);
    }

    assertThat(prepared.status()).isEqualTo(StagedQuery.Status.PREPARED);
    assertThat(prepared.stagingTable()).isEqualTo("provider__cost_by_provider_type_v1__r1");
    assertThat(computed.status()).isEqualTo(ComputeResult.Status.COMPUTED);
    assertThat(computed.rows()).isEqualTo(inserted).isPositive();
    assertThat(computed.inputSnapshots()).isEqualTo(prepared.inputSnapshots());
    assertThat(validated.passed()).isTrue();
    assertThat(published.status()).isEqualTo(PublishResult.Status.PUBLISHED);
    // main reads the files Trino wrote, under the product's own location, after the staging table is gone.
    org.apache.iceberg.Table product = tenant.table(ON_ATHENA);
    List<String> files = new ArrayList<>();
    try (org.apache.iceberg.io.CloseableIterable<org.apache.iceberg.FileScanTask> tasks =
        product.newScan().planFiles()) {
      tasks.forEach(task -> files.add(task.file().location()));
    }
    assertThat(files).isNotEmpty().allSatisfy(file -> assertThat(file)
        .startsWith(product.location() + "/staging/provider__cost_by_provider_type_v1__r1/data/"));
    // Row for row what DuckDB computes from the product's default SQL over the same main snapshots (read as mesh
    // query reads), every decimal exactly.
    String columns = "year, canton, region, provider_type, provider_count, insured_count, claim_count,"
        + " gross_cost_chf, net_cost_chf, avg_amount_per_claim_chf";
    String duckDbSql = Files.readString(home.resolve("catalog/products/provider/" + ON_ATHENA + "/transform.sql"));
    List<List<Object>> onAthena = duckDb("SELECT " + columns + " FROM provider.cost_by_provider_type_v1"
        + " ORDER BY ALL");
    assertThat(onAthena).hasSize((int) inserted)
        .isEqualTo(duckDb("SELECT " + columns + " FROM (" + duckDbSql + ") ORDER BY ALL"));
    assertThat(duckDb("SELECT sum(claim_count), sum(gross_cost_chf) FROM provider.cost_by_provider_type_v1"))
        .isEqualTo(duckDb("SELECT count(*), sum(amount_chf) FROM claims.claims_clean_v1"));
  }

  @Test
  void trinoOverGlueAndS3_readsEveryPublishedTable_withTheRowCountsAndSumsOfTheEnginesReader() throws Exception {
    tenant.seed(CLEAN, "claims", "providers", "cantons");
    try (LambdaHandlers handlers = new LambdaHandlers(home.resolve("functions"))) {
      handlers.refresh(TENANT, "r0", "claims_clean");
    }
    Map<TableName, String> sums = Map.of(
        new TableName("sources", "claims_v2"), "amount_chf",
        new TableName("sources", "providers_v1"), "length(provider_id)",
        new TableName("sources", "cantons_v1"), "length(canton)",
        new TableName("claims", "claims_clean_v1"), "net_amount_chf");

    for (Map.Entry<TableName, String> table : sums.entrySet()) {
      String sql = "SELECT count(*), sum(" + table.getValue() + ") FROM " + table.getKey();
      assertThat(trinoRows(sql)).as(table.getKey().toString()).isEqualTo(duckDb(sql));
    }
  }

  /** Runs {@code sql} in Trino with the Glue catalog as the session's; returns the update count. */
  private long execute(String sql) throws Exception {
    try (Connection connection = trino.connect(); Statement statement = connection.createStatement()) {
      connection.setCatalog(TRINO_CATALOG);
      return statement.executeLargeUpdate(sql);
    }
  }

  private List<List<Object>> trinoRows(String sql) throws Exception {
    try (Connection connection = trino.connect(); Statement statement = connection.createStatement()) {
      connection.setCatalog(TRINO_CATALOG);
      try (ResultSet rows = statement.executeQuery(sql)) {
        return rows(rows);
      }
    }
  }

  private List<List<Object>> duckDb(String sql) throws Exception {
    try (DuckDbSession session = PublishedTables.open(tenant.storage(), GlueTenant.LIMITS)) {
      return normalise(session.rows(sql));
    }
  }

  private static List<List<Object>> rows(ResultSet rows) throws Exception {
    List<List<Object>> result = new ArrayList<>();
    int columns = rows.getMetaData().getColumnCount();
    while (rows.next()) {
      List<Object> row = new ArrayList<>();
      for (int column = 1; column <= columns; column++) {
        row.add(rows.getObject(column));
      }
      result.add(row);
    }
    return normalise(result);
  }

  /** Numbers as exact decimals without trailing zeros, so each engine's integer and decimal types compare. */
  private static List<List<Object>> normalise(List<List<Object>> rows) {
    return rows.stream().map(row -> row.stream().map(value -> value instanceof Number number
        ? (Object) new BigDecimal(number.toString()).stripTrailingZeros().toPlainString() : value).toList()).toList();
  }

  /** A copy of the shipped catalogue with {@code product} on the athena engine for tenant alpina. */
  private static Path copyCatalogWith(Path target, String product) throws IOException {
    try (Stream<Path> files = Files.walk(GlueTenant.CATALOG_DIRECTORY)) {
      for (Path file : files.toList()) {
        Path copy = target.resolve(GlueTenant.CATALOG_DIRECTORY.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(file, copy);
        }
      }
    }
    Path alpina = target.resolve("tenants/alpina/tenant.yaml");
    Files.writeString(alpina, Files.readString(alpina) + "engines:\n  " + product + ": athena\n");
    // Its SQL in Athena's dialect: DuckDB's integer division '//' is '/' on BIGINT operands in Trino.
    Path directory = target.resolve("products/provider/" + product);
    Files.writeString(directory.resolve("transform.athena.sql"),
        Files.readString(directory.resolve("transform.sql")).replace(" // ", " / "));
    Path definition = directory.resolve("product.yaml");
    Files.writeString(definition, Files.readString(definition).replace("transform:\n  sql: transform.sql\n",
        "transform:\n  sql: transform.sql\n  engineSql: {athena: transform.athena.sql}\n"));
    return target;
  }

  private <T> T viaJson(Object value, Class<T> type) {
    try {
      return json.readValue(json.writeValueAsString(value), Argument.of(type));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
