package io.meshwork.model.definition;

import java.util.Objects;

/** One column of a source or a product's output contract. */
public record Column(String name, ColumnType type, boolean required, String description,
    Classification classification, Location location) {

  public Column {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(classification, "classification");
    Objects.requireNonNull(location, "location");
  }
}
