package io.meshwork.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshwork.model.definition.Catalog;
import io.meshwork.model.definition.DataProduct;
import io.meshwork.model.parse.CatalogLoader;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalogue a deployed function runs: read from the classpath, out of a jar or a directory. */
class ClasspathDefinitionFilesTest {

  @TempDir
  Path temp;

  @Test
  void shippedCatalogue_loadsFromTheProductDefinitionsArtifact_withItsManagedProductsAndTenants() {
    ClasspathDefinitionFiles files = new ClasspathDefinitionFiles();

    Catalog catalog = CatalogLoader.load(files);

    assertThat(files.description()).startsWith("classpath:meshwork/catalog/").contains("product-definitions");
    assertThat(catalog.products()).filteredOn(product -> !product.isCustom()).extracting(DataProduct::name)
        .hasSize(9).doesNotHaveDuplicates();
    assertThat(catalog.tenantIds()).containsExactlyInAnyOrder("alpina", "lemanic", "rhenus");
  }

  @Test
  void catalogueInAJar_isRead_skippingFilesBelowTestsDirectories() throws IOException {
    Path jar = temp.resolve("definitions.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (Path file : testCatalogueFiles()) {
        add(out, "meshwork/catalog/" + relative(file), Files.readAllBytes(file));
      }
      add(out, "meshwork/catalog/products/claims_clean/tests/fixture.yaml", "not: a definition".getBytes());
    }

    List<String> paths = filesIn(jar).definitionPaths();
    Catalog catalog = CatalogLoader.load(filesIn(jar));

    assertThat(paths).contains("catalog.yaml", "sources/claims.yaml", "products/claims_clean/product.yaml")
        .noneMatch(path -> path.contains("tests/"));
    assertThat(filesIn(jar).read("products/claims_clean/transform.sql")).get().asString().contains("FROM claims");
    assertThat(catalog.tenantIds()).containsExactly("helvetia");
  }

  @Test
  void catalogueInADirectoryOnTheClasspath_isRead() throws IOException {
    Path root = temp.resolve("classes");
    for (Path file : testCatalogueFiles()) {
      Path target = root.resolve("meshwork/catalog").resolve(relative(file));
      Files.createDirectories(target.getParent());
      Files.copy(file, target);
    }

    Catalog catalog = CatalogLoader.load(filesIn(root));

    assertThat(catalog.products()).extracting(DataProduct::name)
        .containsExactlyInAnyOrder("claims_clean", "cost_by_canton");
    assertThat(filesIn(root).read("../outside.yaml")).isEmpty();
  }

  @Test
  void classpathWithoutACatalogue_failsNamingTheWayOut() {
    ClassLoader empty = new URLClassLoader(new URL[0], null);

    assertThatThrownBy(() -> new ClasspathDefinitionFiles(empty)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("MESHWORK_DEFINITIONS");
  }

  private static ClasspathDefinitionFiles filesIn(Path classpathEntry) {
    try {
      URLClassLoader loader = new URLClassLoader(new URL[] {classpathEntry.toUri().toURL()}, null);
      return new ClasspathDefinitionFiles(loader);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Path> testCatalogueFiles() throws IOException {
    try (Stream<Path> files = Files.walk(HandlerFixture.CATALOG)) {
      return files.filter(Files::isRegularFile).sorted().toList();
    }
  }

  private static String relative(Path file) {
    return HandlerFixture.CATALOG.relativize(file).toString().replace('\\', '/');
  }

  private static void add(JarOutputStream jar, String name, byte[] content) throws IOException {
    jar.putNextEntry(new JarEntry(name));
    jar.write(content);
    jar.closeEntry();
  }
}
