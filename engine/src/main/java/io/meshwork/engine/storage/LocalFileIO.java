package io.meshwork.engine.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.io.OutputFile;

/**
 * Iceberg file access on the local file system without Hadoop: Iceberg 1.12 ships none, and the Hadoop one would
 * pull in most of Hadoop. Paths are plain absolute paths or {@code file:} URIs.
 */
public final class LocalFileIO implements FileIO {

  private static final long serialVersionUID = 1L;

  @Override
  public InputFile newInputFile(String path) {
    return org.apache.iceberg.Files.localInput(toPath(path).toFile());
  }

  @Override
  public OutputFile newOutputFile(String path) {
    Path file = toPath(path);
    try {
      Files.createDirectories(file.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create directory for " + file, e);
    }
    return org.apache.iceberg.Files.localOutput(file.toFile());
  }

  @Override
  public void deleteFile(String path) {
    try {
      Files.deleteIfExists(toPath(path));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete " + path, e);
    }
  }

  static Path toPath(String location) {
    if (location.startsWith("file:")) {
      String withoutScheme = location.substring("file:".length());
      while (withoutScheme.startsWith("//")) {
        withoutScheme = withoutScheme.substring(1);
      }
      return Paths.get(withoutScheme);
    }
    return Paths.get(location);
  }
}
