package io.meshwork.model.parse;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Definitions held in memory, by path: for generated catalogues (benchmarks) and tests. */
public final class InMemoryDefinitionFiles implements DefinitionFiles {

  private final String description;
  private final Map<String, String> files;

  public InMemoryDefinitionFiles(String description, Map<String, String> files) {
    this.description = description;
    this.files = new TreeMap<>(files);
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public List<String> definitionPaths() {
    return files.keySet().stream().filter(DirectoryDefinitionFiles::isDefinition).toList();
  }

  @Override
  public Optional<String> read(String path) {
    return Optional.ofNullable(files.get(path));
  }
}
