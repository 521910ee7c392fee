package io.meshwork.model.definition;

import java.util.List;
import java.util.Objects;

/**
 * A dataset the provider receives from each tenant: its contract, how it is delivered, and the quality rules a
 * delivery must pass before it is published.
 */
public record Source(String name, String domain, SemanticVersion version, Description description,
    Contract contract, Delivery delivery, List<QualityRule> quality, Location location) {

  public Source {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(contract, "contract");
    Objects.requireNonNull(delivery, "delivery");
    quality = List.copyOf(quality);
    Objects.requireNonNull(location, "location");
    for (String column : delivery.key()) {
      if (contract.column(column).isEmpty()) {
        throw new IllegalArgumentException("The delivery key column " + column + " of source " + name
            + " is not in its contract");
      }
    }
  }

  public TableName tableName() {
    return TableName.of(domain, name, version);
  }
}
