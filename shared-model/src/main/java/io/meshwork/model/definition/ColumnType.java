package io.meshwork.model.definition;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A column or parameter type, named as Iceberg names its primitive types. */
public record ColumnType(Kind kind, int precision, int scale) {

  public static final String ALLOWED = "boolean, int, long, float, double, decimal(P,S), date, timestamp, timestamptz, string";

  private static final Pattern DECIMAL = Pattern.compile("decimal\\(\\s*(\\d{1,2})\\s*,\\s*(\\d{1,2})\\s*\\)");

  /** The primitive kinds. */
  public enum Kind { BOOLEAN, INT, LONG, FLOAT, DOUBLE, DECIMAL, DATE, TIMESTAMP, TIMESTAMPTZ, STRING }

  public ColumnType {
    if (kind == Kind.DECIMAL && (precision < 1 || precision > 38 || scale < 0 || scale > precision)) {
      throw new IllegalArgumentException("Invalid decimal(" + precision + "," + scale + ")");
    }
    if (kind != Kind.DECIMAL && (precision != 0 || scale != 0)) {
      throw new IllegalArgumentException("Only decimals have a precision and scale: " + kind);
    }
  }

  public static ColumnType of(Kind kind) {
    return new ColumnType(kind, 0, 0);
  }

  public static ColumnType decimal(int precision, int scale) {
    return new ColumnType(Kind.DECIMAL, precision, scale);
  }

  /** Parses a type name such as {@code long} or {@code decimal(12,2)}; empty if it is not one. */
  public static Optional<ColumnType> parse(String text) {
    String normalized = text.trim().toLowerCase(Locale.ROOT);
    Matcher decimal = DECIMAL.matcher(normalized);
    if (decimal.matches()) {
      int precision = Integer.parseInt(decimal.group(1));
      int scale = Integer.parseInt(decimal.group(2));
      return precision >= 1 && precision <= 38 && scale <= precision
          ? Optional.of(decimal(precision, scale))
          : Optional.empty();
    }
    for (Kind kind : Kind.values()) {
      if (kind != Kind.DECIMAL && kind.name().toLowerCase(Locale.ROOT).equals(normalized)) {
        return Optional.of(of(kind));
      }
    }
    return Optional.empty();
  }

  public boolean isNumeric() {
    return switch (kind) {
      case INT, LONG, FLOAT, DOUBLE, DECIMAL -> true;
      default -> false;
    };
  }

  public boolean isTemporal() {
    return kind == Kind.DATE || kind == Kind.TIMESTAMP || kind == Kind.TIMESTAMPTZ;
  }

  @Override
  public String toString() {
    return kind == Kind.DECIMAL
        ? "decimal(" + precision + "," + scale + ")"
        : kind.name().toLowerCase(Locale.ROOT);
  }
}
