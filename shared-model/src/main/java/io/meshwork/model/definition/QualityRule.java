package io.meshwork.model.definition;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A quality rule on a product's output; {@code settings} holds the rule kind's own fields. */
public record QualityRule(String type, List<String> columns, Severity severity, Map<String, Scalar> settings,
    List<Scalar> values, Location location) {

  /** The rule kinds Meshwork knows. */
  public static final List<String> TYPES = List.of("not_null", "unique", "accepted_values", "range", "regex",
      "row_count", "freshness", "references", "sql");

  /** Whether a failure blocks publishing. */
  public enum Severity { ERROR, WARN }

  public QualityRule {
    Objects.requireNonNull(type, "type");
    columns = List.copyOf(columns);
    Objects.requireNonNull(severity, "severity");
    settings = Map.copyOf(settings);
    values = List.copyOf(values);
    Objects.requireNonNull(location, "location");
  }
}
