package io.meshwork.model.definition;

import java.util.Objects;

/**
 * Where a source or product version is stored, identical locally and in Glue: the namespace (database) is the
 * domain, the table is {@code <name>_v<major>}. Minor versions evolve one table; majors live side by side.
 */
public record TableName(String namespace, String table) {

  public TableName {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(table, "table");
  }

  public static TableName of(String domain, String name, SemanticVersion version) {
    return new TableName(domain, name + "_v" + version.major());
  }

  @Override
  public String toString() {
    return namespace + "." + table;
  }
}
