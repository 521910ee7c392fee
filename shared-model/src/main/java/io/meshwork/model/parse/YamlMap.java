package io.meshwork.model.parse;

import io.meshwork.model.definition.Location;
import io.meshwork.model.definition.Suggestions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** A YAML mapping of one definition object, with typed accessors that report what is missing or wrong. */
final class YamlMap {

  private final YamlNode self;
  private final Map<String, YamlNode> values = new LinkedHashMap<>();
  private final Map<String, YamlNode> keys = new LinkedHashMap<>();

  YamlMap(YamlNode self, MappingNode mapping) {
    this.self = self;
    for (NodeTuple tuple : mapping.getValue()) {
      YamlNode key = new YamlNode(self.file(), tuple.getKeyNode(), self.problems());
      if (!(tuple.getKeyNode() instanceof ScalarNode scalarKey)) {
        self.problems().error(key.location(), "Keys must be plain names, found a nested structure as a key.");
        continue;
      }
      String name = scalarKey.getValue();
      if (keys.containsKey(name)) {
        self.problems().error(key.location(), "Duplicate key '%s' (first at line %d). Remove one of them.", name,
            keys.get(name).location().line());
        continue;
      }
      keys.put(name, key);
      values.put(name, new YamlNode(self.file(), tuple.getValueNode(), self.problems()));
    }
  }

  Location location() {
    return self.location();
  }

  /** Reports each key not in {@code allowed}, suggesting the closest allowed key. */
  YamlMap allowOnly(String what, List<String> allowed) {
    Set<String> allowedSet = Set.copyOf(allowed);
    keys.forEach((name, key) -> {
      if (!allowedSet.contains(name)) {
        String hint = Suggestions.closest(name, allowed)
            .map(match -> "Did you mean '" + match + "'?")
            .orElse("Allowed keys: " + String.join(", ", allowed) + ".");
        self.problems().error(key.location(), "Unknown key '%s' in %s. %s", name, what, hint);
      }
    });
    return this;
  }

  boolean has(String key) {
    return values.containsKey(key);
  }

  Optional<YamlNode> get(String key) {
    return Optional.ofNullable(values.get(key));
  }

  /** The location of a key's value, or of this mapping when the key is absent. */
  Location locationOf(String key) {
    return get(key).map(YamlNode::location).orElse(location());
  }

  /** A required single value; reports its absence as "what is missing 'key'". */
  Optional<String> requiredText(String what, String key, String example) {
    YamlNode value = values.get(key);
    if (value == null) {
      self.problems().error(location(), "%s is missing '%s'. Add it, e.g. '%s: %s'.", what, key, key, example);
      return Optional.empty();
    }
    Optional<String> text = value.asText("'" + key + "' of " + what);
    if (text.isPresent() && text.get().isBlank()) {
      self.problems().error(value.location(), "'%s' of %s is empty. Give it a value, e.g. '%s: %s'.", key, what, key,
          example);
      return Optional.empty();
    }
    return text;
  }

  Optional<String> optionalText(String what, String key) {
    return get(key).flatMap(value -> value.asText("'" + key + "' of " + what));
  }

  Optional<YamlMap> optionalMap(String what, String key) {
    return get(key).flatMap(value -> value.asMap("'" + key + "' of " + what));
  }

  /** The items of an optional list; an absent key is an empty list. */
  List<YamlNode> list(String what, String key) {
    return get(key).flatMap(value -> value.asList("'" + key + "' of " + what)).orElse(List.of());
  }

  List<String> textList(String what, String key) {
    return get(key).flatMap(value -> value.asTextList("'" + key + "' of " + what)).orElse(List.of());
  }

  Set<String> keys() {
    return keys.keySet();
  }

  Location keyLocation(String key) {
    return keys.get(key).location();
  }

  YamlNode node() {
    return self;
  }
}
