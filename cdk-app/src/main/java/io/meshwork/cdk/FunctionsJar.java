package io.meshwork.cdk;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.services.lambda.Code;

/**
 * Where the functions' code comes from: the shaded jar the {@code functions} module builds, named by
 * {@code MESHWORK_FUNCTIONS_JAR} or found at {@code ../functions/target/meshwork-functions-lambda.jar} (relative to
 * {@code cdk-app/}, where the CDK CLI runs the app). A missing jar stops synthesis with the command that builds it.
 */
final class FunctionsJar {

  static final String VARIABLE = "MESHWORK_FUNCTIONS_JAR";
  static final Path DEFAULT = Path.of("..", "functions", "target", "meshwork-functions-lambda.jar");

  private FunctionsJar() {
  }

  /** The jar named by the environment, or the default. */
  static Path location(Map<String, String> environment) {
    String configured = environment.get(VARIABLE);
    return configured == null || configured.isBlank() ? DEFAULT : Path.of(configured);
  }

  /** Empty if {@code jar} exists; otherwise what to do about it. */
  static Optional<String> problem(Path jar) {
    if (Files.exists(jar)) {
      return Optional.empty();
    }
    return Optional.of("meshwork cdk-app: the functions jar " + jar.toAbsolutePath().normalize() + " does not exist."
        + " Build it from the repository root with `./mvnw -pl functions -am package`, or set " + VARIABLE
        + " to the jar.");
  }

  /** The Lambda code of the jar in the environment; one per stack, as an asset belongs to one stack. */
  static Code code(Map<String, String> environment) {
    Path jar = location(environment);
    problem(jar).ifPresent(message -> {
      throw new IllegalStateException(message);
    });
    return Code.fromAsset(jar.toAbsolutePath().normalize().toString());
  }
}
