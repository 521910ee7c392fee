package io.meshwork.functions;

import io.meshwork.model.parse.DefinitionFiles;
import io.meshwork.model.parse.DirectoryDefinitionFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalogue packaged in the product-definitions jar under {@code meshwork/catalog/}, so that a deployed function
 * runs exactly the definitions it was built with. Inside a jar the catalogue is read through the jar's file system;
 * a directory on the classpath (an IDE or a reactor build) is read directly. Either way the files are walked by
 * {@link DirectoryDefinitionFiles}, so fixtures below a {@code tests/} directory are skipped by the same rule.
 */
final class ClasspathDefinitionFiles implements DefinitionFiles {

  /** Where product-definitions packages its {@code catalog/} directory. */
  static final String PREFIX = "meshwork/catalog/";

  /** Every catalogue has this document at its root; finding it locates the root. */
  private static final String MARKER = PREFIX + "catalog.yaml";

  private final DefinitionFiles files;

  ClasspathDefinitionFiles() {
    this(ClasspathDefinitionFiles.class.getClassLoader());
  }

  ClasspathDefinitionFiles(ClassLoader classLoader) {
    URL marker = classLoader.getResource(MARKER);
    if (marker == null) {
      throw new IllegalStateException("No catalogue on the classpath: " + MARKER + " not found. Add the "
          + "product-definitions jar, or set MESHWORK_DEFINITIONS to a catalogue directory.");
    }
    this.files = new DirectoryDefinitionFiles(root(marker), "classpath:" + PREFIX + " (" + marker + ")");
  }

  private static Path root(URL marker) {
    try {
      URI uri = marker.toURI();
      if ("jar".equals(uri.getScheme())) {
        return jarFileSystem(uri).getPath("/" + MARKER).getParent();
      }
      return Path.of(uri).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException("Cannot locate the catalogue at " + marker, e);
    }
  }

  /**
   * The jar's file system, opened once and left open: the JDK keeps one per jar, the catalogue is read again by every
   * new engine, and a Lambda instance lives no longer than its class loader.
   */
  private static FileSystem jarFileSystem(URI uri) {
    try {
      return FileSystems.newFileSystem(uri, Map.of());
    } catch (FileSystemAlreadyExistsException e) {
      return FileSystems.getFileSystem(uri);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the jar holding the catalogue: " + uri, e);
    }
  }

  @Override
  public String description() {
    return files.description();
  }

  @Override
  public List<String> definitionPaths() {
    return files.definitionPaths();
  }

  @Override
  public Optional<String> read(String path) {
    return files.read(path);
  }
}
