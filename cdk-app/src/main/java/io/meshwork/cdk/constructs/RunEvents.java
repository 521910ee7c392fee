package io.meshwork.cdk.constructs;

import io.meshwork.model.runtime.RuntimeNames;

/**
 * The events a tenant's refreshes produce, as EventBridge sees them: Step Functions' own execution status changes,
 * and the pipeline's {@code ProductPublished} events. Tenant stacks forward both to the provider's central bus.
 */
public final class RunEvents {

  /** Source of the events the pipeline puts on the tenant account's default bus. */
  public static final String PIPELINE_SOURCE = RuntimeNames.PIPELINE_EVENT_SOURCE;

  /** Detail type of the event put after a product's snapshot became {@code main}. */
  public static final String PRODUCT_PUBLISHED = RuntimeNames.PRODUCT_PUBLISHED;

  /** Source of Step Functions' execution events. */
  public static final String STATES_SOURCE = "aws.states";

  /** Detail type of Step Functions' execution events. */
  public static final String EXECUTION_STATUS_CHANGE = "Step Functions Execution Status Change";

  private RunEvents() {
  }
}
