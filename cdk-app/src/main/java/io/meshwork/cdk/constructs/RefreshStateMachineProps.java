package io.meshwork.cdk.constructs;

import java.util.Objects;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.sns.ITopic;

/**
 * Settings of a {@link RefreshStateMachine}; all required.
 *
 * @param tenantId the tenant; names the state machine {@code meshwork-<tenant>-refresh}
 * @param plan the Plan function (its {@code live} alias)
 * @param compute the Compute function with SnapStart, for products sized {@code standard}
 * @param computeLarge the large Compute function without SnapStart, for products sized {@code large}
 * @param athena the steps around Athena's query, for products on {@code athena}; empty when the plan has none, and
 *     then such a product fails with its size's reason
 * @param validate the Validate function
 * @param publish the Publish function
 * @param notifications the topic that hears about each failed product
 * @param notificationKey the key encrypting {@code notifications}, which publishing needs
 * @param maxConcurrency how many products of one wave refresh at the same time, at least 1
 * @param metricNamespace the CloudWatch namespace of the {@code Published} metric
 * @param logRetention how long the execution log group keeps events
 * @param logKey the key encrypting the execution log group
 */
public record RefreshStateMachineProps(String tenantId, IFunction plan, IFunction compute, IFunction computeLarge,
    java.util.Optional<AthenaSteps> athena, IFunction validate, IFunction publish, ITopic notifications,
    IKey notificationKey, int maxConcurrency, String metricNamespace, RetentionDays logRetention, IKey logKey) {

  /**
   * The functions preparing and committing a product's Athena run, and the workgroup (name) its query runs in.
   */
  public record AthenaSteps(IFunction prepare, IFunction commit, String workGroup) {
    public AthenaSteps {
      Objects.requireNonNull(prepare, "prepare");
      Objects.requireNonNull(commit, "commit");
      Objects.requireNonNull(workGroup, "workGroup");
    }
  }

  public RefreshStateMachineProps {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(compute, "compute");
    Objects.requireNonNull(computeLarge, "computeLarge");
    Objects.requireNonNull(athena, "athena");
    Objects.requireNonNull(validate, "validate");
    Objects.requireNonNull(publish, "publish");
    Objects.requireNonNull(notifications, "notifications");
    Objects.requireNonNull(notificationKey, "notificationKey");
    if (maxConcurrency < 1) {
      throw new IllegalArgumentException("maxConcurrency must be at least 1, not " + maxConcurrency + ".");
    }
    Objects.requireNonNull(metricNamespace, "metricNamespace");
    Objects.requireNonNull(logRetention, "logRetention");
    Objects.requireNonNull(logKey, "logKey");
  }
}
