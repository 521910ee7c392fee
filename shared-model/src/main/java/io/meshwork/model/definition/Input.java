package io.meshwork.model.definition;

import java.util.Objects;

/** A source or upstream product that a product reads, with the versions it accepts. */
public record Input(String name, VersionRange versions, Location location) {

  public Input {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(versions, "versions");
    Objects.requireNonNull(location, "location");
  }
}
