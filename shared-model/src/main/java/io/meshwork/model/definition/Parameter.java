package io.meshwork.model.definition;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A typed parameter of a transform, with its default and the values it accepts. */
public record Parameter(String name, ColumnType type, ParameterValue defaultValue, Optional<ParameterValue> minimum,
    Optional<ParameterValue> maximum, List<ParameterValue> allowedValues, Optional<String> pattern,
    String description, Location location) {

  public Parameter {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(defaultValue, "defaultValue");
    Objects.requireNonNull(minimum, "minimum");
    Objects.requireNonNull(maximum, "maximum");
    allowedValues = List.copyOf(allowedValues);
    Objects.requireNonNull(pattern, "pattern");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(location, "location");
  }
}
