package io.meshwork.cli;

import java.io.PrintWriter;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints a result set as an aligned text table: the first rows set the column widths, later rows are printed as
 * they are read, and reading stops after {@code maxRows}, so the printout does not grow with the result.
 */
final class QueryTable {

  /** Rows read before the first is printed, to align the columns. */
  private static final int WIDTH_SAMPLE = 1_000;

  private QueryTable() {
  }

  static QueryOutput.Printed print(ResultSet result, int maxRows, PrintWriter out) throws SQLException {
    ResultSetMetaData metadata = result.getMetaData();
    int columns = metadata.getColumnCount();
    String[] header = new String[columns];
    for (int column = 0; column < columns; column++) {
      header[column] = metadata.getColumnLabel(column + 1);
    }
    List<String[]> sample = new ArrayList<>();
    boolean more = result.next();
    while (more && sample.size() < Math.min(maxRows, WIDTH_SAMPLE)) {
      sample.add(row(result, columns));
      more = result.next();
    }
    int[] widths = new int[columns];
    for (int column = 0; column < columns; column++) {
      widths[column] = header[column].length();
      for (String[] row : sample) {
        widths[column] = Math.max(widths[column], row[column].length());
      }
    }
    printRow(header, widths, out);
    StringBuilder rule = new StringBuilder();
    for (int column = 0; column < columns; column++) {
      rule.append(column == 0 ? "" : "-+-").append("-".repeat(widths[column]));
    }
    out.println(rule);
    sample.forEach(row -> printRow(row, widths, out));
    int printed = sample.size();
    while (more && printed < maxRows) {
      printRow(row(result, columns), widths, out);
      printed++;
      more = result.next();
    }
    if (more) {
      out.printf("(first %d rows shown; the result has more: raise --max-rows, at most %d, or aggregate)%n",
          printed, QueryCommand.MAX_ROWS_CEILING);
    } else {
      out.printf("(%d row%s)%n", printed, printed == 1 ? "" : "s");
    }
    out.flush();
    return new QueryOutput.Printed(printed, more);
  }

  private static String[] row(ResultSet result, int columns) throws SQLException {
    String[] row = new String[columns];
    for (int column = 0; column < columns; column++) {
      Object value = result.getObject(column + 1);
      row[column] = value == null ? "NULL" : value.toString();
    }
    return row;
  }

  private static void printRow(String[] values, int[] widths, PrintWriter out) {
    StringBuilder line = new StringBuilder();
    for (int column = 0; column < values.length; column++) {
      line.append(column == 0 ? "" : " | ").append(String.format("%-" + widths[column] + "s", values[column]));
    }
    out.println(line.toString().stripTrailing());
  }
}
