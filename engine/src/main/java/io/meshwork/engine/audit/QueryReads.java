package io.meshwork.engine.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meshwork.engine.compute.DuckDbSession;
import io.meshwork.engine.compute.GuardedQuery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a guarded query reads, for the access log: the session's tables it names (by DuckDB's own parse tree) and,
 * of those tables, the columns it names, or all of their columns when it selects {@code *}. A column name that
 * several read tables share is counted for each of them: the log errs on the side of recording more.
 */
public record QueryReads(List<String> tables, List<String> columns) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public QueryReads {
    tables = List.copyOf(tables);
    columns = List.copyOf(columns);
  }

  public static QueryReads of(DuckDbSession session, GuardedQuery query) throws SQLException {
    JsonNode tree;
    try {
      tree = JSON.readTree(String.valueOf(session.rows("SELECT json_serialize_sql(" + DuckDbSession.literal(
          query.text()) + ")").get(0).get(0)));
    } catch (IOException e) {
      throw new UncheckedIOException("DuckDB returned an unreadable parse tree", e);
    }
    Map<String, List<String>> sessionTables = new LinkedHashMap<>();
    for (List<Object> row : session.rows("SELECT schema_name, table_name, column_name FROM duckdb_columns() "
        + "WHERE NOT internal ORDER BY schema_name, table_name, column_index")) {
      String name = "main".equals(row.get(0)) ? String.valueOf(row.get(1)) : row.get(0) + "." + row.get(1);
      sessionTables.computeIfAbsent(name, key -> new ArrayList<>()).add(String.valueOf(row.get(2)));
    }
    Set<String> named = new LinkedHashSet<>();
    Set<String> columnNames = new LinkedHashSet<>();
    boolean[] star = {false};
    walk(tree, named, columnNames, star);
    List<String> tables = named.stream().filter(sessionTables::containsKey).toList();
    List<String> columns = new ArrayList<>();
    for (String table : tables) {
      for (String column : sessionTables.get(table)) {
        if (star[0] || columnNames.contains(column.toLowerCase(Locale.ROOT))) {
          columns.add(table + "." + column);
        }
      }
    }
    return new QueryReads(tables, columns);
  }

  private static void walk(JsonNode node, Set<String> tables, Set<String> columns, boolean[] star) {
    if (node.isObject()) {
      String type = node.path("type").asText("");
      if (type.equals("BASE_TABLE")) {
        String schema = node.path("schema_name").asText("");
        String table = node.path("table_name").asText("").toLowerCase(Locale.ROOT);
        tables.add(schema.isEmpty() ? table : schema.toLowerCase(Locale.ROOT) + "." + table);
      } else if (node.path("class").asText("").equals("COLUMN_REF")) {
        JsonNode names = node.path("column_names");
        if (names.size() > 0) {
          columns.add(names.get(names.size() - 1).asText("").toLowerCase(Locale.ROOT));
        }
      } else if (node.path("class").asText("").equals("STAR")) {
        star[0] = true;
      }
      node.fields().forEachRemaining(field -> walk(field.getValue(), tables, columns, star));
    } else if (node.isArray()) {
      node.forEach(child -> walk(child, tables, columns, star));
    }
  }
}
