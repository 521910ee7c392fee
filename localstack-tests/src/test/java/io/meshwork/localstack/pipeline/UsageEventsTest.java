package io.meshwork.localstack.pipeline;

import static io.meshwork.localstack.pipeline.GlueTenant.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meshwork.demodata.SeedOptions;
import io.meshwork.localstack.emulators.EmulatorEndpoints;
import io.meshwork.localstack.emulators.EmulatorTest;
import io.meshwork.localstack.orchestration.NotificationInbox;
import io.meshwork.model.runtime.RuntimeNames;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * A run's usage reaches the provider's central bus: the Compute, Validate and Publish handlers (Lambda's
 * no-argument constructors, configured by the environment the tenant stack sets, {@code MESHWORK_USAGE_BUS}
 * included) send one {@code UsageRecorded} event per step; a rule on the bus forwards them to a topic read here.
 */
@EmulatorTest
class UsageEventsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path home;

  @Test
  void eachStepOfARunSendsItsUsageToTheCentralBus(EmulatorEndpoints endpoints) throws Exception {
    try (GlueTenant tenant = GlueTenant.create(endpoints, home);
        EventBridgeClient events = tenant.account().client(EventBridgeClient.builder()).build();
        SnsClient sns = tenant.account().client(SnsClient.builder()).build()) {
      String bus = events.createEventBus(request -> request.name("meshwork-runs")).eventBusArn();
      String topic = sns.createTopic(request -> request.name("usage")).topicArn();
      events.putRule(request -> request.name("usage").eventBusName("meshwork-runs")
          .eventPattern("{\"source\":[\"" + RuntimeNames.USAGE_EVENT_SOURCE + "\"]}"));
      events.putTargets(request -> request.rule("usage").eventBusName("meshwork-runs")
          .targets(target -> target.id("topic").arn(topic)));
      Map<String, String> environment = new LinkedHashMap<>(tenant.lambdaEnvironment());
      environment.put(RuntimeNames.property(RuntimeNames.USAGE_BUS_VARIABLE), bus);

      try (NotificationInbox inbox = NotificationInbox.subscribe(sns, topic);
          LambdaEnvironment applied = LambdaEnvironment.apply(environment);
          LambdaHandlers handlers = new LambdaHandlers(home.resolve("functions"))) {
        tenant.seed(new SeedOptions(300, 7), "claims", "providers", "cantons");
        LambdaHandlers.Refresh refresh = handlers.refresh(TENANT, "u1", "claims_clean");
        long rows = refresh.product("claims_clean").compute().rows();

        for (String step : List.of("compute", "validate", "publish")) {
          JsonNode event = event(inbox.notification("the " + step + " usage event",
              message -> step.equals(event(message).path("detail").path("step").asText())));
          assertThat(event.path("source").asText()).isEqualTo(RuntimeNames.USAGE_EVENT_SOURCE);
          assertThat(event.path("detail-type").asText()).isEqualTo(RuntimeNames.USAGE_DETAIL_TYPE);
          JsonNode detail = event.path("detail");
          assertThat(detail.path("tenant").asText()).isEqualTo(TENANT);
          assertThat(detail.path("product").asText()).isEqualTo("claims_clean");
          assertThat(detail.path("run_id").asText()).isEqualTo("u1");
          assertThat(detail.path("engine").asText()).isEqualTo("duckdb");
          if (!step.equals("validate")) {
            assertThat(detail.path("rows_out").asLong()).as(step).isEqualTo(rows);
          }
        }
      }
    }
  }

  /** The EventBridge event an SNS notification carries as its message. */
  private static JsonNode event(JsonNode notification) {
    try {
      return JSON.readTree(notification.path("Message").asText());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
