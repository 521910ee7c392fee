package io.meshwork.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshwork.engine.compute.DuckDbSession;
import io.meshwork.engine.pipeline.StepRequest;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.glue.model.AccessDeniedException;

/** The constructors Lambda calls: the engine is built by {@link EngineFactory} from the environment. */
class LambdaEntryPointTest {

  @TempDir
  Path home;

  /** Settings given as system properties, which Micronaut reads like the environment variables they stand for. */
  private static final List<String> PROPERTIES = List.of("meshwork.home", "meshwork.definitions", "meshwork.catalog",
      "meshwork.warehouse", "meshwork.tenant", "aws.endpoint.url", "aws.region", "aws.accessKeyId",
      "aws.secretAccessKey");

  @AfterEach
  void clearProperties() {
    PROPERTIES.forEach(System::clearProperty);
  }

  @Test
  void noArgumentHandler_buildsItsEngineFromTheConfiguredCatalogueAndHome() {
    System.setProperty("meshwork.home", home.toString());
    System.setProperty("meshwork.definitions", HandlerFixture.CATALOG.toString());

    try (PlanFunction plan = new PlanFunction()) {
      PlanResponse response = plan.handleRequest(new PlanRequest("helvetia", "cold-start", null, null), null);

      assertThat(response.stepRequests()).containsExactly(List.of(new StepRequest("helvetia", "claims_clean", "cold-start")),
          List.of(new StepRequest("helvetia", "cost_by_canton", "cold-start")));
    }
  }

  @Test
  void servedTenant_refusesRequestsForAnyOtherTenant_namingBoth() {
    System.setProperty("meshwork.home", home.toString());
    System.setProperty("meshwork.definitions", HandlerFixture.CATALOG.toString());
    System.setProperty("meshwork.tenant", "helvetia");

    try (PlanFunction plan = new PlanFunction()) {
      assertThat(plan.handleRequest(new PlanRequest("helvetia", "own", null, null), null).waves()).hasSize(2);
      assertThatThrownBy(() -> plan.handleRequest(new PlanRequest("alpina", "other", null, null), null))
          .isInstanceOf(InvalidRequestError.class)
          .hasMessage("This engine serves tenant helvetia only and refuses a request for tenant alpina: each "
              + "tenant's functions run in that tenant's own account. Send the request to tenant alpina's state "
              + "machine.");
    }
  }

  @Test
  void glueCatalog_withoutWarehouse_failsAtStartup_sayingWhatToSet() {
    assertThatThrownBy(() -> storage(Map.of("meshwork.catalog", "glue")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("MESHWORK_CATALOG=glue needs MESHWORK_WAREHOUSE, the tenant's warehouse location such as "
            + "s3://<bucket>/warehouse; it is not set.");
    assertThatThrownBy(() -> storage(Map.of("meshwork.catalog", "glue", "meshwork.warehouse", "/tmp/warehouse")))
        .hasMessage("MESHWORK_CATALOG=glue needs MESHWORK_WAREHOUSE, the tenant's warehouse location such as "
            + "s3://<bucket>/warehouse; got '/tmp/warehouse'.");
    assertThatThrownBy(() -> storage(Map.of("meshwork.catalog", "hive")))
        .hasMessage("Unknown MESHWORK_CATALOG 'hive': use local (the default) or glue.");
  }

  /**
   * The Glue wiring from the environment alone: Compute's first catalog call is a Glue GetTable signed for the
   * configured region and sent to AWS_ENDPOINT_URL through the JDK's HTTP client.
   */
  @Test
  void glueCatalog_fromEnvironment_sendsGlueCallsToTheConfiguredEndpoint() {
    try (StandInGlue glue = new StandInGlue()) {
      System.setProperty("meshwork.home", home.toString());
      System.setProperty("meshwork.definitions", HandlerFixture.CATALOG.toString());
      System.setProperty("meshwork.catalog", "glue");
      System.setProperty("meshwork.warehouse", "s3://data-helvetia/warehouse");
      System.setProperty("meshwork.tenant", "helvetia");
      System.setProperty("aws.endpoint.url", glue.endpoint());
      System.setProperty("aws.region", "eu-central-2");
      System.setProperty("aws.accessKeyId", "test");
      System.setProperty("aws.secretAccessKey", "test");

      try (ComputeFunction compute = new ComputeFunction()) {
        assertThatThrownBy(() -> compute.handleRequest(new StepRequest("helvetia", "claims_clean", "glue-1"), null))
            .isInstanceOf(AccessDeniedException.class).hasMessageStartingWith(StandInGlue.MESSAGE);
      }

      assertThat(glue.requests()).first().satisfies(request -> {
        assertThat(request.get("target")).isEqualTo("AWSGlue.GetTable");
        assertThat(request.get("authorization")).contains("/eu-central-2/glue/aws4_request");
      });
    }
  }

  @Test
  void duckDbLimits_defaultToHalfTheFunctionsMemory_unlessSetExplicitly() {
    DuckDbSession.Limits lambda = limits(Map.of("aws.lambda.function.memory.size", "3008"));
    DuckDbSession.Limits explicit = limits(Map.of("aws.lambda.function.memory.size", "3008",
        "meshwork.duckdb.memory", "2GB", "meshwork.duckdb.threads", "3", "meshwork.duckdb.spill", "3GB"));

    assertThat(lambda.memoryLimit()).isEqualTo("1504MB");
    assertThat(lambda.threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(explicit).isEqualTo(new DuckDbSession.Limits(3, "2GB", "3GB", DuckDbSession.Limits.DEFAULT_TIMEOUT));
  }

  @Test
  void duckDbSpill_defaultsToHalfTheFreeDiskOfTheHome_asLambdasEphemeralStorageBoundsIt() throws Exception {
    long free = Files.getFileStore(home).getUsableSpace();

    DuckDbSession.Limits limits = limits(Map.of("meshwork.home", home.toString()));

    assertThat(limits.maxSpill()).endsWith("MiB");
    long spillMiB = Long.parseLong(limits.maxSpill().replace("MiB", ""));
    assertThat(spillMiB).isBetween((free / 2 >> 20) - 1024, (free / 2 >> 20) + 1024);
  }

  private static void storage(Map<String, Object> properties) {
    try (ApplicationContext context = ApplicationContext.builder().properties(properties).eagerInitSingletons(false)
        .start()) {
      EngineFactory.storage(context.getBean(Environment.class));
    }
  }

  private static DuckDbSession.Limits limits(Map<String, Object> properties) {
    try (ApplicationContext context = ApplicationContext.builder().properties(properties).eagerInitSingletons(false)
        .start()) {
      return EngineFactory.limits(context.getBean(Environment.class));
    }
  }
}
