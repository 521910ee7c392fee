package io.meshwork.engine.testing;

import io.meshwork.model.testing.TransformTestCase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of one transform test: passed; failed, with the rows that differ (each shown as
 * {@code {column=value, ...}} over the compared columns); or an error (the transform failed in DuckDB, or its
 * result does not have the contract's columns).
 */
public record TransformTestResult(TransformTestCase testCase, Status status, int expectedRows, int producedRows,
    List<String> missing, List<String> unexpected, String error, Duration elapsed) {

  /** How a test ended. */
  public enum Status { PASSED, FAILED, ERROR }

  public TransformTestResult {
    Objects.requireNonNull(testCase, "testCase");
    Objects.requireNonNull(status, "status");
    missing = List.copyOf(missing);
    unexpected = List.copyOf(unexpected);
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(elapsed, "elapsed");
  }

  static TransformTestResult compared(TransformTestCase testCase, int expectedRows, int producedRows,
      List<String> missing, List<String> unexpected, Duration elapsed) {
    Status status = missing.isEmpty() && unexpected.isEmpty() ? Status.PASSED : Status.FAILED;
    return new TransformTestResult(testCase, status, expectedRows, producedRows, missing, unexpected, "", elapsed);
  }

  static TransformTestResult error(TransformTestCase testCase, String error, Duration elapsed) {
    return new TransformTestResult(testCase, Status.ERROR, testCase.expected().rows().size(), 0, List.of(), List.of(),
        error, elapsed);
  }

  public boolean passed() {
    return status == Status.PASSED;
  }

  /**
   * Why the test did not pass, one line each: the error, or the row counts, then the missing rows (expected, not
   * produced) and the unexpected rows (produced, not expected), indented. Empty for a passed test.
   */
  public List<String> report() {
    List<String> lines = new ArrayList<>();
    if (status == Status.ERROR) {
      lines.add(error);
    } else if (status == Status.FAILED) {
      lines.add("expected " + rows(expectedRows) + ", produced " + rows(producedRows));
      if (!missing.isEmpty()) {
        lines.add("missing (expected, not produced):");
        missing.forEach(row -> lines.add("  " + row));
      }
      if (!unexpected.isEmpty()) {
        lines.add("unexpected (produced, not expected):");
        unexpected.forEach(row -> lines.add("  " + row));
      }
    }
    return lines;
  }

  private static String rows(int count) {
    return count + (count == 1 ? " row" : " rows");
  }
}
