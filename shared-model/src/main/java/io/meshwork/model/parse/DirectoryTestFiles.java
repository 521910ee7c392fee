package io.meshwork.model.parse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds transform test fixtures in a catalogue directory: the {@code *.yaml} files directly in a {@code tests}
 * directory (normally {@code products/<domain>/<name>/tests/}), which the definition loader skips.
 */
public final class DirectoryTestFiles {

  private DirectoryTestFiles() {
  }

  /** The fixtures below {@code root}, as sorted paths relative to it with '/', like definition paths. */
  public static List<String> paths(Path root) {
    Path normalized = root.toAbsolutePath().normalize();
    try (Stream<Path> files = Files.walk(normalized)) {
      return files.filter(Files::isRegularFile)
          .map(file -> normalized.relativize(file).toString().replace('\\', '/'))
          .filter(DirectoryTestFiles::isTestFixture)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list transform tests in " + root, e);
    }
  }

  /** True for {@code .../tests/<case>.yaml} (or {@code .yml}), not hidden: the paths {@link #paths} returns. */
  public static boolean isTestFixture(String path) {
    boolean yaml = path.endsWith(".yaml") || path.endsWith(".yml");
    boolean hidden = path.startsWith(".") || path.contains("/.");
    int slash = path.lastIndexOf('/');
    String directory = slash < 0 ? "" : path.substring(0, slash);
    boolean inTests = directory.equals("tests") || directory.endsWith("/tests");
    return yaml && !hidden && inTests;
  }
}
