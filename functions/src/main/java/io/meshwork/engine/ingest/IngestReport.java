package io.meshwork.engine.ingest;

import io.meshwork.engine.quality.CheckResult;
import java.util.List;
import java.util.stream.Collectors;

/** STAND-IN for the engine's ingest API (being written on main); deleted when it lands. */
public record IngestReport(Status status, String tenant, String source, String table, String snapshotId,
    long rowsRead, long rowsRejected, List<RejectedRow> rejectedSample, List<CheckResult> checks, String message,
    String fingerprint) {

  public enum Status { PUBLISHED, ALREADY_INGESTED, REJECTED }

  public String toJson() {
    return "{\"status\":" + text(status.name()) + ",\"tenant\":" + text(tenant) + ",\"source\":" + text(source)
        + ",\"table\":" + text(table) + ",\"snapshotId\":" + text(snapshotId) + ",\"rowsRead\":" + rowsRead
        + ",\"rowsRejected\":" + rowsRejected + ",\"rejectedSample\":[" + rejectedSample.stream()
        .map(row -> "{\"file\":" + text(row.file()) + ",\"row\":" + row.row() + ",\"column\":" + text(row.column())
            + ",\"value\":" + text(row.value()) + ",\"reason\":" + text(row.reason()) + "}")
        .collect(Collectors.joining(",")) + "],\"message\":" + text(message) + ",\"fingerprint\":"
        + text(fingerprint) + "}";
  }

  private static String text(String value) {
    if (value == null) {
      return "null";
    }
    StringBuilder json = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        default -> json.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
      }
    }
    return json.append('"').toString();
  }
}
