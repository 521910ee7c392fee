package io.meshwork.model.definition;

import java.util.List;
import java.util.Objects;

/**
 * A row filter expression over declared columns, checked against a small grammar (comparisons, IN, BETWEEN, LIKE,
 * IS NULL, AND/OR/NOT, literals) so that it can be compiled safely to Lake Formation and to DuckDB views.
 */
public record RowFilter(String expression, List<String> columns, Location location) {

  public RowFilter {
    Objects.requireNonNull(expression, "expression");
    columns = List.copyOf(columns);
    Objects.requireNonNull(location, "location");
  }
}
