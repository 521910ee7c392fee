package io.meshwork.model.definition;

import java.util.Objects;

/** One problem found in the definitions: where, and what is wrong and how to fix it. */
public record Diagnostic(Location location, String message) implements Comparable<Diagnostic> {

  public Diagnostic {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public int compareTo(Diagnostic other) {
    int byLocation = location.compareTo(other.location);
    return byLocation != 0 ? byLocation : message.compareTo(other.message);
  }

  @Override
  public String toString() {
    return location + ": " + message;
  }
}
