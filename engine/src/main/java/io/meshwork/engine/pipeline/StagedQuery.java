package io.meshwork.engine.pipeline;

import java.util.Map;
import java.util.Objects;

/**
 * A product's run prepared for an external engine (Athena): the staging table it writes into, the statement to run,
 * and the input snapshots that statement reads. When nothing needs computing, {@code status} says why and
 * {@code settled} carries Compute's result (then there is no staging table and no query). Output of the Prepare step,
 * input of the Commit step.
 */
public record StagedQuery(StepRequest request, Status status, String stagingDatabase, String stagingTable,
    String query, Map<String, String> inputSnapshots, String message, ComputeResult settled) {

  /** What Prepare found. */
  public enum Status {
    /** The staging table exists and the query is ready to run. */
    PREPARED,
    /** This run already committed the product to its audit branch: {@code settled} goes on to Validate. */
    COMPUTED,
    /** As {@link ComputeResult.Status#UP_TO_DATE}. */
    UP_TO_DATE,
    /** As {@link ComputeResult.Status#ALREADY_PUBLISHED}. */
    ALREADY_PUBLISHED,
    /** As {@link ComputeResult.Status#UPSTREAM_FAILED}. */
    UPSTREAM_FAILED
  }

  public StagedQuery {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(status, "status");
    inputSnapshots = inputSnapshots == null ? Map.of() : Map.copyOf(inputSnapshots);
    Objects.requireNonNull(message, "message");
    if (status == Status.PREPARED && (stagingDatabase == null || stagingTable == null || query == null)) {
      throw new IllegalArgumentException("A prepared run of " + request.product() + " needs its staging table and"
          + " query; got database " + stagingDatabase + ", table " + stagingTable + ".");
    }
    if (status != Status.PREPARED && settled == null) {
      throw new IllegalArgumentException("A " + status + " run of " + request.product() + " carries Compute's result.");
    }
  }
}
