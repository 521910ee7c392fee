package io.meshwork.model.definition;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A transform's SQL text, with the file it came from (for error positions), and how long one run of it may take
 * (empty: the engine's default).
 */
public record Transform(String sqlFile, String sql, Optional<Duration> timeout, Location location) {

  public Transform {
    Objects.requireNonNull(sqlFile, "sqlFile");
    Objects.requireNonNull(sql, "sql");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(location, "location");
    if (timeout.isPresent() && (timeout.get().isNegative() || timeout.get().isZero())) {
      throw new IllegalArgumentException("Timeout of " + sqlFile + " must be positive, not " + timeout.get());
    }
  }

  /** A transform with the engine's default timeout. */
  public Transform(String sqlFile, String sql, Location location) {
    this(sqlFile, sql, Optional.empty(), location);
  }
}
