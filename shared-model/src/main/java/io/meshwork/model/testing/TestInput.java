package io.meshwork.model.testing;

import io.meshwork.model.definition.Column;
import io.meshwork.model.definition.Location;
import java.util.List;
import java.util.Objects;

/**
 * The rows a transform test gives for one input of the product, with the input's full schema (a source's columns or
 * the upstream product's contract columns): columns a row leaves out are NULL.
 */
public record TestInput(String name, List<Column> columns, List<TestRow> rows, Location location) {

  public TestInput {
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
    Objects.requireNonNull(location, "location");
  }
}
