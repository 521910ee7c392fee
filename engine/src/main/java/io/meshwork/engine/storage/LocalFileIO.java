package io.meshwork.engine.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.io.FileInfo;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.io.OutputFile;
import org.apache.iceberg.io.SupportsPrefixOperations;

/**
 * Iceberg file access on the local file system without Hadoop: Iceberg 1.12 ships none, and the Hadoop one would
 * pull in most of Hadoop. Paths are plain absolute paths or {@code file:} URIs. Listing a prefix (what orphan-file
 * removal needs, as on S3) treats it as a directory and reports plain absolute paths with their modification times.
 */
public final class LocalFileIO implements FileIO, SupportsPrefixOperations {

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

  @Override
  public Iterable<FileInfo> listPrefix(String prefix) {
    Path directory = toPath(prefix);
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    List<FileInfo> files = new ArrayList<>();
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.forEach(path -> {
        try {
          BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
          if (attributes.isRegularFile()) {
            files.add(new FileInfo(path.toString(), attributes.size(), attributes.lastModifiedTime().toMillis()));
          }
        } catch (IOException e) {
          // deleted while listing: nothing to report
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + directory, e);
    }
    return files;
  }

  @Override
  public void deletePrefix(String prefix) {
    listPrefix(prefix).forEach(file -> deleteFile(file.location()));
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
