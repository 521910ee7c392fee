package io.meshwork.model.parse;

import io.meshwork.model.definition.Location;
import io.meshwork.model.definition.Problems;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/** Reads the YAML documents of one file as nodes with positions; malformed or empty files are reported. */
final class YamlFiles {

  private YamlFiles() {
  }

  /**
   * The documents of {@code text}, or empty if it is not valid YAML. {@code expected} names what the file should
   * hold, for the message about an empty file (e.g. "a definition").
   */
  static Optional<List<Node>> compose(String path, String text, Problems problems, String expected) {
    List<Node> documents = new ArrayList<>();
    try {
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(true); // reported with positions by YamlMap instead
      options.setMaxAliasesForCollections(20);
      for (Node node : new Yaml(options).composeAll(new StringReader(text))) {
        if (node != null) {
          documents.add(node);
        }
      }
    } catch (MarkedYAMLException e) {
      var mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      Location location = mark == null ? Location.of(path) : new Location(path, mark.getLine() + 1,
          mark.getColumn() + 1);
      problems.error(location, "Malformed YAML: %s%s. Check the indentation and quoting here.", e.getProblem(),
          e.getContext() == null ? "" : " (" + e.getContext() + ")");
      return Optional.empty();
    } catch (YAMLException e) {
      problems.error(Location.of(path), "Malformed YAML: %s. Check the indentation and quoting.", e.getMessage());
      return Optional.empty();
    }
    if (documents.isEmpty()) {
      problems.error(Location.of(path), "The file is empty. Add %s or delete the file.", expected);
    }
    return Optional.of(documents);
  }
}
