package io.meshwork.localstack.orchestration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.meshwork.localstack.emulators.EmulatorEndpoints;
import io.meshwork.localstack.emulators.EmulatorTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * The emulator's Step Functions executes Amazon States Language: Pass, Choice and an inline Map, the state types
 * the tenant state machine is built from (its Lambda tasks come with the orchestration tests).
 */
@EmulatorTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StateMachineExecutionTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Plan (Pass) → has work? (Choice) → over the products (Map, one Pass per item). */
  private static final String DEFINITION = """
      {
        "Comment": "Pass, Choice and Map, the way the tenant state machine plans and fans out",
        "StartAt": "Plan",
        "States": {
          "Plan": {
            "Type": "Pass",
            "Parameters": {
              "tenant.$": "$.tenant",
              "products": [{"name": "claims_clean", "wave": 0}, {"name": "loss_ratio", "wave": 1}]
            },
            "Next": "HasWork"
          },
          "HasWork": {
            "Type": "Choice",
            "Choices": [{"Variable": "$.tenant", "StringEquals": "nobody", "Next": "NothingToDo"}],
            "Default": "EachProduct"
          },
          "NothingToDo": {"Type": "Fail", "Error": "NoSubscription", "Cause": "tenant nobody subscribes to nothing"},
          "EachProduct": {
            "Type": "Map",
            "ItemsPath": "$.products",
            "ItemSelector": {"tenant.$": "$.tenant", "product.$": "$$.Map.Item.Value.name"},
            "ItemProcessor": {
              "ProcessorConfig": {"Mode": "INLINE"},
              "StartAt": "Refresh",
              "States": {
                "Refresh": {
                  "Type": "Pass",
                  "Parameters": {"refreshed.$": "States.Format('{}/{}', $.tenant, $.product)"},
                  "End": true
                }
              }
            },
            "ResultPath": "$.results",
            "End": true
          }
        }
      }
      """;

  private SfnClient sfn;
  private String stateMachineArn;

  @BeforeAll
  void createStateMachine(EmulatorEndpoints endpoints) {
    sfn = endpoints.aws(SfnClient.builder()).build();
    stateMachineArn = sfn.createStateMachine(request -> request.name("meshwork-smoke-" + UUID.randomUUID())
        .definition(DEFINITION).roleArn(StateMachines.ROLE_ARN)).stateMachineArn();
  }

  @AfterAll
  void deleteStateMachine() {
    sfn.deleteStateMachine(request -> request.stateMachineArn(stateMachineArn));
    sfn.close();
  }

  @Test
  void executionPassesChoosesAndMapsOverEveryProduct() throws Exception {
    String executionArn = sfn.startExecution(request -> request.stateMachineArn(stateMachineArn)
        .input("{\"tenant\": \"alpina\"}")).executionArn();

    DescribeExecutionResponse execution = StateMachines.awaitEnd(sfn, executionArn, TIMEOUT);

    assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(JSON.readTree(execution.output())).isEqualTo(JSON.readTree("""
        {"tenant": "alpina",
         "products": [{"name": "claims_clean", "wave": 0}, {"name": "loss_ratio", "wave": 1}],
         "results": [{"refreshed": "alpina/claims_clean"}, {"refreshed": "alpina/loss_ratio"}]}
        """));
    assertThat(StateMachines.statesEntered(sfn, executionArn))
        .containsSubsequence("Plan", "HasWork", "EachProduct")
        .doesNotContain("NothingToDo");
  }

  @Test
  void choiceTakesTheMatchingBranch_whenTheTenantHasNoSubscription() {
    String executionArn = sfn.startExecution(request -> request.stateMachineArn(stateMachineArn)
        .input("{\"tenant\": \"nobody\"}")).executionArn();

    DescribeExecutionResponse execution = StateMachines.awaitEnd(sfn, executionArn, TIMEOUT);

    assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
    assertThat(execution.error()).isEqualTo("NoSubscription");
    assertThat(execution.cause()).isEqualTo("tenant nobody subscribes to nothing");
    assertThat(StateMachines.statesEntered(sfn, executionArn)).containsExactly("Plan", "HasWork", "NothingToDo");
  }
}
