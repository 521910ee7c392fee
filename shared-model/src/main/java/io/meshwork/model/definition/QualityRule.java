package io.meshwork.model.definition;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A quality rule on a product's output; {@code type} is its kind as written ({@code not_null}), {@code settings}
 * holds the kind's own fields.
 */
public record QualityRule(String type, List<String> columns, Severity severity, Map<String, Scalar> settings,
    List<Scalar> values, Location location) {

  /** The rule kinds Meshwork knows; a switch over them without a case for each does not compile. */
  public enum Kind {
    NOT_NULL, UNIQUE, ACCEPTED_VALUES, RANGE, REGEX, ROW_COUNT, FRESHNESS, REFERENCES, SQL;

    /** The kind as definitions write it, e.g. {@code accepted_values}. */
    public String written() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Kind> of(String written) {
      return Arrays.stream(values()).filter(kind -> kind.written().equals(written)).findFirst();
    }
  }

  /** The rule kinds Meshwork knows, as definitions write them. */
  public static final List<String> TYPES = Arrays.stream(Kind.values()).map(Kind::written).toList();

  /** Whether a failure blocks publishing. */
  public enum Severity { ERROR, WARN }

  public QualityRule {
    Objects.requireNonNull(type, "type");
    if (Kind.of(type).isEmpty()) {
      throw new IllegalArgumentException("Unknown quality rule type '" + type + "': known are " + TYPES);
    }
    columns = List.copyOf(columns);
    Objects.requireNonNull(severity, "severity");
    settings = Map.copyOf(settings);
    values = List.copyOf(values);
    Objects.requireNonNull(location, "location");
  }

  public Kind kind() {
    return Kind.of(type).orElseThrow();
  }
}
