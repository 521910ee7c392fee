package io.meshwork.model.parse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Definitions in a directory tree. Files below a {@code tests} directory are unit-test fixtures and are skipped. */
public final class DirectoryDefinitionFiles implements DefinitionFiles {

  private final Path root;
  private final String description;

  public DirectoryDefinitionFiles(Path root) {
    this(root, root.toString());
  }

  public DirectoryDefinitionFiles(Path root, String description) {
    this.root = root.toAbsolutePath().normalize();
    this.description = description;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public List<String> definitionPaths() {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile)
          .map(root::relativize)
          .filter(path -> isDefinition(path.toString().replace('\\', '/')))
          .map(path -> path.toString().replace('\\', '/'))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list definitions in " + root, e);
    }
  }

  static boolean isDefinition(String path) {
    boolean yaml = path.endsWith(".yaml") || path.endsWith(".yml");
    boolean fixture = path.startsWith("tests/") || path.contains("/tests/");
    boolean hidden = path.startsWith(".") || path.contains("/.");
    return yaml && !fixture && !hidden;
  }

  @Override
  public Optional<String> read(String path) {
    Path file = root.resolve(path).normalize();
    if (!file.startsWith(root) || !Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }
}
