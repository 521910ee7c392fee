package io.meshwork.functions.access;

import java.util.Objects;

/**
 * A data cells filter Meshwork created, kept in the {@link AccessLedger} so that a filter the policy drops is deleted
 * and a filter of the same name made by someone else is never touched.
 *
 * @param database the table's database
 * @param table the table
 * @param name the filter's name, unique per table
 */
public record ManagedFilter(String database, String table, String name) {

  public ManagedFilter {
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(name, "name");
  }

  @Override
  public String toString() {
    return database + "." + table + "." + name;
  }
}
