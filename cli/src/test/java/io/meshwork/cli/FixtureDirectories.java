package io.meshwork.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The names of the fixture directories directly below a directory, sorted: one parameterized case each. */
final class FixtureDirectories {

  private FixtureDirectories() {
  }

  static Stream<String> below(Path fixtures) throws IOException {
    try (Stream<Path> directories = Files.list(fixtures)) {
      return directories.filter(Files::isDirectory).map(path -> path.getFileName().toString()).sorted().toList()
          .stream();
    }
  }
}
