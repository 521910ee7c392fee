package io.meshwork.localstack.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meshwork.cdk.DeploymentSettings;
import io.meshwork.cdk.MeshworkApp;
import io.meshwork.localstack.emulators.PythonTools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;

/**
 * Every template of the app ({@code cdk synth} of the shipped catalogue: organisation, provider and each tenant)
 * passes cfn-lint, pinned in {@code emulators/requirements.txt}, without errors. Its warnings must be exactly the
 * ones the README explains ({@link #EXPLAINED_WARNINGS}), so a new one fails the build until it is fixed or explained.
 */
class TemplatesLintTest {

  /** Warning rules the README's "cfn-lint" section explains, each still reported by the current templates. */
  static final List<String> EXPLAINED_WARNINGS = List.of();

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path output;

  @Test
  void everySynthesizedTemplate_passesCfnLintWithoutErrors() throws IOException, InterruptedException {
    StringBuilder whyMissing = new StringBuilder();
    Optional<Path> cfnLint = PythonTools.command("cfn-lint", whyMissing);
    Assumptions.assumeTrue(cfnLint.isPresent(), whyMissing::toString);
    App app = new App(MeshworkAppSettings.props(output));
    DeploymentSettings settings = DeploymentSettings.from(
        Map.<String, Object>of(DeploymentSettings.PROVIDER_ACCOUNT, "123456789012")::get,
        Map.of("CDK_DEFAULT_ACCOUNT", "999988887777"));
    assertThat(MeshworkApp.addStacks(app, Path.of("..", "product-definitions", "catalog"), settings, System.err))
        .isZero();
    app.synth();
    List<String> templates;
    try (Stream<Path> files = Files.list(output)) {
      templates = files.map(Path::toString).filter(name -> name.endsWith(".template.json")).sorted().toList();
    }
    assertThat(templates).hasSize(5);

    List<String> command = new ArrayList<>(List.of(cfnLint.get().toString(), "--format", "json"));
    command.addAll(templates);
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String report = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();

    List<String> errors = new ArrayList<>();
    TreeSet<String> warnings = new TreeSet<>();
    for (JsonNode finding : JSON.readTree(report.isBlank() ? "[]" : report)) {
      String line = finding.path("Rule").path("Id").asText() + " " + Path.of(finding.path("Filename").asText())
          .getFileName() + " " + finding.path("Location").path("Path") + ": " + finding.path("Message").asText();
      if (finding.path("Level").asText().equals("Error")) {
        errors.add(line);
      } else {
        warnings.add(finding.path("Rule").path("Id").asText());
        System.out.println("cfn-lint " + finding.path("Level").asText() + ": " + line);
      }
    }
    assertThat(errors).as("cfn-lint errors").isEmpty();
    assertThat(warnings).as("cfn-lint warnings not explained in the README").containsExactlyElementsOf(
        new TreeSet<>(EXPLAINED_WARNINGS));
  }
}
