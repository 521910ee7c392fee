package io.meshwork.model.export;

import java.util.List;
import java.util.Map;

/** Reads exported document trees in tests: {@code at(document, "schema", 0, "properties")}. */
final class DocumentPaths {

  private DocumentPaths() {
  }

  /** The node at {@code path}: map keys and list indexes; fails naming the step that is missing. */
  static Object at(Object node, Object... path) {
    Object current = node;
    for (Object step : path) {
      if (step instanceof Integer index && current instanceof List<?> list && index < list.size()) {
        current = list.get(index);
      } else if (step instanceof String key && current instanceof Map<?, ?> map && map.containsKey(key)) {
        current = map.get(key);
      } else {
        throw new AssertionError("No '" + step + "' in " + current);
      }
    }
    return current;
  }

  /** The list at {@code path}. */
  @SuppressWarnings("unchecked")
  static List<Object> list(Object node, Object... path) {
    return (List<Object>) at(node, path);
  }

  /** The map of the entry of list {@code path} whose {@code key} is {@code value}. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> entry(Object node, String key, String value, Object... path) {
    return list(node, path).stream().map(item -> (Map<String, Object>) item)
        .filter(item -> value.equals(item.get(key))).findFirst()
        .orElseThrow(() -> new AssertionError("No entry with " + key + " " + value + " in " + at(node, path)));
  }

  /** The schema property (column) {@code name} of an ODCS contract. */
  static Map<String, Object> property(Map<String, Object> contract, String name) {
    return entry(contract, "name", name, "schema", 0, "properties");
  }
}
