package io.meshwork.engine.compute;

import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A result with empty values in columns its table declares required, found in the footers of the files written for
 * it: the files were deleted and nothing reached the table's location, so no branch can hold them.
 */
public final class MissingRequiredValuesException extends SQLException {

  /** A required column with {@code rows} empty values; {@code sample}: a few of those rows, values comma-separated. */
  public record EmptyColumn(String column, long rows, List<String> sample) {

    public EmptyColumn {
      Objects.requireNonNull(column, "column");
      if (rows <= 0) {
        throw new IllegalArgumentException("An empty column has at least one empty value, not " + rows);
      }
      sample = List.copyOf(sample);
    }
  }

  private final List<EmptyColumn> columns;
  private final long totalRows;

  MissingRequiredValuesException(String origin, List<EmptyColumn> columns, long totalRows) {
    super(origin + " returns empty values in required columns (" + columns.stream()
        .map(column -> column.column() + ": " + column.rows() + " of " + totalRows + " rows")
        .collect(Collectors.joining(", ")) + "); nothing was committed.");
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("No required column is empty");
    }
    this.columns = List.copyOf(columns);
    this.totalRows = totalRows;
  }

  /** The required columns with empty values, in table order. */
  public List<EmptyColumn> columns() {
    return columns;
  }

  /** How many rows the result has in all. */
  public long totalRows() {
    return totalRows;
  }
}
