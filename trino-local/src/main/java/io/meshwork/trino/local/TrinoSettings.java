package io.meshwork.trino.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a local Trino is found and started, read from the environment.
 *
 * @param javaHome the JDK that runs the server: Trino 476 needs Java 24 or newer ({@code MESHWORK_TRINO_JAVA_HOME},
 *     default the Temurin 25 JDK at {@value #DEFAULT_JAVA_HOME})
 * @param required true in CI ({@code CI} or {@code MESHWORK_TRINO_REQUIRED=true}): a missing JDK or tarball fails the
 *     build instead of skipping the tests that need Trino
 * @param tarball the {@code trino-server} tarball ({@code MESHWORK_TRINO_TARBALL}, else the system property Maven sets,
 *     else its place in the local Maven repository)
 * @param directory where the server is extracted and each instance keeps its configuration, data and log
 * @param heap the server's maximum heap, e.g. {@code 1G} ({@code MESHWORK_TRINO_HEAP})
 * @param startupTimeout how long the server may take to report started
 */
public record TrinoSettings(Path javaHome, boolean required, Optional<Path> tarball, Path directory, String heap,
    Duration startupTimeout) {

  /** Trino's version, the tarball's and the JDBC driver's. */
  public static final String VERSION = "476";
  static final String DEFAULT_JAVA_HOME = "/usr/lib/jvm/temurin-25-jdk-amd64";
  static final String TARBALL_PROPERTY = "meshwork.trino.tarball";
  static final String DIRECTORY_PROPERTY = "meshwork.trino.directory";
  static final int MINIMUM_JAVA = 24;

  public TrinoSettings {
    Objects.requireNonNull(javaHome, "javaHome");
    Objects.requireNonNull(tarball, "tarball");
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(startupTimeout, "startupTimeout");
    if (!heap.matches("[1-9][0-9]*[MG]")) {
      throw new IllegalArgumentException("MESHWORK_TRINO_HEAP=" + heap + " is not a heap size: use e.g. 1G or 1536M");
    }
  }

  /** The settings of this process: its environment, and the system properties Maven's test runner sets. */
  public static TrinoSettings fromEnvironment() {
    return from(System.getenv(), System.getProperty(TARBALL_PROPERTY),
        System.getProperty(DIRECTORY_PROPERTY, "target/trino"));
  }

  static TrinoSettings from(Map<String, String> environment, String tarballProperty, String directory) {
    Optional<Path> tarball = value(environment, "MESHWORK_TRINO_TARBALL")
        .or(() -> Optional.ofNullable(tarballProperty).filter(path -> !path.isBlank() && !path.startsWith("${")))
        .map(Path::of);
    return new TrinoSettings(
        Path.of(value(environment, "MESHWORK_TRINO_JAVA_HOME").orElse(DEFAULT_JAVA_HOME)),
        isSet(environment.get("CI")) || "true".equalsIgnoreCase(environment.get("MESHWORK_TRINO_REQUIRED")),
        tarball,
        Path.of(directory).toAbsolutePath().normalize(),
        value(environment, "MESHWORK_TRINO_HEAP").orElse("1G"),
        // Generous: about 30 s on two loaded cores, and several builds may start one at once.
        Duration.ofMinutes(3));
  }

  /** The same settings with another heap, e.g. for a benchmark at scale. */
  public TrinoSettings withHeap(String newHeap) {
    return new TrinoSettings(javaHome, required, tarball, directory, newHeap, startupTimeout);
  }

  /** The same settings with instances under another directory. */
  public TrinoSettings withDirectory(Path newDirectory) {
    return new TrinoSettings(javaHome, required, tarball, newDirectory, heap, startupTimeout);
  }

  private static Optional<String> value(Map<String, String> environment, String name) {
    return Optional.ofNullable(environment.get(name)).map(String::strip).filter(value -> !value.isEmpty());
  }

  private static boolean isSet(String value) {
    return value != null && !value.isBlank() && !"false".equalsIgnoreCase(value.strip());
  }
}
