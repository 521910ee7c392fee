package io.meshwork.cdk.constructs;

/**
 * What invokes a {@link PipelineFunction}, which decides why it needs neither a dead-letter queue nor reserved
 * concurrency: the written reasons of its cdk-nag suppressions.
 */
public enum FunctionInvoker {

  /** The refresh state machine, synchronously, one task per product step. */
  STATE_MACHINE("The state machine invokes the function synchronously and catches, records and notifies every"
      + " failure; a dead-letter queue only applies to asynchronous invocations.",
      "Concurrency is bounded by the state machine (products of a wave run at most maxConcurrency at a time);"
      + " reserving concurrency fails to deploy in new accounts whose limit leaves fewer than 100 unreserved"
      + " executions. Set reservedConcurrentExecutions where the account allows it."),

  /** An EventBridge Scheduler schedule, asynchronously, once per period. */
  SCHEDULE("A failed or dropped check leaves its hour without freshness data, which the freshness alarms treat as"
      + " breaching, so every lost invocation already notifies; a dead-letter queue would only keep stale check"
      + " requests that nobody needs to replay.",
      "One schedule invokes the function once an hour, so at most a few invocations overlap; reserving concurrency"
      + " fails to deploy in new accounts whose limit leaves fewer than 100 unreserved executions."),

  /** An EventBridge rule on S3's Object Created events under {@code landing/}, asynchronously, once per object. */
  DELIVERY("Lambda retries a failed invocation twice and then sends the event to the pipeline's notification topic"
      + " (the alias's on-failure destination); the delivery itself stays under landing/ untouched, so the object is"
      + " the record to replay (copy it onto itself), and a queue would only hold a second copy of the event.",
      "One invocation per delivered object: deliveries arrive a few files a day or month per source; reserving"
      + " concurrency fails to deploy in new accounts whose limit leaves fewer than 100 unreserved executions."),

  /** The daily maintenance schedule, asynchronously, once a day. */
  MAINTENANCE("Lambda retries a failed run twice and then sends the event to the pipeline's notification topic (the"
      + " alias's on-failure destination), and the maintenance alarm notifies the same topic; the request holds only"
      + " the tenant, and the next day's run does the same work, so a queue would keep nothing worth replaying.",
      "One schedule invokes the function once a day; reserving concurrency fails to deploy in new accounts whose"
      + " limit leaves fewer than 100 unreserved executions."),

  /** CloudFormation's custom resource on deploy, and a schedule repairing drift. */
  ACCESS("CloudFormation invokes the function for the access custom resource and fails the deploy on an error;"
      + " a failed drift repair is repeated by the next scheduled run, which reconciles everything again, so a"
      + " dead-letter queue would only keep requests that nobody needs to replay.",
      "Invoked once per deploy and once per drift-repair period: at most a few invocations overlap; reserving"
      + " concurrency fails to deploy in new accounts whose limit leaves fewer than 100 unreserved executions.");

  private final String withoutDeadLetterQueue;
  private final String withoutReservedConcurrency;

  FunctionInvoker(String withoutDeadLetterQueue, String withoutReservedConcurrency) {
    this.withoutDeadLetterQueue = withoutDeadLetterQueue;
    this.withoutReservedConcurrency = withoutReservedConcurrency;
  }

  /** Why the function runs without a dead-letter queue (HIPAA.Security-LambdaDLQ). */
  String withoutDeadLetterQueue() {
    return withoutDeadLetterQueue;
  }

  /** Why the function may run without reserved concurrency (HIPAA.Security-LambdaConcurrency). */
  String withoutReservedConcurrency() {
    return withoutReservedConcurrency;
  }
}
