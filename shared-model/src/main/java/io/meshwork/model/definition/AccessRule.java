package io.meshwork.model.definition;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Members of {@code role} may read the columns of these classifications, on the rows the filter keeps. */
public record AccessRule(String role, Set<Classification> classifications, Optional<RowFilter> rowFilter,
    Location location) {

  public AccessRule {
    Objects.requireNonNull(role, "role");
    classifications = Set.copyOf(classifications);
    Objects.requireNonNull(rowFilter, "rowFilter");
    Objects.requireNonNull(location, "location");
  }
}
