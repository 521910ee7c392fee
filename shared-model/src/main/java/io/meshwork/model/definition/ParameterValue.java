package io.meshwork.model.definition;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A validated, typed parameter value. It renders itself as a typed SQL literal, so a transform never sees the text
 * a user wrote.
 */
public record ParameterValue(ColumnType type, Comparable<?> value) {

  public ParameterValue {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(value, "value");
    Class<?> expected = javaType(type);
    if (!expected.isInstance(value)) {
      throw new IllegalArgumentException("A " + type + " parameter needs a " + expected.getSimpleName() + ", got "
          + value.getClass().getSimpleName());
    }
  }

  static Class<?> javaType(ColumnType type) {
    return switch (type.kind()) {
      case BOOLEAN -> Boolean.class;
      case INT, LONG -> Long.class;
      case FLOAT, DOUBLE -> Double.class;
      case DECIMAL -> BigDecimal.class;
      case DATE -> LocalDate.class;
      case STRING -> String.class;
      case TIMESTAMP, TIMESTAMPTZ -> throw new IllegalArgumentException("Parameters cannot be of type " + type);
    };
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  public int compareTo(ParameterValue other) {
    return ((Comparable) value).compareTo(other.value);
  }

  /** The value as a typed SQL literal, e.g. {@code CAST(0.0500 AS DECIMAL(5,4))} or {@code DATE '2024-01-01'}. */
  public String sqlLiteral() {
    return switch (type.kind()) {
      case BOOLEAN -> ((Boolean) value) ? "TRUE" : "FALSE";
      case INT -> "CAST(" + value + " AS INTEGER)";
      case LONG -> "CAST(" + value + " AS BIGINT)";
      case FLOAT, DOUBLE -> "CAST(" + value + " AS DOUBLE)";
      case DECIMAL -> "CAST(" + ((BigDecimal) value).toPlainString() + " AS DECIMAL(" + type.precision() + ","
          + type.scale() + "))";
      case DATE -> "DATE '" + value + "'";
      case STRING -> "'" + ((String) value).replace("'", "''") + "'";
      case TIMESTAMP, TIMESTAMPTZ -> throw new IllegalStateException("Unreachable: " + type);
    };
  }

  /** The value as a user would write it in YAML. */
  public String display() {
    return value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
  }

  @Override
  public String toString() {
    return display();
  }
}
