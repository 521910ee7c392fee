package io.meshwork.cli;

import java.io.PrintWriter;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Prints a result set as an aligned text table. */
final class QueryTable {

  private QueryTable() {
  }

  static void print(ResultSet result, int maxRows, PrintWriter out) throws SQLException {
    ResultSetMetaData metadata = result.getMetaData();
    int columns = metadata.getColumnCount();
    List<String[]> rows = new ArrayList<>();
    String[] header = new String[columns];
    for (int column = 0; column < columns; column++) {
      header[column] = metadata.getColumnLabel(column + 1);
    }
    int total = 0;
    while (result.next()) {
      total++;
      if (rows.size() < maxRows) {
        String[] row = new String[columns];
        for (int column = 0; column < columns; column++) {
          Object value = result.getObject(column + 1);
          row[column] = value == null ? "NULL" : value.toString();
        }
        rows.add(row);
      }
    }
    int[] widths = new int[columns];
    for (int column = 0; column < columns; column++) {
      widths[column] = header[column].length();
      for (String[] row : rows) {
        widths[column] = Math.max(widths[column], row[column].length());
      }
    }
    printRow(header, widths, out);
    StringBuilder rule = new StringBuilder();
    for (int column = 0; column < columns; column++) {
      rule.append(column == 0 ? "" : "-+-").append("-".repeat(widths[column]));
    }
    out.println(rule);
    rows.forEach(row -> printRow(row, widths, out));
    out.printf("(%d row%s%s)%n", total, total == 1 ? "" : "s", total > rows.size() ? ", " + rows.size() + " shown"
        : "");
  }

  private static void printRow(String[] values, int[] widths, PrintWriter out) {
    StringBuilder line = new StringBuilder();
    for (int column = 0; column < values.length; column++) {
      line.append(column == 0 ? "" : " | ").append(String.format("%-" + widths[column] + "s", values[column]));
    }
    out.println(line.toString().stripTrailing());
  }
}
