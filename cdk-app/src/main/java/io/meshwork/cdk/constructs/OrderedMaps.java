package io.meshwork.cdk.constructs;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Maps that keep the order they were written in. {@code Map.of} iterates in an order that changes from one JVM to
 * the next, which would change the synthesized templates (state machine definition, schedule inputs) between runs.
 */
final class OrderedMaps {

  private OrderedMaps() {
  }

  /** A map of alternating keys and values, in that order. */
  static Map<String, Object> of(Object... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("Keys and values must come in pairs.");
    }
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return Collections.unmodifiableMap(map);
  }
}
