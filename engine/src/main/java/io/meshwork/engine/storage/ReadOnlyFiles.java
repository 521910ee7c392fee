package io.meshwork.engine.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Data files never change once committed or staged: they are made read-only on disk, as defence in depth beside
 * the SQL guard (it stops any process that does not run as root; deleting stays possible through the directory).
 */
final class ReadOnlyFiles {

  private ReadOnlyFiles() {
  }

  static void seal(Path file) throws IOException {
    if (Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
    }
  }
}
