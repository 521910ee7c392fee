package io.meshwork.engine.compute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides, by DuckDB's own parser, whether SQL text may run in a session: it must be exactly one query (SELECT,
 * WITH, set operations, VALUES, FROM-first, DESCRIBE or SUMMARIZE) that reads tables by name only. DuckDB serializes
 * only queries to JSON ({@code json_serialize_sql}), so any other statement, and any second statement however it
 * is hidden in comments or strings, is refused before a single part of the text runs. The parsed tree is then
 * walked for what a query may still reach: table functions that read files or the catalog, settings, DuckDB's
 * system views, and file names used as tables.
 */
final class SqlGuard {

  /** Table functions that only generate rows. */
  static final Set<String> TABLE_FUNCTIONS = Set.of("range", "generate_series", "unnest");
  /** Scalar functions that would reveal the host: settings and the SQL of views (which names data files). */
  static final Set<String> HIDDEN_FUNCTIONS = Set.of("current_setting", "pg_get_viewdef", "getenv");
  private static final Set<String> SYSTEM_SCHEMAS = Set.of("information_schema", "pg_catalog", "system", "temp");
  private static final Set<String> SHOWN = Set.of("DESCRIBE", "SUMMARY");
  private static final String NOT_A_QUERY = "Only SELECT statements can be serialized to json!";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static volatile Set<String> systemViews;

  private SqlGuard() {
  }

  static GuardedQuery check(Connection connection, String sql) throws UnsafeSqlException {
    String text = withoutTrailingSemicolon(sql);
    JsonNode parsed = parse(connection, text);
    if (parsed.path("error").asBoolean(true)) {
      String message = parsed.path("error_message").asText("");
      if (message.equals(NOT_A_QUERY)) {
        throw new UnsafeSqlException("Only one query is allowed (SELECT, WITH, VALUES or FROM): DuckDB reads a "
            + "statement here that is not a query.");
      }
      int position = Math.min(text.length(), Math.max(0, parsed.path("position").asInt(0)));
      int line = 1 + (int) text.substring(0, position).chars().filter(character -> character == '\n').count();
      throw new UnsafeSqlException("DuckDB cannot parse it: " + Redaction.paths(message) + ".",
          Redaction.paths(message), line);
    }
    int statements = parsed.path("statements").size();
    if (statements != 1) {
      throw new UnsafeSqlException(statements == 0 ? "There is no query: write one SELECT."
          : "Only one statement is allowed: DuckDB reads " + statements + " statements here.");
    }
    Optional<String> reached = reached(parsed.path("statements").get(0), systemViews(connection));
    if (reached.isPresent()) {
      throw new UnsafeSqlException(reached.get());
    }
    // Embedded as "(<query>)" by the engine: the text must stay one query there too.
    JsonNode embedded = parse(connection, "SELECT * FROM (\n" + text + "\n) AS meshwork_query");
    if (embedded.path("error").asBoolean(true) || embedded.path("statements").size() != 1) {
      throw new UnsafeSqlException("The query cannot stand inside parentheses: remove what follows its end (a ';' "
          + "or a comment).");
    }
    return new GuardedQuery(text, tables(parsed.path("statements").get(0), new HashSet<>()));
  }

  /** The tables the parsed query names, lower-case, with their schema where it gives one. */
  private static Set<String> tables(JsonNode node, Set<String> found) {
    if (node.isObject() && node.path("type").asText("").equals("BASE_TABLE")) {
      String schema = lower(node.path("schema_name").asText(""));
      found.add((schema.isEmpty() ? "" : schema + ".") + lower(node.path("table_name").asText("")));
    }
    if (node.isContainerNode()) {
      node.forEach(child -> tables(child, found));
    }
    return found;
  }

  /** Names what the parsed query reaches that no query may, or empty. */
  private static Optional<String> reached(JsonNode node, Set<String> views) {
    if (node.isArray()) {
      for (JsonNode item : node) {
        Optional<String> reached = reached(item, views);
        if (reached.isPresent()) {
          return reached;
        }
      }
      return Optional.empty();
    }
    if (!node.isObject()) {
      return Optional.empty();
    }
    String type = node.path("type").asText("");
    if (type.equals("TABLE_FUNCTION")) {
      String function = lower(node.path("function").path("function_name").asText(""));
      if (!TABLE_FUNCTIONS.contains(function)) {
        return Optional.of("It reads from the table function '" + function + "'; a query may read only tables by "
            + "name (and generate rows with range, generate_series or unnest).");
      }
    } else if (type.equals("BASE_TABLE")) {
      Optional<String> problem = tableProblem(node, views);
      if (problem.isPresent()) {
        return problem;
      }
    } else if (type.equals("SHOW_REF") && !SHOWN.contains(node.path("show_type").asText(""))) {
      return Optional.of("It shows '" + node.path("table_name").asText("") + "'; settings are not readable. "
          + "DESCRIBE and SUMMARIZE of a query or table are.");
    }
    if (node.path("class").asText("").equals("FUNCTION")
        && HIDDEN_FUNCTIONS.contains(lower(node.path("function_name").asText("")))) {
      return Optional.of("It calls '" + node.path("function_name").asText("") + "', which would show the host's "
          + "settings or file paths; it is not available.");
    }
    for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
      Optional<String> reached = reached(field.getValue(), views);
      if (reached.isPresent()) {
        return reached;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> tableProblem(JsonNode table, Set<String> views) {
    String name = table.path("table_name").asText("");
    String schema = lower(table.path("schema_name").asText(""));
    String catalog = lower(table.path("catalog_name").asText(""));
    if (SYSTEM_SCHEMAS.contains(schema) || SYSTEM_SCHEMAS.contains(catalog) || views.contains(lower(name))) {
      return Optional.of("It reads DuckDB's system catalog ('" + (schema.isEmpty() ? "" : schema + ".") + name
          + "'); a query may read only the tables it is given.");
    }
    if (name.chars().anyMatch(character -> "/\\.:*?~".indexOf(character) >= 0)) {
      return Optional.of("It reads the file '" + name + "' as a table; a query may read only tables by name.");
    }
    return Optional.empty();
  }

  private static JsonNode parse(Connection connection, String text) throws UnsafeSqlException {
    try (PreparedStatement statement = connection.prepareStatement("SELECT json_serialize_sql(?::VARCHAR)")) {
      statement.setString(1, text);
      try (ResultSet result = statement.executeQuery()) {
        result.next();
        return JSON.readTree(result.getString(1));
      }
    } catch (SQLException | java.io.IOException e) {
      throw new IllegalStateException("Cannot ask DuckDB's parser about a query: " + e.getMessage(), e);
    }
  }

  /** DuckDB's own catalog views (information_schema, pg_catalog, duckdb_*, sqlite_*), as DuckDB lists them. */
  private static Set<String> systemViews(Connection connection) {
    Set<String> views = systemViews;
    if (views == null) {
      views = new HashSet<>();
      try (Statement statement = connection.createStatement();
          ResultSet result = statement.executeQuery("SELECT DISTINCT lower(view_name) FROM duckdb_views() "
              + "WHERE internal UNION SELECT DISTINCT lower(table_name) FROM duckdb_tables() WHERE internal")) {
        while (result.next()) {
          views.add(result.getString(1));
        }
      } catch (SQLException e) {
        throw new IllegalStateException("Cannot list DuckDB's system views: " + e.getMessage(), e);
      }
      views = Set.copyOf(views);
      systemViews = views;
    }
    return views;
  }

  /** The text without a trailing ';' and white space; leading text stays, so positions keep their lines. */
  private static String withoutTrailingSemicolon(String sql) {
    String trimmed = sql.stripTrailing();
    return trimmed.endsWith(";") ? trimmed.substring(0, trimmed.length() - 1).stripTrailing() : trimmed;
  }

  private static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }
}
