package io.meshwork.engine.compute;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Follows each result column of a query back through DuckDB's bound, unoptimised plan
 * ({@code json_serialize_plan}) to the floating-point arithmetic that feeds its value: a function or aggregate
 * that returns DOUBLE or REAL from exact arguments (decimal {@code /}, {@code avg}, {@code sqrt}...), a conversion
 * to DOUBLE (a cast, or one a union forces), a DOUBLE literal, or an input column of a floating-point type. Types
 * come from DuckDB's binder, so comments, strings and names never count; conditions (anything of type BOOLEAN),
 * window partitions and orders, and aggregate filters decide which rows count but feed no value, so they are not
 * followed. An operator this class does not know passes on everything below it, so an unknown shape can only add
 * origins, never hide one.
 */
final class FloatingPointLineage {

  /** Where floating point enters: a character offset in the query text (-1 if DuckDB gives none) and what. */
  record Origin(long offset, String what) {

    Origin {
      if (what == null || what.isBlank()) {
        throw new IllegalArgumentException("An origin of floating point needs a description, not '" + what + "'");
      }
    }
  }

  private static final Set<String> FLOATING = Set.of("DOUBLE", "FLOAT");
  private static final Set<String> NOT_VALUES = Set.of("partitions", "orders", "order_bys", "filter",
      "start_expr", "end_expr", "offset_expr");
  private static final Set<String> PASSING = Set.of("LOGICAL_FILTER", "LOGICAL_DISTINCT", "LOGICAL_ORDER_BY",
      "LOGICAL_LIMIT", "LOGICAL_TOP_N", "LOGICAL_SAMPLE");
  private static final Set<String> SET_OPERATIONS = Set.of("LOGICAL_UNION", "LOGICAL_EXCEPT", "LOGICAL_INTERSECT");
  private static final Set<String> JOINS = Set.of("LOGICAL_COMPARISON_JOIN", "LOGICAL_ANY_JOIN",
      "LOGICAL_CROSS_PRODUCT", "LOGICAL_POSITIONAL_JOIN", "LOGICAL_ASOF_JOIN");

  private final Map<Long, Columns> ctes = new HashMap<>();

  private FloatingPointLineage() {
  }

  /** A result column: the origins of floating point that feed it, and where its expression starts (-1: unknown). */
  record ResultColumn(Set<Origin> origins, long offset) {

    ResultColumn {
      origins = Set.copyOf(origins);
    }
  }

  /** For each of the first {@code columnCount} result columns of the serialized plan, in order, its lineage. */
  static List<ResultColumn> of(JsonNode serializedPlan, int columnCount) {
    JsonNode plan = serializedPlan.path("plans").path(0);
    Columns columns = new FloatingPointLineage().columns(plan);
    JsonNode expressions = resultProjection(plan).path("expressions");
    List<ResultColumn> result = new ArrayList<>();
    for (int column = 0; column < columnCount; column++) {
      result.add(new ResultColumn(columns.get(column), location(expressions.path(column))));
    }
    return result;
  }

  /** The projection that makes the result columns, below the CTEs and row-passing operators above it. */
  private static JsonNode resultProjection(JsonNode operator) {
    String type = operator.path("type").asText("");
    JsonNode children = operator.path("children");
    if (type.equals("LOGICAL_MATERIALIZED_CTE") && children.size() == 2) {
      return resultProjection(children.get(1));
    }
    if (PASSING.contains(type) && children.size() == 1) {
      return resultProjection(children.get(0));
    }
    return operator;
  }

  /** The origins of each output column of one operator. */
  private Columns columns(JsonNode operator) {
    String type = operator.path("type").asText("");
    List<JsonNode> children = new ArrayList<>();
    operator.path("children").forEach(children::add);
    switch (type) {
      case "LOGICAL_PROJECTION":
        return Columns.of(expressions(operator.path("expressions"), input(children)));
      case "LOGICAL_AGGREGATE_AND_GROUP_BY": {
        Columns input = input(children);
        List<Set<Origin>> output = expressions(operator.path("groups"), input);
        output.addAll(expressions(operator.path("expressions"), input));
        return Columns.of(output);
      }
      case "LOGICAL_WINDOW":
      case "LOGICAL_UNNEST": {
        Columns input = input(children);
        return input.then(Columns.of(expressions(operator.path("expressions"), input)));
      }
      case "LOGICAL_GET":
        return get(operator);
      case "LOGICAL_CTE_REF": {
        Columns cte = ctes.get(operator.path("cte_index").asLong(-1));
        return cte != null ? cte : Columns.open(Set.of());
      }
      case "LOGICAL_MATERIALIZED_CTE":
        if (children.size() == 2) {
          ctes.put(operator.path("table_index").asLong(-1), columns(children.get(0)));
          return columns(children.get(1));
        }
        return everything(operator, children);
      case "LOGICAL_DUMMY_SCAN":
        return Columns.of(List.of());
      case "LOGICAL_EXPRESSION_GET": {
        List<Set<Origin>> output = new ArrayList<>();
        Columns input = input(children);
        for (JsonNode row : operator.path("expressions")) {
          List<Set<Origin>> values = expressions(row, input);
          for (int column = 0; column < values.size(); column++) {
            if (output.size() <= column) {
              output.add(new LinkedHashSet<>());
            }
            output.get(column).addAll(values.get(column));
          }
        }
        return Columns.of(output);
      }
      default:
        break;
    }
    if (PASSING.contains(type) && children.size() == 1) {
      return projected(columns(children.get(0)), operator.path("projection_map"));
    }
    if (SET_OPERATIONS.contains(type) && !children.isEmpty()) {
      Columns merged = columns(children.get(0));
      for (JsonNode child : children.subList(1, children.size())) {
        merged = merged.positionally(columns(child));
      }
      return merged;
    }
    if (JOINS.contains(type) && children.size() == 2) {
      return join(operator, columns(children.get(0)), columns(children.get(1)));
    }
    return everything(operator, children);
  }

  /** The children's columns side by side, as the operator's expressions refer to them. */
  private Columns input(List<JsonNode> children) {
    Columns input = Columns.of(List.of());
    for (JsonNode child : children) {
      input = input.then(columns(child));
    }
    return input;
  }

  private Columns join(JsonNode operator, Columns left, Columns right) {
    String joinType = operator.path("join_type").asText("INNER");
    Columns leftSide = projected(left, operator.path("left_projection_map"));
    Columns rightSide = projected(right, operator.path("right_projection_map"));
    return switch (joinType) {
      case "SEMI", "ANTI" -> leftSide;
      case "MARK" -> leftSide.then(Columns.of(List.of(Set.of())));
      default -> leftSide.then(rightSide);
    };
  }

  private static Columns projected(Columns columns, JsonNode projectionMap) {
    if (!projectionMap.isArray() || projectionMap.isEmpty() || columns.isOpen()) {
      return columns;
    }
    List<Set<Origin>> output = new ArrayList<>();
    projectionMap.forEach(index -> output.add(columns.get(index.asInt())));
    return Columns.of(output);
  }

  /** A table or table function: a column of a floating-point type is an origin of its own. */
  private static Columns get(JsonNode operator) {
    JsonNode types = operator.path("returned_types");
    JsonNode names = operator.path("names");
    String table = operator.path("function_data").path("table").asText("");
    List<Integer> read = new ArrayList<>();
    operator.path("column_indexes").forEach(index -> read.add(index.path("index").asInt()));
    if (read.isEmpty()) {
      for (int column = 0; column < types.size(); column++) {
        read.add(column);
      }
    }
    List<Set<Origin>> output = new ArrayList<>();
    for (int column : read) {
      JsonNode columnType = types.path(column);
      if (column < types.size() && isFloating(columnType)) {
        String name = (table.isEmpty() ? "" : table + ".") + names.path(column).asText("column " + column);
        output.add(Set.of(new Origin(-1, "the input column " + name + " is " + typeName(columnType))));
      } else {
        output.add(Set.of());
      }
    }
    return projected(Columns.of(output), operator.path("projection_ids"));
  }

  /** An operator of unknown shape: every output column may carry every origin below it. */
  private Columns everything(JsonNode operator, List<JsonNode> children) {
    Columns input = input(children);
    Set<Origin> all = new LinkedHashSet<>(input.all());
    operator.fields().forEachRemaining(field -> {
      if (!field.getKey().equals("children")) {
        expressionsIn(field.getValue(), input, all);
      }
    });
    return Columns.open(all);
  }

  private void expressionsIn(JsonNode node, Columns input, Set<Origin> found) {
    if (node.isObject() && node.has("expression_class")) {
      found.addAll(value(node, input, false).origins());
    } else if (node.isContainerNode()) {
      node.forEach(child -> expressionsIn(child, input, found));
    }
  }

  private List<Set<Origin>> expressions(JsonNode expressions, Columns input) {
    List<Set<Origin>> output = new ArrayList<>();
    expressions.forEach(expression -> output.add(value(expression, input, false).origins()));
    return output;
  }

  /** What an expression's value carries, and whether it computes in floating point itself. */
  private record Value(Set<Origin> origins, boolean computesFloating) {
  }

  private Value value(JsonNode expression, Columns input, boolean parentFloating) {
    JsonNode returnType = expression.path("return_type");
    if (returnType.path("id").asText("").equals("BOOLEAN")) {
      return new Value(Set.of(), false); // a condition picks rows or branches; it feeds no value
    }
    boolean floating = isFloating(returnType);
    String expressionClass = expression.path("expression_class").asText("");
    if (expressionClass.equals("BOUND_REF")) {
      return new Value(input.get(expression.path("index").asInt(-1)), floating);
    }
    if (expressionClass.equals("BOUND_COLUMN_REF")) {
      return new Value(input.all(), floating); // a binding this walk cannot resolve: assume the worst
    }
    Set<Origin> origins = new LinkedHashSet<>();
    boolean floatingBelow = false;
    for (JsonNode argument : arguments(expression)) {
      Value value = value(argument, input, floating);
      origins.addAll(value.origins());
      floatingBelow |= value.computesFloating();
    }
    if (!floating) {
      return new Value(origins, false);
    }
    boolean cast = expression.path("type").asText("").equals("OPERATOR_CAST");
    if (expressionClass.equals("BOUND_CONSTANT")) {
      // A literal inside floating arithmetic is that arithmetic's operand; alone, it is the origin.
      if (!parentFloating) {
        origins.add(new Origin(location(expression), "a " + typeName(returnType) + " literal"));
      }
      return new Value(origins, false);
    }
    if (cast) {
      // A cast that only widens an operand belongs to the arithmetic above it; alone, it is the origin.
      if (!floatingBelow && !parentFloating) {
        origins.add(new Origin(location(expression), "a conversion to " + typeName(returnType)));
      }
      return new Value(origins, floatingBelow);
    }
    if (!floatingBelow) {
      origins.add(new Origin(location(expression), describe(expression, returnType)));
    }
    return new Value(origins, true);
  }

  /** The expressions whose values flow into this one (not its conditions, partitions, orders or filters). */
  private static List<JsonNode> arguments(JsonNode expression) {
    List<JsonNode> arguments = new ArrayList<>();
    expression.fields().forEachRemaining(field -> {
      if (!NOT_VALUES.contains(field.getKey())) {
        collect(field.getValue(), arguments);
      }
    });
    return arguments;
  }

  private static void collect(JsonNode node, List<JsonNode> found) {
    if (node.isObject() && node.has("expression_class")) {
      found.add(node);
    } else if (node.isContainerNode()) {
      node.forEach(child -> collect(child, found));
    }
  }

  private static String describe(JsonNode expression, JsonNode returnType) {
    JsonNode path = expression.path("qname").path("path");
    String name = path.isArray() && !path.isEmpty() ? path.get(path.size() - 1).asText("") : "";
    if (name.isEmpty()) {
      name = expression.path("name").asText(expression.path("function_name").asText("an expression"));
    }
    if (name.equals("/")) {
      return "`/` (DuckDB divides in " + typeName(returnType) + ")";
    }
    String kind = expression.path("expression_class").asText("").equals("BOUND_AGGREGATE") ? "aggregate"
        : expression.path("expression_class").asText("").equals("BOUND_WINDOW") ? "window function" : "function";
    return kind + " " + name + " (returns " + typeName(returnType) + ")";
  }

  private static long location(JsonNode expression) {
    JsonNode location = expression.path("query_location");
    return location.canConvertToLong() && location.asLong() >= 0 && location.asLong() < Integer.MAX_VALUE
        ? location.asLong() : -1;
  }

  private static boolean isFloating(JsonNode type) {
    return FLOATING.contains(type.path("id").asText(""));
  }

  private static String typeName(JsonNode type) {
    return type.path("id").asText("").equals("FLOAT") ? "REAL" : type.path("id").asText("");
  }

  /**
   * The origins of an operator's output columns. Columns of unknown number ("open") each carry every origin of the
   * operator's subtree.
   */
  private static final class Columns {

    private final List<Set<Origin>> known;
    private final Set<Origin> open;

    private Columns(List<Set<Origin>> known, Set<Origin> open) {
      this.known = List.copyOf(known);
      this.open = open == null ? null : Set.copyOf(open);
    }

    static Columns of(List<Set<Origin>> columns) {
      return new Columns(columns, null);
    }

    static Columns open(Set<Origin> origins) {
      return new Columns(List.of(), origins);
    }

    boolean isOpen() {
      return open != null;
    }

    Set<Origin> get(int index) {
      if (isOpen() || index < 0 || index >= known.size()) {
        return all();
      }
      return known.get(index);
    }

    Set<Origin> all() {
      Set<Origin> all = new LinkedHashSet<>(isOpen() ? open : Set.of());
      known.forEach(all::addAll);
      return all;
    }

    Columns then(Columns next) {
      if (isOpen() || next.isOpen()) {
        Set<Origin> all = new LinkedHashSet<>(all());
        all.addAll(next.all());
        return open(all);
      }
      List<Set<Origin>> joined = new ArrayList<>(known);
      joined.addAll(next.known);
      return of(joined);
    }

    Columns positionally(Columns other) {
      if (isOpen() || other.isOpen() || known.size() != other.known.size()) {
        return open(then(other).all());
      }
      List<Set<Origin>> merged = new ArrayList<>();
      for (int column = 0; column < known.size(); column++) {
        Set<Origin> both = new LinkedHashSet<>(known.get(column));
        both.addAll(other.known.get(column));
        merged.add(both);
      }
      return of(merged);
    }
  }
}
