package io.meshwork.model.export;

import io.meshwork.model.definition.ParameterValue;
import io.meshwork.model.definition.Scalar;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Small helpers shared by the exporters: typed values from definitions, and the key/value entries both standards
 * use for custom properties. Documents are plain maps, lists, strings, numbers and booleans, so any YAML or JSON
 * writer renders them.
 */
final class DocumentValues {

  private DocumentValues() {
  }

  /** Puts {@code text} under {@code key} unless it is empty. */
  static void putText(Map<String, Object> document, String key, String text) {
    if (text != null && !text.isBlank()) {
      document.put(key, text.strip());
    }
  }

  /** Puts {@code values} under {@code key} unless there are none. */
  static void putList(Map<String, Object> document, String key, List<?> values) {
    if (!values.isEmpty()) {
      document.put(key, values);
    }
  }

  /** A {@code {property, value}} entry of a {@code customProperties} list. */
  static Map<String, Object> customProperty(String property, Object value) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("property", property);
    entry.put("value", value);
    return entry;
  }

  /** The planned parameter values by name, typed as numbers, booleans or text (dates as ISO text). */
  static Map<String, Object> parameters(Map<String, ParameterValue> parameters) {
    Map<String, Object> values = new LinkedHashMap<>();
    new TreeMap<>(parameters).forEach((name, parameter) -> values.put(name, parameter.value() instanceof LocalDate date
        ? date.toString()
        : parameter.value()));
    return values;
  }

  /** A value as written in YAML, typed as YAML resolved it. */
  static Object scalar(Scalar scalar) {
    String text = scalar.text().trim();
    return switch (scalar.kind()) {
      case INTEGER -> integer(text);
      case FLOAT -> decimal(text);
      case BOOLEAN -> switch (text.toLowerCase(Locale.ROOT)) {
        case "true", "yes", "on", "y" -> Boolean.TRUE;
        default -> Boolean.FALSE;
      };
      case NULL -> null;
      case STRING, TIMESTAMP -> scalar.text();
    };
  }

  private static Object integer(String text) {
    try {
      return new BigInteger(text.replace("_", "")).longValueExact();
    } catch (ArithmeticException | NumberFormatException tooLargeOrNotDecimal) {
      return decimal(text);
    }
  }

  private static Object decimal(String text) {
    try {
      return new BigDecimal(text.replace("_", ""));
    } catch (NumberFormatException notPlain) {
      return text;
    }
  }
}
