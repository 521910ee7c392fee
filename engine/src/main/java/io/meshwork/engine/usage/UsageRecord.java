package io.meshwork.engine.usage;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What one step cost: how long it ran, what it read and wrote. {@code version}, {@code runId}, {@code principal},
 * {@code peakMemoryBytes} and {@code functionMemoryMb} are null where they do not apply or cannot be measured (a
 * query has no run; only a function has configured memory; peak memory is measured where the process runs one step
 * at a time).
 */
public record UsageRecord(String tenant, String product, String version, String runId, UsageStep step,
    Instant startedAt, Duration duration, Long peakMemoryBytes, long rowsIn, long rowsOut, long bytesRead,
    long bytesWritten, int filesWritten, String engine, Integer functionMemoryMb, String principal) {

  public UsageRecord {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(engine, "engine");
    if (duration.isNegative() || rowsIn < 0 || rowsOut < 0 || bytesRead < 0 || bytesWritten < 0 || filesWritten < 0
        || (peakMemoryBytes != null && peakMemoryBytes < 0) || (functionMemoryMb != null && functionMemoryMb <= 0)) {
      throw new IllegalArgumentException("A usage record of " + step.label() + " of " + product + " for tenant "
          + tenant + " has a negative measure: duration " + duration + ", rows " + rowsIn + "/" + rowsOut + ", bytes "
          + bytesRead + "/" + bytesWritten + ", files " + filesWritten + ".");
    }
  }

  /** The same record with the peak memory of the process that ran it. */
  public UsageRecord withPeakMemory(Long bytes) {
    return new UsageRecord(tenant, product, version, runId, step, startedAt, duration, bytes, rowsIn, rowsOut,
        bytesRead, bytesWritten, filesWritten, engine, functionMemoryMb, principal);
  }
}
