package io.meshwork.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.engine.compute.DuckDbSession;
import io.meshwork.engine.pipeline.StepRequest;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The constructors Lambda calls: the engine is built by {@link EngineFactory} from the environment. */
class LambdaEntryPointTest {

  @TempDir
  Path home;

  @AfterEach
  void clearProperties() {
    System.clearProperty("meshwork.home");
    System.clearProperty("meshwork.definitions");
  }

  @Test
  void noArgumentHandler_buildsItsEngineFromTheConfiguredCatalogueAndHome() {
    System.setProperty("meshwork.home", home.toString());
    System.setProperty("meshwork.definitions", HandlerFixture.CATALOG.toString());

    try (PlanFunction plan = new PlanFunction()) {
      PlanResponse response = plan.handleRequest(new PlanRequest("helvetia", "cold-start", null), null);

      assertThat(response.waves()).containsExactly(List.of(new StepRequest("helvetia", "claims_clean", "cold-start")),
          List.of(new StepRequest("helvetia", "cost_by_canton", "cold-start")));
    }
  }

  @Test
  void duckDbLimits_defaultToHalfTheFunctionsMemory_unlessSetExplicitly() {
    DuckDbSession.Limits lambda = limits(Map.of("aws.lambda.function.memory.size", "3008"));
    DuckDbSession.Limits explicit = limits(Map.of("aws.lambda.function.memory.size", "3008",
        "meshwork.duckdb.memory", "2GB", "meshwork.duckdb.threads", "3"));

    assertThat(lambda.memoryLimit()).isEqualTo("1504MB");
    assertThat(lambda.threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(explicit).isEqualTo(new DuckDbSession.Limits(3, "2GB"));
  }

  private static DuckDbSession.Limits limits(Map<String, Object> properties) {
    try (ApplicationContext context = ApplicationContext.builder().properties(properties).eagerInitSingletons(false)
        .start()) {
      return EngineFactory.limits(context.getBean(Environment.class));
    }
  }
}
