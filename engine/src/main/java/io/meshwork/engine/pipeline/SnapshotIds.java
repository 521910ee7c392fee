package io.meshwork.engine.pipeline;

import java.util.Map;
import java.util.TreeMap;

/**
 * Snapshot ids as the step records carry them: decimal strings. Iceberg's ids use 63 bits, and Step Functions (like
 * any JSON reader that maps numbers to doubles) would round them above 2^53, so they never cross the Lambda boundary
 * as JSON numbers.
 */
public final class SnapshotIds {

  private SnapshotIds() {
  }

  /** {@code id} as text; null stays null. */
  public static String format(Long id) {
    return id == null ? null : Long.toString(id);
  }

  /** The id {@code text} holds; null stays null. */
  public static Long parse(String text) {
    return text == null ? null : Long.parseLong(text);
  }

  /** Fails unless {@code text} is null or a decimal snapshot id, naming {@code field}. */
  static String check(String text, String field) {
    if (text != null) {
      try {
        Long.parseLong(text);
      } catch (NumberFormatException e) {
        throw new StepException(StepException.Kind.INVALID_REQUEST, "Invalid " + field + " '" + text + "': a "
            + "snapshot id is a decimal integer written as a JSON string, e.g. \"9007199254740993\".");
      }
    }
    return text;
  }

  /** Input pins as text, sorted by input name. */
  static Map<String, String> format(Map<String, Long> pins) {
    Map<String, String> text = new TreeMap<>();
    pins.forEach((name, id) -> text.put(name, Long.toString(id)));
    return text;
  }
}
