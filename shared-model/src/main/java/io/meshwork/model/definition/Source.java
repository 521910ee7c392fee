package io.meshwork.model.definition;

import java.util.Objects;

/** A dataset the provider receives from each tenant. */
public record Source(String name, String domain, SemanticVersion version, Description description,
    Contract contract, Location location) {

  public Source {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(contract, "contract");
    Objects.requireNonNull(location, "location");
  }

  public TableName tableName() {
    return TableName.of(domain, name, version);
  }
}
