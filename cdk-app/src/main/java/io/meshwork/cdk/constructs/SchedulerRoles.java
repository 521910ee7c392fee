package io.meshwork.cdk.constructs;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.scheduler.IScheduleGroup;
import software.constructs.Construct;

/** The roles EventBridge Scheduler assumes to invoke one function alias, and nothing else. */
final class SchedulerRoles {

  private SchedulerRoles() {
  }

  /**
   * A role {@code id} in {@code scope} that scheduler.amazonaws.com may assume only for schedules of {@code group} in
   * this account, and that may only invoke {@code alias} ({@code what} names it in the description).
   */
  static Role invoking(Construct scope, String id, String what, Alias alias, IScheduleGroup group) {
    Role role = Role.Builder.create(scope, id)
        .description("Lets scheduler.amazonaws.com invoke " + what + ", and nothing else")
        .assumedBy(new ServicePrincipal("scheduler.amazonaws.com").withConditions(Map.of("StringEquals",
            OrderedMaps.of("aws:SourceAccount", Stack.of(scope).getAccount(),
                "aws:SourceArn", group.getScheduleGroupArn()))))
        .build();
    alias.grantInvoke(role);
    NagReasons.suppress(role, List.of(NagReasons.ROLE_POLICY));
    return role;
  }
}
