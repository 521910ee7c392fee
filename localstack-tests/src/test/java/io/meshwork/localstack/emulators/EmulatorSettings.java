package io.meshwork.localstack.emulators;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;

/**
 * How the emulators are found or started, read from the environment.
 *
 * @param externalEndpoint {@code AWS_ENDPOINT_URL}: an emulator that is already running (LocalStack, Floci, MiniStack);
 *     nothing is started then
 * @param externalLakeFormationEndpoint {@code AWS_ENDPOINT_URL_LAKEFORMATION}: the Lake Formation endpoint when it is
 *     not the main one; without it an external main endpoint serves Lake Formation too
 * @param required true in CI ({@code CI} or {@code MESHWORK_EMULATORS_REQUIRED=true}): a missing Python fails the
 *     build instead of skipping the tests
 * @param python the Python 3.10+ interpreter that creates the virtual environment ({@code MESHWORK_PYTHON}, default
 *     {@code python3})
 * @param directory where the virtual environment, the logs and the emulators' scratch files live
 * @param region the region every client uses
 * @param startupTimeout how long an emulator may take to report healthy
 */
public record EmulatorSettings(
    Optional<URI> externalEndpoint,
    Optional<URI> externalLakeFormationEndpoint,
    boolean required,
    String python,
    Path directory,
    Region region,
    Duration startupTimeout) {

  /** The directory Maven passes to the tests; {@code target/emulators} of the working directory otherwise. */
  static final String DIRECTORY_PROPERTY = "meshwork.emulators.directory";

  public EmulatorSettings {
    Objects.requireNonNull(externalEndpoint, "externalEndpoint");
    Objects.requireNonNull(externalLakeFormationEndpoint, "externalLakeFormationEndpoint");
    Objects.requireNonNull(python, "python");
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(startupTimeout, "startupTimeout");
    if (python.isBlank()) {
      throw new IllegalArgumentException("MESHWORK_PYTHON must name a Python interpreter when set");
    }
  }

  static EmulatorSettings fromEnvironment() {
    return from(System.getenv(), System.getProperty(DIRECTORY_PROPERTY, "target/emulators"));
  }

  static EmulatorSettings from(Map<String, String> environment, String directory) {
    return new EmulatorSettings(
        endpoint(environment, "AWS_ENDPOINT_URL"),
        endpoint(environment, "AWS_ENDPOINT_URL_LAKEFORMATION"),
        isSet(environment.get("CI")) || "true".equalsIgnoreCase(environment.get("MESHWORK_EMULATORS_REQUIRED")),
        Optional.ofNullable(environment.get("MESHWORK_PYTHON")).filter(value -> !value.isBlank()).orElse("python3"),
        Path.of(directory).toAbsolutePath(),
        // Zurich: the demo tenants are Swiss insurers whose data stays in Switzerland.
        Region.EU_CENTRAL_2,
        Duration.ofSeconds(90));
  }

  private static Optional<URI> endpoint(Map<String, String> environment, String name) {
    String value = environment.get(name);
    if (!isSet(value)) {
      return Optional.empty();
    }
    URI uri = URI.create(value.strip());
    if (uri.getScheme() == null || uri.getHost() == null) {
      throw new IllegalArgumentException(name + "=" + value + " is not an endpoint URL: use e.g. http://localhost:4566");
    }
    return Optional.of(uri);
  }

  private static boolean isSet(String value) {
    return value != null && !value.isBlank() && !"false".equalsIgnoreCase(value.strip());
  }
}
