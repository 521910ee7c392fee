package io.meshwork.model.access;

import io.meshwork.model.definition.TableName;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * SELECT for {@code grantee} on {@code table}: on exactly {@code columns} (contract order) of every row, or, when
 * {@code filter} is present, on that data cells filter, whose columns {@code columns} repeats.
 *
 * @param roles the catalogue roles whose access rules this grant carries out
 */
public record SelectGrant(Grantee grantee, TableName table, List<String> columns, Optional<String> filter,
    List<String> roles) {

  public SelectGrant {
    Objects.requireNonNull(grantee, "grantee");
    Objects.requireNonNull(table, "table");
    columns = List.copyOf(columns);
    Objects.requireNonNull(filter, "filter");
    roles = List.copyOf(roles);
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("A grant on " + table + " needs at least one column");
    }
  }
}
