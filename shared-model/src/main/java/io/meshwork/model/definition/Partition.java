package io.meshwork.model.definition;

import java.util.Objects;

/** One Iceberg partition field: a source column and a transform such as {@code month} or {@code bucket[16]}. */
public record Partition(String column, String transform, Location location) {

  public Partition {
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(transform, "transform");
    Objects.requireNonNull(location, "location");
  }
}
