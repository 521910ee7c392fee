package io.meshwork.model.compatibility;

import io.meshwork.model.definition.Location;
import java.util.Objects;

/**
 * One difference between two versions of a contract, as its consumers see it: breaking (a reader or the table
 * cannot follow without a new major version) or compatible (readers keep working, the table evolves in place).
 *
 * @param location where the change is in the head definition (for a removed column: where it used to stand)
 */
public record ContractChange(Kind kind, String description, Location location) {

  /** Whether consumers of the old contract keep working. */
  public enum Kind {
    /** Allowed only with a major version bump, which gives the new contract its own table. */
    BREAKING,
    /** Allowed in any version. */
    COMPATIBLE
  }

  public ContractChange {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(location, "location");
    if (description.isBlank()) {
      throw new IllegalArgumentException("A contract change needs a description");
    }
  }

  static ContractChange breaking(String description, Location location) {
    return new ContractChange(Kind.BREAKING, description, location);
  }

  static ContractChange compatible(String description, Location location) {
    return new ContractChange(Kind.COMPATIBLE, description, location);
  }

  public boolean isBreaking() {
    return kind == Kind.BREAKING;
  }
}
