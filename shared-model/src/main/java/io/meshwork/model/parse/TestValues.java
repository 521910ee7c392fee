package io.meshwork.model.parse;

import io.meshwork.model.definition.ColumnType;
import io.meshwork.model.definition.ParameterValues;
import io.meshwork.model.definition.Scalar;
import io.meshwork.model.testing.TestValue;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Types the cells of a transform test as their column's type, by the rules parameter values follow (so YAML
 * {@code 120.5} fits a {@code decimal(12,2)} and {@code 120.505} does not); timestamps are ISO text. A YAML null
 * (or an empty value) is SQL NULL.
 */
final class TestValues {

  private TestValues() {
  }

  /** The typed value, or why the text does not fit the type. */
  record Typed(Optional<TestValue> value, String problem) {
    static Typed of(TestValue value) {
      return new Typed(Optional.of(value), "");
    }

    static Typed wrong(String problem) {
      return new Typed(Optional.empty(), problem);
    }
  }

  static Typed type(ColumnType type, Scalar scalar) {
    if (scalar.kind() == Scalar.Kind.NULL) {
      return Typed.of(TestValue.nullOf(type));
    }
    String text = scalar.text().trim();
    boolean textual = scalar.kind() == Scalar.Kind.STRING || scalar.kind() == Scalar.Kind.TIMESTAMP;
    switch (type.kind()) {
      case TIMESTAMP:
        if (textual) {
          try {
            return Typed.of(new TestValue(type, LocalDateTime.parse(text.replace(' ', 'T'))));
          } catch (DateTimeParseException notDateTime) {
            try {
              return Typed.of(new TestValue(type, LocalDate.parse(text).atStartOfDay()));
            } catch (DateTimeParseException notDate) {
              // reported below
            }
          }
        }
        return Typed.wrong("expects a timestamp without time zone in ISO form, e.g. 2024-01-31T08:30:00, got '"
            + text + "'");
      case TIMESTAMPTZ:
        if (textual) {
          try {
            return Typed.of(new TestValue(type, OffsetDateTime.parse(text.replace(' ', 'T')).toInstant()));
          } catch (DateTimeParseException e) {
            // reported below
          }
        }
        return Typed.wrong("expects a timestamp with a time zone offset in ISO form, e.g. 2024-01-31T08:30:00+01:00, "
            + "got '" + text + "'");
      default:
        ParameterValues.Typed typed;
        try {
          typed = ParameterValues.type(type, scalar);
        } catch (NumberFormatException e) {
          return Typed.wrong("expects a number, got '" + text + "'");
        }
        return typed.value().map(value -> Typed.of(new TestValue(type, value.value())))
            .orElseGet(() -> Typed.wrong(typed.problem()));
    }
  }
}
