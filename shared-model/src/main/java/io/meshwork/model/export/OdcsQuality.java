package io.meshwork.model.export;

import io.meshwork.model.definition.QualityRule;
import io.meshwork.model.definition.Scalar;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Maps a product's quality rules to ODCS quality checks, placed as ODCS expects: checks of one column on that
 * property, checks of several columns or of the whole table on the schema object. Where an ODCS library metric means
 * exactly what the rule checks, the metric is used (not_null as nullValues, unique as duplicateValues,
 * accepted_values and regex as invalidValues, row_count bounds as rowCount); a sql rule becomes an ODCS sql check
 * counting its failing rows; everything else is a custom check of engine {@code meshwork} carrying the rule itself.
 * A tolerance becomes the operator's bound ({@code mustBeLessOrEqualTo} with unit rows or percent).
 */
final class OdcsQuality {

  static final String ENGINE = "meshwork";

  private final Map<String, List<Map<String, Object>>> byColumn = new LinkedHashMap<>();
  private final List<Map<String, Object>> table = new ArrayList<>();

  private OdcsQuality() {
  }

  static OdcsQuality of(List<QualityRule> rules) {
    OdcsQuality quality = new OdcsQuality();
    rules.forEach(quality::add);
    return quality;
  }

  /** The checks of column {@code column}, in rule order. */
  List<Map<String, Object>> column(String column) {
    return byColumn.getOrDefault(column, List.of());
  }

  /** The checks of the table, in rule order. */
  List<Map<String, Object>> table() {
    return table;
  }

  /** True if a blocking rule makes {@code column} unique on its own. */
  boolean isUnique(String column) {
    return column(column).stream().anyMatch(check -> "duplicateValues".equals(check.get("metric"))
        && Integer.valueOf(0).equals(check.get("mustBe")) && "error".equals(check.get("severity")));
  }

  private void add(QualityRule rule) {
    Optional<Scalar> tolerance = setting(rule, "tolerance");
    List<String> columns = rule.columns();
    Runnable check = switch (rule.kind()) {
      case NOT_NULL -> () -> {
        if (columns.size() > 1 && tolerance.isPresent()) {
          // The tolerance bounds the rows where any column is empty; per-column checks would allow more.
          place(rule, custom(rule));
        } else {
          columns.forEach(column -> onColumn(column, library(rule, "nullValues", null, "completeness")));
        }
      };
      case UNIQUE -> () -> {
        if (columns.size() == 1) {
          onColumn(columns.get(0), library(rule, "duplicateValues", null, "uniqueness"));
        } else {
          table.add(library(rule, "duplicateValues", Map.of("properties", columns), "uniqueness"));
        }
      };
      case ACCEPTED_VALUES -> () -> onColumn(columns.get(0), library(rule, "invalidValues",
          Map.of("validValues", rule.values().stream().map(DocumentValues::scalar).toList()), "conformity"));
      case REGEX -> () -> onColumn(columns.get(0), library(rule, "invalidValues",
          Map.of("pattern", anchored(setting(rule, "pattern").orElseThrow().text())), "conformity"));
      case ROW_COUNT -> () -> {
        rowCount(rule).ifPresent(table::add);
        setting(rule, "maxChangePercent").ifPresent(change -> {
          Map<String, Object> implementation = new LinkedHashMap<>();
          implementation.put("type", rule.type());
          implementation.put("maxChangePercent", DocumentValues.scalar(change));
          table.add(custom(rule, implementation));
        });
      };
      case SQL -> () -> place(rule, tolerance.filter(value -> value.text().trim().endsWith("%")).isPresent()
          ? custom(rule)
          : sql(rule));
      case RANGE, FRESHNESS, REFERENCES -> () -> place(rule, custom(rule));
    };
    check.run();
  }

  private void onColumn(String column, Map<String, Object> check) {
    byColumn.computeIfAbsent(column, name -> new ArrayList<>()).add(check);
  }

  /** On the column if the rule checks exactly one, otherwise on the table. */
  private void place(QualityRule rule, Map<String, Object> check) {
    if (rule.columns().size() == 1) {
      onColumn(rule.columns().get(0), check);
    } else {
      table.add(check);
    }
  }

  /** A library metric whose count of failing rows must be zero, or within the rule's tolerance. */
  private static Map<String, Object> library(QualityRule rule, String metric, Map<String, Object> arguments,
      String dimension) {
    Map<String, Object> check = new LinkedHashMap<>();
    check.put("type", "library");
    check.put("metric", metric);
    if (arguments != null) {
      check.put("arguments", arguments);
    }
    bound(rule, check);
    check.put("dimension", dimension);
    common(rule, check);
    return check;
  }

  private static Optional<Map<String, Object>> rowCount(QualityRule rule) {
    Optional<Object> minimum = setting(rule, "minimum").map(DocumentValues::scalar);
    Optional<Object> maximum = setting(rule, "maximum").map(DocumentValues::scalar);
    if (minimum.isEmpty() && maximum.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> check = new LinkedHashMap<>();
    check.put("type", "library");
    check.put("metric", "rowCount");
    if (minimum.isPresent() && maximum.isPresent()) {
      // ODCS allows one operator per check; mustBeBetween needs two distinct bounds.
      if (minimum.get().equals(maximum.get())) {
        check.put("mustBe", minimum.get());
      } else {
        check.put("mustBeBetween", List.of(minimum.get(), maximum.get()));
      }
    } else {
      minimum.ifPresent(value -> check.put("mustBeGreaterOrEqualTo", value));
      maximum.ifPresent(value -> check.put("mustBeLessOrEqualTo", value));
    }
    check.put("unit", "rows");
    check.put("dimension", "completeness");
    common(rule, check);
    return Optional.of(check);
  }

  /** The rule's query returns the failing rows; ODCS compares one value, so the check counts them. */
  private static Map<String, Object> sql(QualityRule rule) {
    Map<String, Object> check = new LinkedHashMap<>();
    check.put("type", "sql");
    check.put("query", "SELECT count(*) FROM (\n" + setting(rule, "query").orElseThrow().text().strip()
        + "\n) AS failing_rows");
    bound(rule, check);
    common(rule, check);
    return check;
  }

  private static Map<String, Object> custom(QualityRule rule) {
    Map<String, Object> implementation = new LinkedHashMap<>();
    implementation.put("type", rule.type());
    if (!rule.columns().isEmpty()) {
      implementation.put("columns", rule.columns());
    }
    if (!rule.values().isEmpty()) {
      implementation.put("values", rule.values().stream().map(DocumentValues::scalar).toList());
    }
    new TreeMap<>(rule.settings()).forEach((key, value) -> {
      if (!key.equals("name") && !key.equals("description")) {
        implementation.put(key, DocumentValues.scalar(value));
      }
    });
    return custom(rule, implementation);
  }

  private static Map<String, Object> custom(QualityRule rule, Map<String, Object> implementation) {
    Map<String, Object> check = new LinkedHashMap<>();
    check.put("type", "custom");
    check.put("engine", ENGINE);
    check.put("implementation", implementation);
    dimension(rule.kind()).ifPresent(dimension -> check.put("dimension", dimension));
    common(rule, check);
    return check;
  }

  /** The operator: no failing rows, or at most the tolerance (a number of rows or a percentage of rows). */
  private static void bound(QualityRule rule, Map<String, Object> check) {
    Optional<String> tolerance = setting(rule, "tolerance").map(value -> value.text().trim());
    if (tolerance.isEmpty()) {
      check.put("mustBe", 0);
      return;
    }
    boolean percent = tolerance.get().endsWith("%");
    String number = percent ? tolerance.get().substring(0, tolerance.get().length() - 1).trim() : tolerance.get();
    check.put("mustBeLessOrEqualTo", new BigDecimal(number));
    check.put("unit", percent ? "percent" : "rows");
  }

  private static void common(QualityRule rule, Map<String, Object> check) {
    check.put("severity", rule.severity() == QualityRule.Severity.ERROR ? "error" : "warning");
    setting(rule, "name").ifPresent(name -> check.put("name", name.text()));
    setting(rule, "description").ifPresent(description -> check.put("description", description.text()));
  }

  private static Optional<String> dimension(QualityRule.Kind kind) {
    return Optional.ofNullable(switch (kind) {
      case NOT_NULL, ROW_COUNT -> "completeness";
      case UNIQUE -> "uniqueness";
      case ACCEPTED_VALUES, RANGE, REGEX -> "conformity";
      case FRESHNESS -> "timeliness";
      case REFERENCES -> "consistency";
      case SQL -> null;
    });
  }

  /** Meshwork matches the whole value; an anchored pattern means the same to any reader. */
  private static String anchored(String pattern) {
    return pattern.startsWith("^") && pattern.endsWith("$") && !pattern.endsWith("\\$")
        ? pattern
        : "^(?:" + pattern + ")$";
  }

  private static Optional<Scalar> setting(QualityRule rule, String key) {
    return Optional.ofNullable(rule.settings().get(key));
  }
}
