package io.meshwork.model.access;

import io.meshwork.model.definition.TableName;
import io.meshwork.model.sql.RowFilterParser;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A Lake Formation data cells filter: the rows of {@code table} that {@code rowFilter} keeps, restricted to
 * {@code columns} (contract order). The row filter must be the canonical text of a filter the grammar accepts
 * ({@link RowFilterParser#canonical}), so no unchecked text can reach Lake Formation.
 *
 * @param name {@code <table>_<role>}: unique per table, as Lake Formation requires, and readable in the console
 */
public record DataCellsFilter(String name, TableName table, List<String> columns, String rowFilter, String role) {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,254}");

  public DataCellsFilter {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(table, "table");
    columns = List.copyOf(columns);
    Objects.requireNonNull(rowFilter, "rowFilter");
    Objects.requireNonNull(role, "role");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("Invalid data cells filter name '" + name + "'");
    }
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("Data cells filter " + name + " needs at least one column");
    }
    if (!rowFilter.equals(RowFilterParser.canonical(rowFilter))) {
      throw new IllegalArgumentException("The row filter of " + name + " is not in canonical form: " + rowFilter);
    }
  }

  /** The filter name Lake Formation gets for the rule of {@code role} on {@code table}. */
  public static String nameOf(TableName table, String role) {
    return table.table() + "_" + role;
  }
}
