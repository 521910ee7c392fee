package io.meshwork.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Rows under named columns, printed as an aligned table, as CSV (RFC 4180) or as a JSON array of objects. */
record Tabular(List<String> columns, List<List<Object>> rows) {

  /** How {@code mesh usage} prints. */
  enum Format { TABLE, CSV, JSON }

  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN, true);

  Tabular {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
    for (List<Object> row : rows) {
      if (row.size() != columns.size()) {
        throw new IllegalArgumentException("A row has " + row.size() + " values for " + columns.size() + " columns");
      }
    }
  }

  void print(Format format, PrintWriter out) {
    switch (format) {
      case TABLE -> table(out);
      case CSV -> csv(out);
      case JSON -> json(out);
    }
    out.flush();
  }

  private void table(PrintWriter out) {
    int[] widths = new int[columns.size()];
    for (int column = 0; column < widths.length; column++) {
      widths[column] = columns.get(column).length();
      for (List<Object> row : rows) {
        widths[column] = Math.max(widths[column], text(row.get(column)).length());
      }
    }
    line(columns.stream().map(Object.class::cast).toList(), widths, out);
    List<Object> rule = new ArrayList<>();
    for (int width : widths) {
      rule.add("-".repeat(width));
    }
    line(rule, widths, out);
    rows.forEach(row -> line(row, widths, out));
    if (rows.isEmpty()) {
      out.println("(none)");
    }
  }

  private static void line(List<Object> values, int[] widths, PrintWriter out) {
    StringBuilder line = new StringBuilder();
    for (int column = 0; column < widths.length; column++) {
      Object value = values.get(column);
      String text = text(value);
      String padded = value instanceof Number ? " ".repeat(widths[column] - text.length()) + text
          : text + " ".repeat(widths[column] - text.length());
      line.append(column == 0 ? "" : "  ").append(padded);
    }
    out.println(line.toString().stripTrailing());
  }

  private void csv(PrintWriter out) {
    out.println(String.join(",", columns.stream().map(Tabular::csvField).toList()));
    for (List<Object> row : rows) {
      out.println(String.join(",", row.stream().map(value -> csvField(text(value))).toList()));
    }
  }

  private static String csvField(String text) {
    return text.matches("(?s).*[\",\r\n].*") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
  }

  private void json(PrintWriter out) {
    List<Map<String, Object>> objects = new ArrayList<>();
    for (List<Object> row : rows) {
      Map<String, Object> object = new LinkedHashMap<>();
      for (int column = 0; column < columns.size(); column++) {
        object.put(columns.get(column), row.get(column));
      }
      objects.add(object);
    }
    try {
      out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(objects));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the rows as JSON", e);
    }
  }

  private static String text(Object value) {
    if (value == null) {
      return "";
    }
    return value instanceof BigDecimal decimal ? decimal.toPlainString() : String.valueOf(value);
  }
}
