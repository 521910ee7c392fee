package io.meshwork.model.parse;

import io.meshwork.model.definition.Location;
import io.meshwork.model.definition.Problems;
import io.meshwork.model.definition.Scalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** A YAML node with the file it came from; converts itself to the shape a definition expects or reports why not. */
final class YamlNode {

  private final String file;
  private final Node node;
  private final Problems problems;

  YamlNode(String file, Node node, Problems problems) {
    this.file = file;
    this.node = node;
    this.problems = problems;
  }

  Location location() {
    return new Location(file, node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1);
  }

  Problems problems() {
    return problems;
  }

  String file() {
    return file;
  }

  /** The node as a mapping, or empty after reporting that {@code what} must be one. */
  Optional<YamlMap> asMap(String what) {
    if (node instanceof MappingNode mapping) {
      return Optional.of(new YamlMap(this, mapping));
    }
    problems.error(location(), "%s must be a mapping of keys to values, found %s.", what, describe());
    return Optional.empty();
  }

  /** The node as a mapping if it is one, reporting nothing otherwise. */
  Optional<YamlMap> asMapQuietly() {
    return node instanceof MappingNode mapping ? Optional.of(new YamlMap(this, mapping)) : Optional.empty();
  }

  /** The node as a list; a single value is not silently promoted, so the user sees what was meant. */
  Optional<List<YamlNode>> asList(String what) {
    if (node instanceof SequenceNode sequence) {
      List<YamlNode> items = new ArrayList<>();
      for (Node item : sequence.getValue()) {
        items.add(new YamlNode(file, item, problems));
      }
      return Optional.of(items);
    }
    problems.error(location(), "%s must be a list (items starting with '- ' or [a, b]), found %s.", what, describe());
    return Optional.empty();
  }

  /** The node as plain text, or empty after reporting that {@code what} must be a single value. */
  Optional<String> asText(String what) {
    return asScalar(what).map(Scalar::text);
  }

  Optional<Scalar> asScalar(String what) {
    if (node instanceof ScalarNode scalar) {
      return Optional.of(new Scalar(scalar.getValue(), kind(scalar.getTag()), location()));
    }
    problems.error(location(), "%s must be a single value, found %s.", what, describe());
    return Optional.empty();
  }

  /** A list of plain values, e.g. {@code [canton, year]}. */
  Optional<List<String>> asTextList(String what) {
    return asList(what).map(items -> items.stream()
        .map(item -> item.asText("Each item of " + what))
        .flatMap(Optional::stream)
        .toList());
  }

  private static Scalar.Kind kind(Tag tag) {
    if (Tag.INT.equals(tag)) {
      return Scalar.Kind.INTEGER;
    } else if (Tag.FLOAT.equals(tag)) {
      return Scalar.Kind.FLOAT;
    } else if (Tag.BOOL.equals(tag)) {
      return Scalar.Kind.BOOLEAN;
    } else if (Tag.TIMESTAMP.equals(tag)) {
      return Scalar.Kind.TIMESTAMP;
    } else if (Tag.NULL.equals(tag)) {
      return Scalar.Kind.NULL;
    }
    return Scalar.Kind.STRING;
  }

  private String describe() {
    if (node instanceof MappingNode) {
      return "a mapping";
    } else if (node instanceof SequenceNode) {
      return "a list";
    }
    String value = ((ScalarNode) node).getValue();
    return value.isEmpty() ? "nothing" : "'" + value + "'";
  }
}
