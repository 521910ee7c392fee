package io.meshwork.engine.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meshwork.engine.quality.CheckResult;
import java.util.List;
import java.util.Objects;

/**
 * What became of a delivery: published to {@code main}, recognised as already ingested, or rejected (then
 * {@code main} is exactly as it was, and what was written stays on the audit branch for inspection).
 *
 * @param snapshotId the source's {@code main} snapshot after the delivery, or null when it has none
 * @param notes what was accepted with a remark, e.g. a column the contract does not declare and that was ignored
 */
public record IngestReport(Status status, String tenant, String source, String table, String snapshotId,
    long rowsRead, long rowsRejected, List<RejectedRow> rejectedSample, List<CheckResult> checks, List<String> notes,
    String message, String fingerprint) {

  /** The outcomes of a delivery. */
  public enum Status { PUBLISHED, ALREADY_INGESTED, REJECTED }

  public IngestReport {
    Objects.requireNonNull(status, "status");
    rejectedSample = List.copyOf(rejectedSample);
    checks = List.copyOf(checks);
    notes = List.copyOf(notes);
    Objects.requireNonNull(message, "message");
  }

  public boolean rejected() {
    return status == Status.REJECTED;
  }

  /** The report as a JSON object, e.g. to store beside a rejected delivery. */
  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the report of a delivery of " + source + " as JSON", e);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
}
