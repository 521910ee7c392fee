package io.meshwork.localstack.deployment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import software.amazon.awscdk.App;

/**
 * The cloud assembly of a CDK app, synthesized as {@code cdk synth} does into a temporary directory (the functions
 * jar is staged there as an asset); closing deletes it.
 */
final class SynthesizedApp implements AutoCloseable {

  private final Path directory;

  private SynthesizedApp(Path directory) {
    this.directory = directory;
  }

  static SynthesizedApp synth(App app) {
    return new SynthesizedApp(Path.of(app.synth().getDirectory()));
  }

  AssemblyStack stack(String name) {
    return AssemblyStack.read(directory, name);
  }

  @Override
  public void close() throws IOException {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
