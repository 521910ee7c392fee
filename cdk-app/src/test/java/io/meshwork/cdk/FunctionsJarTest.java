package io.meshwork.cdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The functions' code comes from the jar Maven builds, and a missing jar says how to build it. */
class FunctionsJarTest {

  @Test
  void jarIsTheFunctionsModulesUnlessTheEnvironmentNamesAnother() {
    assertThat(FunctionsJar.location(Map.of()))
        .isEqualTo(Path.of("..", "functions", "target", "meshwork-functions-lambda.jar"));
    assertThat(FunctionsJar.location(Map.of("MESHWORK_FUNCTIONS_JAR", "/builds/lambda.jar")))
        .isEqualTo(Path.of("/builds/lambda.jar"));
  }

  @Test
  void missingJarNamesTheCommandThatBuildsIt(@TempDir Path directory) {
    Path jar = directory.resolve("meshwork-functions-lambda.jar");

    assertThat(FunctionsJar.problem(jar)).contains("meshwork cdk-app: the functions jar " + jar + " does not exist."
        + " Build it from the repository root with `./mvnw -pl functions -am package`, or set MESHWORK_FUNCTIONS_JAR"
        + " to the jar.");
    assertThatThrownBy(() -> FunctionsJar.code(Map.of("MESHWORK_FUNCTIONS_JAR", jar.toString())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(FunctionsJar.problem(jar).orElseThrow());
  }

  @Test
  void existingJarIsAccepted(@TempDir Path directory) throws IOException {
    Path jar = Files.writeString(directory.resolve("meshwork-functions-lambda.jar"), "a jar");

    assertThat(FunctionsJar.problem(jar)).isEmpty();
    assertThat(FunctionsJar.code(Map.of("MESHWORK_FUNCTIONS_JAR", jar.toString()))).isNotNull();
  }
}
