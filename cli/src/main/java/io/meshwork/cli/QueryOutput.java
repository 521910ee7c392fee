package io.meshwork.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;

/** Prints a query result as a table for people, or as CSV or JSON for scripts; at most {@code maxRows} rows. */
final class QueryOutput {

  /** Output formats of {@code mesh query}. */
  enum Format { table, csv, json }

  /** How many rows were printed, and whether the result had more. */
  record Printed(int rows, boolean more) {
  }

  private QueryOutput() {
  }

  static Printed print(Format format, ResultSet result, int maxRows, PrintWriter out) throws SQLException {
    return switch (format) {
      case table -> QueryTable.print(result, maxRows, out);
      case csv -> csv(result, maxRows, out);
      case json -> json(result, maxRows, out);
    };
  }

  /** RFC 4180: a header line, then one line per row; NULL is an empty field, text is quoted when it must be. */
  private static Printed csv(ResultSet result, int maxRows, PrintWriter out) throws SQLException {
    ResultSetMetaData metadata = result.getMetaData();
    int columns = metadata.getColumnCount();
    StringBuilder line = new StringBuilder();
    for (int column = 1; column <= columns; column++) {
      line.append(column == 1 ? "" : ",").append(csvField(metadata.getColumnLabel(column)));
    }
    out.print(line.append("\r\n"));
    int printed = 0;
    while (printed < maxRows && result.next()) {
      line.setLength(0);
      for (int column = 1; column <= columns; column++) {
        Object value = result.getObject(column);
        line.append(column == 1 ? "" : ",").append(value == null ? "" : csvField(value.toString()));
      }
      out.print(line.append("\r\n"));
      printed++;
    }
    boolean more = result.next();
    out.flush();
    return new Printed(printed, more);
  }

  private static String csvField(String text) {
    boolean quote = text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r");
    return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
  }

  /** One JSON array of objects, one per row, keyed by column label; numbers stay exact (decimals as numbers). */
  private static Printed json(ResultSet result, int maxRows, PrintWriter out) throws SQLException {
    ResultSetMetaData metadata = result.getMetaData();
    int columns = metadata.getColumnCount();
    int printed = 0;
    boolean more;
    try (JsonGenerator json = new ObjectMapper().getFactory().createGenerator(out)) {
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      json.writeStartArray();
      while (printed < maxRows && result.next()) {
        json.writeStartObject();
        for (int column = 1; column <= columns; column++) {
          json.writeFieldName(metadata.getColumnLabel(column));
          Object value = result.getObject(column);
          if (value == null) {
            json.writeNull();
          } else if (value instanceof java.math.BigDecimal decimal) {
            json.writeNumber(decimal);
          } else if (value instanceof Long || value instanceof Integer || value instanceof Short
              || value instanceof Byte) {
            json.writeNumber(((Number) value).longValue());
          } else if (value instanceof Double || value instanceof Float) {
            json.writeNumber(((Number) value).doubleValue());
          } else if (value instanceof Boolean bool) {
            json.writeBoolean(bool);
          } else {
            json.writeString(value.toString());
          }
        }
        json.writeEndObject();
        printed++;
      }
      json.writeEndArray();
      more = result.next();
      json.flush();
      out.println();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the JSON result", e);
    }
    out.flush();
    return new Printed(printed, more);
  }
}
