package io.meshwork.trino.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The JDK that runs the server, checked by its {@code release} file before anything starts. */
final class JavaRuntime {

  private static final Pattern VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");

  private JavaRuntime() {
  }

  /** The {@code java} launcher of {@code javaHome}, or why it cannot run Trino. */
  static Path launcher(Path javaHome) {
    Path java = javaHome.resolve("bin").resolve("java");
    Path release = javaHome.resolve("release");
    if (!Files.isExecutable(java) || !Files.isRegularFile(release)) {
      throw new TrinoUnavailableException("Trino " + TrinoSettings.VERSION + " needs a JDK "
          + TrinoSettings.MINIMUM_JAVA + " or newer, and there is none at " + javaHome
          + ": install Temurin 25 there or set MESHWORK_TRINO_JAVA_HOME");
    }
    Optional<Integer> feature = feature(read(release));
    if (feature.isEmpty() || feature.get() < TrinoSettings.MINIMUM_JAVA) {
      throw new TrinoUnavailableException("Trino " + TrinoSettings.VERSION + " needs a JDK "
          + TrinoSettings.MINIMUM_JAVA + " or newer, but " + javaHome + " is Java "
          + feature.map(String::valueOf).orElse("of an unknown version") + ": set MESHWORK_TRINO_JAVA_HOME");
    }
    return java;
  }

  static Optional<Integer> feature(String releaseFile) {
    Matcher matcher = VERSION.matcher(releaseFile);
    return matcher.find() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
  }

  private static String read(Path release) {
    try {
      return Files.readString(release);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + release, e);
    }
  }
}
