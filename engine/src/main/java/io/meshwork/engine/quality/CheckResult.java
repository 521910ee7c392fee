package io.meshwork.engine.quality;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of one contract or quality check on an audit snapshot: how many rows failed, whether that is within
 * the tolerance, and a few failing rows to look at.
 */
public record CheckResult(String check, List<String> columns, boolean blocking, long failingRows, long totalRows,
    boolean passed, List<String> sample, String message) {

  public CheckResult {
    Objects.requireNonNull(check, "check");
    columns = List.copyOf(columns);
    sample = List.copyOf(sample);
    Objects.requireNonNull(message, "message");
  }

  /** "not_null(canton, year)". */
  public String label() {
    return columns.isEmpty() ? check : check + "(" + String.join(", ", columns) + ")";
  }
}
