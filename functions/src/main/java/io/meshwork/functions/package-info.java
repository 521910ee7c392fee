/**
 * The AWS Lambda handlers of the per-tenant state machine: thin Micronaut {@code MicronautRequestHandler}s over the
 * pipeline engine, one per state, so that Step Functions sees each step's input and output as JSON and can retry,
 * catch and branch on them; and the hourly freshness check the tenant's freshness alarms rely on.
 *
 * <h2>Data flow</h2>
 * <pre>
 * PlanFunction      PlanRequest    -&gt; PlanResponse (waves of StepRequest; the Map states iterate them)
 * ComputeFunction   StepRequest    -&gt; ComputeResult (COMPUTED, REJECTED, UP_TO_DATE, ALREADY_PUBLISHED
 *                                  or UPSTREAM_FAILED)
 * ValidateFunction  ComputeResult  -&gt; ValidateResult
 * PublishFunction   ValidateResult -&gt; PublishResult (PUBLISHED, UNCHANGED, BLOCKED, CONFLICT or SKIPPED)
 * FreshnessFunction FreshnessRequest -&gt; FreshnessReport (not a state: an hourly schedule invokes it; it writes one
 *                   Embedded Metric Format line per product with a freshness SLA, which the freshness alarms watch)
 * MaintenanceFunction MaintenanceRequest -&gt; MaintenanceResult (not a state: a daily schedule invokes it; it applies
 *                   the retention policy to every table of the tenant and writes one Embedded Metric Format line per
 *                   completed run, which the maintenance alarm watches)
 * </pre>
 * Each step's output is the next handler's input unchanged, so the state machine needs no Parameters or ResultSelector
 * between the steps. The JSON is written by Micronaut serde (compile-time introspection, no reflection) with every
 * property present, nulls and empty lists included, so that a Choice state can test any field. Snapshot ids
 * ({@code snapshotId}, the values of {@code inputSnapshots}) are decimal strings: Step Functions reads JSON numbers
 * as doubles, which cannot hold Iceberg's 63-bit ids.
 *
 * <h2>Skipped dependents</h2>
 * The state machine keeps no memory between waves, so Compute checks the products a product reads: when one is not
 * current (it failed, was blocked or was skipped earlier in the run, or was never published) the result is
 * {@code UPSTREAM_FAILED} with a message naming it, and nothing is computed. Validate passes it on with
 * {@code passed=false} and no checks (nothing was checked, so nothing may be published) and Publish answers
 * {@code SKIPPED}. A Choice on {@code passed} therefore never publishes a skipped product.
 *
 * <h2>Errors: the class name is the contract with the state machine</h2>
 * A step that fails throws; the Java runtime reports the exception's fully qualified class name as the error type,
 * and the state machine's Retry and Catch match on it:
 * <table>
 *   <caption>Engine failures and the errors the handlers throw</caption>
 *   <tr><th>Engine failure</th><th>Error thrown</th><th>Retry?</th></tr>
 *   <tr><td>{@code StepException} TRANSFORM_FAILED</td><td>{@code io.meshwork.functions.TransformFailedError}</td>
 *       <td>no: the definition must change</td></tr>
 *   <tr><td>{@code StepException} INPUT_MISSING</td><td>{@code io.meshwork.functions.InputMissingError}</td>
 *       <td>no: an input must be delivered or published first</td></tr>
 *   <tr><td>{@code StepException} INVALID_REQUEST, {@code InvalidDefinitionException} (e.g. unknown tenant)</td>
 *       <td>{@code io.meshwork.functions.InvalidRequestError}</td>
 *       <td>no: the request names nothing that exists</td></tr>
 *   <tr><td>{@code StepException} CONFLICT, Iceberg {@code CommitFailedException} anywhere in the causes</td>
 *       <td>{@code io.meshwork.functions.ConflictError}</td><td>yes, with backoff: a concurrent run won a commit
 *       race, and Compute and Publish are idempotent per run id</td></tr>
 * </table>
 * Anything else propagates unchanged and is an internal error (an AWS SDK exception keeps its own class name). A
 * Catch on the non-retryable errors records the failure; the product's dependents in later waves then skip
 * themselves (see below). A request for another tenant than {@code MESHWORK_TENANT} is an
 * {@code InvalidRequestError}. A blocked or conflicting publish is not an error: it is a {@code PublishResult}
 * status for a Choice state.
 *
 * <h2>Logs</h2>
 * Every invocation writes exactly one JSON line through SLF4J: step, tenant, product, runId, status, durationMillis,
 * and for failures error and message.
 */
package io.meshwork.functions;
