package io.meshwork.cdk.constructs;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awscdk.services.events.EventBus;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.IEventBus;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.targets.EventBusProps;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.constructs.Construct;

/**
 * Forwards a tenant's run events from its account's default bus to the provider's central bus: the status changes
 * of the tenant's refresh state machine and the pipeline's {@code ProductPublished} events. EventBridge gets a role
 * that may put events on the central bus only. Nothing else of the account's events leaves it.
 */
public final class RunEventForwarding extends Construct {

  public RunEventForwarding(Construct scope, String id, RunEventForwardingProps props) {
    super(scope, id);
    Objects.requireNonNull(props, "props");
    IEventBus central = EventBus.fromEventBusArn(this, "CentralBus", props.centralBusArn());
    // One role for both rules, with a managed policy naming only the central bus; the targets get it without
    // policy updates, so they cannot widen it with inline statements of their own.
    Role role = Role.Builder.create(this, "Role")
        .assumedBy(new ServicePrincipal("events.amazonaws.com"))
        .description("Lets EventBridge forward run events to the provider's central bus")
        .build();
    role.addManagedPolicy(ManagedPolicy.Builder.create(this, "PutEventsOnCentralBus")
        .statements(List.of(PolicyStatement.Builder.create()
            .actions(List.of("events:PutEvents"))
            .resources(List.of(props.centralBusArn()))
            .build()))
        .build());
    software.amazon.awscdk.services.events.targets.EventBus target =
        new software.amazon.awscdk.services.events.targets.EventBus(central,
            EventBusProps.builder().role(role.withoutPolicyUpdates()).build());
    Rule.Builder.create(this, "Executions")
        .description("Forwards the refresh state machine's status changes to the provider")
        .eventPattern(EventPattern.builder()
            .source(List.of(RunEvents.STATES_SOURCE))
            .detailType(List.of(RunEvents.EXECUTION_STATUS_CHANGE))
            .detail(Map.of("stateMachineArn", List.of(props.stateMachineArn())))
            .build())
        .targets(List.of(target))
        .build();
    Rule.Builder.create(this, "Published")
        .description("Forwards ProductPublished events to the provider")
        .eventPattern(EventPattern.builder()
            .source(List.of(RunEvents.PIPELINE_SOURCE))
            .detailType(List.of(RunEvents.PRODUCT_PUBLISHED))
            .build())
        .targets(List.of(target))
        .build();
  }
}
