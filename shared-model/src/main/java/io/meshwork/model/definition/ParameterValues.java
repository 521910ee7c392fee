package io.meshwork.model.definition;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Types parameter values as written in YAML and checks them against a parameter's bounds. */
public final class ParameterValues {

  private ParameterValues() {
  }

  /** The outcome of typing a value: the value, or why it does not fit and what to write instead. */
  public record Typed(Optional<ParameterValue> value, String problem) {
    static Typed of(ColumnType type, Comparable<?> value) {
      return new Typed(Optional.of(new ParameterValue(type, value)), "");
    }

    static Typed wrong(String problem) {
      return new Typed(Optional.empty(), problem);
    }
  }

  /** Types {@code scalar} as {@code type}, e.g. YAML {@code 0.05} as {@code decimal(5,4)}. */
  public static Typed type(ColumnType type, Scalar scalar) {
    String text = scalar.text().trim();
    Scalar.Kind kind = scalar.kind();
    if (kind == Scalar.Kind.NULL) {
      return Typed.wrong("expects " + article(type) + ", got nothing");
    }
    switch (type.kind()) {
      case BOOLEAN:
        return kind == Scalar.Kind.BOOLEAN
            ? Typed.of(type, Boolean.valueOf(text.equalsIgnoreCase("true") || text.equalsIgnoreCase("yes")
                || text.equalsIgnoreCase("on")))
            : Typed.wrong("expects a boolean (true or false), got '" + text + "'");
      case INT:
      case LONG:
        if (kind != Scalar.Kind.INTEGER) {
          return Typed.wrong("expects " + article(type) + " (a whole number), got '" + text + "'");
        }
        try {
          long value = Long.parseLong(text.replace("_", ""));
          if (type.kind() == ColumnType.Kind.INT && (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE)) {
            return Typed.wrong("expects an int, and " + text + " does not fit in 32 bits");
          }
          return Typed.of(type, value);
        } catch (NumberFormatException e) {
          return Typed.wrong("expects " + article(type) + " (a whole number), got '" + text + "'");
        }
      case FLOAT:
      case DOUBLE:
        return kind == Scalar.Kind.INTEGER || kind == Scalar.Kind.FLOAT
            ? Typed.of(type, Double.valueOf(text.replace("_", "")))
            : Typed.wrong("expects a number, got '" + text + "'");
      case DECIMAL:
        return decimal(type, kind, text);
      case DATE:
        try {
          return kind == Scalar.Kind.TIMESTAMP || kind == Scalar.Kind.STRING
              ? Typed.of(type, LocalDate.parse(text))
              : Typed.wrong("expects a date (YYYY-MM-DD), got '" + text + "'");
        } catch (DateTimeParseException e) {
          return Typed.wrong("expects a date (YYYY-MM-DD), got '" + text + "'");
        }
      case STRING:
        return Typed.of(type, scalar.text());
      default:
        return Typed.wrong("has type " + type + ", which parameters cannot have");
    }
  }

  private static Typed decimal(ColumnType type, Scalar.Kind kind, String text) {
    if (kind != Scalar.Kind.INTEGER && kind != Scalar.Kind.FLOAT) {
      return Typed.wrong("expects a decimal number, got '" + text + "'");
    }
    BigDecimal value;
    try {
      value = new BigDecimal(text.replace("_", ""));
    } catch (NumberFormatException e) {
      return Typed.wrong("expects a decimal number, got '" + text + "'");
    }
    if (value.stripTrailingZeros().scale() > type.scale()) {
      return Typed.wrong("expects " + type + ", and " + text + " has more than " + type.scale() + " decimal places");
    }
    BigDecimal scaled = value.setScale(type.scale());
    if (scaled.precision() - scaled.scale() > type.precision() - type.scale()) {
      return Typed.wrong("expects " + type + ", and " + text + " has too many digits");
    }
    return Typed.of(type, scaled);
  }

  /** Empty if {@code value} is within the parameter's bounds, allowed values and pattern. */
  public static Optional<String> boundsProblem(Parameter parameter, ParameterValue value) {
    if (parameter.minimum().isPresent() && value.compareTo(parameter.minimum().get()) < 0
        || parameter.maximum().isPresent() && value.compareTo(parameter.maximum().get()) > 0) {
      return Optional.of("must be " + range(parameter) + ", got " + value.display());
    }
    if (!parameter.allowedValues().isEmpty() && !parameter.allowedValues().contains(value)) {
      return Optional.of("must be one of " + parameter.allowedValues().stream().map(ParameterValue::display)
          .collect(Collectors.joining(", ")) + ", got " + value.display());
    }
    if (parameter.pattern().isPresent() && !Pattern.compile(parameter.pattern().get())
        .matcher(value.display()).matches()) {
      return Optional.of("must match the pattern " + parameter.pattern().get() + ", got '" + value.display() + "'");
    }
    return Optional.empty();
  }

  private static String range(Parameter parameter) {
    if (parameter.minimum().isPresent() && parameter.maximum().isPresent()) {
      return "between " + parameter.minimum().get().display() + " and " + parameter.maximum().get().display();
    }
    return parameter.minimum().map(minimum -> "at least " + minimum.display())
        .orElseGet(() -> "at most " + parameter.maximum().orElseThrow().display());
  }

  static String article(ColumnType type) {
    return (type.kind() == ColumnType.Kind.INT ? "an " : "a ") + type;
  }
}
