package io.meshwork.engine.compute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which DuckDB-only SQL features a text uses, read from DuckDB's own parse tree ({@code json_serialize_sql}): only
 * features the tree shows unambiguously are named (a {@code ::} cast, for one, parses as CAST and is not). Trino,
 * Athena's engine, runs none of them.
 */
public final class DialectFeatures {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** DuckDB's function names for operators that exist in DuckDB only. */
  private static final Map<String, String> FUNCTIONS = Map.of(
      "//", "integer division //",
      "~~*", "ILIKE",
      "!~~*", "NOT ILIKE",
      "list_value", "list literal [...]");

  private DialectFeatures() {
  }

  /**
   * The DuckDB-only features {@code sql} uses, in the order first found; empty when DuckDB cannot parse it (e.g. SQL
   * written for Trino alone), since then nothing can be said.
   */
  public static Optional<List<String>> duckDbOnly(String sql) {
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        PreparedStatement statement = connection.prepareStatement("SELECT json_serialize_sql(?)")) {
      statement.setString(1, sql);
      try (ResultSet result = statement.executeQuery()) {
        result.next();
        JsonNode tree = JSON.readTree(result.getString(1));
        if (tree.path("error").asBoolean(false)) {
          return Optional.empty();
        }
        Set<String> found = new LinkedHashSet<>();
        walk(tree, found);
        return Optional.of(List.copyOf(found));
      }
    } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("Cannot ask DuckDB's parser about SQL: " + e.getMessage(), e);
    }
  }

  private static void walk(JsonNode node, Set<String> found) {
    if (node.isObject()) {
      if (node.has("qualify") && !node.get("qualify").isNull()) {
        found.add("QUALIFY");
      }
      String function = node.path("function_name").asText("");
      if (node.path("class").asText("").equals("FUNCTION") && FUNCTIONS.containsKey(function)) {
        found.add(FUNCTIONS.get(function));
      }
      if (node.path("exclude_list").size() > 0) {
        found.add("SELECT * EXCLUDE");
      }
      if (node.path("replace_list").size() > 0) {
        found.add("SELECT * REPLACE");
      }
      if (node.path("aggregate_handling").asText("").equals("FORCE_AGGREGATES")) {
        found.add("GROUP BY ALL");
      }
      if (node.has("sample") && !node.get("sample").isNull()) {
        found.add("USING SAMPLE");
      }
    }
    node.forEach(child -> walk(child, found));
  }
}
