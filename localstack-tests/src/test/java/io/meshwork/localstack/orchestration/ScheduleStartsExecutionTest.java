package io.meshwork.localstack.orchestration;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.localstack.emulators.EmulatorEndpoints;
import io.meshwork.localstack.emulators.EmulatorTest;
import io.meshwork.localstack.emulators.Eventually;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;

/**
 * An EventBridge Scheduler schedule really starts the state machine it targets, with the schedule's input — the way
 * a product's refresh schedule starts the tenant state machine.
 */
@EmulatorTest
class ScheduleStartsExecutionTest {

  /** MiniStack sweeps its schedules every 10 s; real Scheduler fires within a minute of the time. */
  private static final Duration FIRING_TIMEOUT = Duration.ofSeconds(75);
  private static final DateTimeFormatter AT_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
      .withZone(ZoneOffset.UTC);

  @Test
  void oneTimeScheduleStartsAnExecutionWithItsInput(EmulatorEndpoints endpoints) {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    try (SfnClient sfn = endpoints.aws(SfnClient.builder()).build();
        SchedulerClient scheduler = endpoints.aws(SchedulerClient.builder()).build()) {
      String stateMachineArn = sfn.createStateMachine(request -> request.name("meshwork-scheduled-" + suffix)
          .roleArn(StateMachines.ROLE_ARN)
          .definition("{\"StartAt\": \"Refresh\", \"States\": {\"Refresh\": {\"Type\": \"Pass\", \"End\": true}}}"))
          .stateMachineArn();
      String input = "{\"tenant\": \"alpina\", \"product\": \"loss_ratio\"}";
      Instant at = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS);

      scheduler.createSchedule(request -> request.name("meshwork-refresh-" + suffix)
          .scheduleExpression("at(" + AT_FORMAT.format(at) + ")")
          .scheduleExpressionTimezone("UTC")
          .flexibleTimeWindow(window -> window.mode(FlexibleTimeWindowMode.OFF))
          .target(target -> target.arn(stateMachineArn).roleArn(StateMachines.ROLE_ARN).input(input)));

      ExecutionListItem started = Eventually.within(FIRING_TIMEOUT, "the schedule to start an execution", () -> {
        List<ExecutionListItem> executions = sfn.listExecutions(request -> request.stateMachineArn(stateMachineArn))
            .executions();
        return executions.isEmpty() ? Optional.empty() : Optional.of(executions.get(0));
      });

      assertThat(started.startDate()).isAfterOrEqualTo(at);
      assertThat(sfn.describeExecution(request -> request.executionArn(started.executionArn())).input())
          .isEqualTo(input);
      scheduler.deleteSchedule(request -> request.name("meshwork-refresh-" + suffix));
      sfn.deleteStateMachine(request -> request.stateMachineArn(stateMachineArn));
    }
  }
}
