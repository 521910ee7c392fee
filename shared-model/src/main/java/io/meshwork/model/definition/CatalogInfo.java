package io.meshwork.model.definition;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The catalogue's own document: its name, owner, the roles access rules may name, its glossary and how long every
 * table's history is kept.
 */
public record CatalogInfo(String name, String owner, List<Role> roles, List<GlossaryTerm> glossary,
    RetentionPolicy retention, Location location) {

  public CatalogInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(retention, "retention");
    Objects.requireNonNull(owner, "owner");
    roles = List.copyOf(roles);
    glossary = List.copyOf(glossary);
    Objects.requireNonNull(location, "location");
  }

  /** A catalogue without glossary, keeping history as {@link RetentionPolicy#DEFAULT}. */
  public CatalogInfo(String name, String owner, List<Role> roles, Location location) {
    this(name, owner, roles, List.of(), RetentionPolicy.DEFAULT, location);
  }

  public List<String> roleNames() {
    return roles.stream().map(Role::name).toList();
  }

  public Optional<Role> role(String name) {
    return roles.stream().filter(role -> role.name().equals(name)).findFirst();
  }

  /** A role that tenants assign to their principals. */
  public record Role(String name, String description, Location location) {
    public Role {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(description, "description");
      Objects.requireNonNull(location, "location");
    }
  }
}
