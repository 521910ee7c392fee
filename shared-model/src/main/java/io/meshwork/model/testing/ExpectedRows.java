package io.meshwork.model.testing;

import io.meshwork.model.definition.Location;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * What a transform test expects: the compared columns (all contract columns unless the fixture lists some), the
 * rows, compared as a multiset (order does not matter), and an absolute tolerance for decimal, float and double
 * columns (zero: numerically equal).
 */
public record ExpectedRows(List<String> columns, BigDecimal tolerance, List<TestRow> rows, Location location) {

  public ExpectedRows {
    columns = List.copyOf(columns);
    Objects.requireNonNull(tolerance, "tolerance");
    if (tolerance.signum() < 0) {
      throw new IllegalArgumentException("A tolerance cannot be negative: " + tolerance);
    }
    rows = List.copyOf(rows);
    Objects.requireNonNull(location, "location");
  }
}
