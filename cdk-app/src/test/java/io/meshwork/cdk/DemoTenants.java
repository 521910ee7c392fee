package io.meshwork.cdk;

import io.meshwork.model.definition.Catalog;
import io.meshwork.model.parse.CatalogLoader;
import io.meshwork.model.parse.DirectoryDefinitionFiles;
import java.nio.file.Path;

/** The shipped catalogue, read from the product-definitions module beside this one. */
final class DemoTenants {

  static final Path CATALOG_DIRECTORY = Path.of("..", "product-definitions", "catalog");

  private DemoTenants() {
  }

  static Catalog catalog() {
    return CatalogLoader.load(new DirectoryDefinitionFiles(CATALOG_DIRECTORY));
  }
}
