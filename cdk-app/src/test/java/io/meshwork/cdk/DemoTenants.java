package io.meshwork.cdk;

import io.meshwork.model.definition.Catalog;
import io.meshwork.model.parse.CatalogLoader;
import io.meshwork.model.parse.DirectoryDefinitionFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The shipped catalogue, read from the product-definitions module beside this one. */
final class DemoTenants {

  static final Path CATALOG_DIRECTORY = Path.of("..", "product-definitions", "catalog");

  private DemoTenants() {
  }

  static Catalog catalog() {
    return CatalogLoader.load(new DirectoryDefinitionFiles(CATALOG_DIRECTORY));
  }

  /** A copy of the shipped catalogue under {@code directory}, for tests that break one file of it. */
  static Path copyCatalog(Path directory) throws IOException {
    Path target = directory.resolve("catalog");
    try (Stream<Path> files = Files.walk(CATALOG_DIRECTORY)) {
      for (Path file : files.toList()) {
        Path copy = target.resolve(CATALOG_DIRECTORY.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(file, copy);
        }
      }
    }
    return target;
  }
}
