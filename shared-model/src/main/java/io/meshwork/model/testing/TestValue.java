package io.meshwork.model.testing;

import io.meshwork.model.definition.ColumnType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * One typed cell of a transform test: SQL NULL, or a Java value of the column type's class (Boolean; Long for int
 * and long; Double for float and double; BigDecimal at the column's scale; LocalDate; LocalDateTime for timestamp;
 * Instant for timestamptz; String). Typed when the fixture is read, so the runner never splices text into SQL.
 */
public record TestValue(ColumnType type, Object value) {

  public TestValue {
    Objects.requireNonNull(type, "type");
    if (value != null && !javaType(type).isInstance(value)) {
      throw new IllegalArgumentException("A " + type + " test value needs a " + javaType(type).getSimpleName()
          + ", got " + value.getClass().getSimpleName());
    }
  }

  public static TestValue nullOf(ColumnType type) {
    return new TestValue(type, null);
  }

  public boolean isNull() {
    return value == null;
  }

  /** The Java class that holds values of {@code type}. */
  public static Class<?> javaType(ColumnType type) {
    return switch (type.kind()) {
      case BOOLEAN -> Boolean.class;
      case INT, LONG -> Long.class;
      case FLOAT, DOUBLE -> Double.class;
      case DECIMAL -> BigDecimal.class;
      case DATE -> LocalDate.class;
      case TIMESTAMP -> LocalDateTime.class;
      case TIMESTAMPTZ -> Instant.class;
      case STRING -> String.class;
    };
  }

  /** The value as a row diff shows it: {@code NULL}, decimals at their scale, temporal values in ISO form. */
  public String display() {
    if (value == null) {
      return "NULL";
    }
    return value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
  }

  @Override
  public String toString() {
    return display();
  }
}
