package io.meshwork.localstack.orchestration;

import io.meshwork.localstack.emulators.Eventually;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/** Waiting for and reading executions of the emulator's Step Functions. */
final class StateMachines {

  /** The emulators do not check roles; the ARN only has to be well formed. */
  static final String ROLE_ARN = "arn:aws:iam::000000000000:role/meshwork-emulator-tests";

  private StateMachines() {
  }

  static DescribeExecutionResponse awaitEnd(SfnClient sfn, String executionArn, Duration timeout) {
    return Eventually.within(timeout, "execution " + executionArn + " to end", () -> {
      DescribeExecutionResponse execution = sfn.describeExecution(request -> request.executionArn(executionArn));
      return execution.status() == ExecutionStatus.RUNNING ? Optional.empty() : Optional.of(execution);
    });
  }

  /** The names of the states entered, in order, across all pages of the history. */
  static List<String> statesEntered(SfnClient sfn, String executionArn) {
    return sfn.getExecutionHistoryPaginator(request -> request.executionArn(executionArn)).events().stream()
        .filter(event -> event.stateEnteredEventDetails() != null)
        .map(HistoryEvent::stateEnteredEventDetails)
        .map(details -> details.name())
        .toList();
  }

  /** The error of each failed task attempt, in order. */
  static List<String> failedTasks(SfnClient sfn, String executionArn) {
    return sfn.getExecutionHistoryPaginator(request -> request.executionArn(executionArn)).events().stream()
        .filter(event -> event.taskFailedEventDetails() != null)
        .map(event -> event.taskFailedEventDetails().error())
        .toList();
  }
}
