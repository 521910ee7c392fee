package io.meshwork.model.definition;

import java.util.Objects;

/**
 * A plain value as written in YAML: its text, what YAML resolved it to, and where it stands. Kept untyped until
 * the definition that gives it meaning (a parameter's type, say) is known.
 */
public record Scalar(String text, Kind kind, Location location) {

  /** What YAML resolved the value to. */
  public enum Kind { STRING, INTEGER, FLOAT, BOOLEAN, TIMESTAMP, NULL }

  public Scalar {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(location, "location");
  }
}
