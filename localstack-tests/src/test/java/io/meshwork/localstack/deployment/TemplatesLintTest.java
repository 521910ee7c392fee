package io.meshwork.localstack.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * cfn-lint checks the Lambda runtimes' lifecycle (E2531 when creating a function on a blocked runtime), which cdk-nag
 * does not.
 */
class TemplatesLintTest {

  /** Warning rules the README's "cfn-lint" section explains, each still reported by the current templates. */
  static final List<String> EXPLAINED_WARNINGS = List.of("W3005");

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path output;

  @Test
  void everySynthesizedTemplate_passesCfnLintWithoutErrors() throws IOException, InterruptedException {
    StringBuilder whyMissing = new StringBuilder();
    Optional<Path> cfnLint = PythonTools.command("cfn-lint", whyMissing);
    Assumptions.assumeTrue(cfnLint.isPresent(), whyMissing::toString);
    App app = new App(MeshworkApp.appProps().outdir(output.toString()).build());
    app.getNode().setContext("meshwork:providerAccount", "123456789012");
    assertThat(MeshworkApp.addStacks(app, Path.of("..", "product-definitions", "catalog"),
        Map.of("CDK_DEFAULT_ACCOUNT", "999988887777"), System.err)).isZero();
    app.synth();
    List<String> templates;
    try (Stream<Path> files = Files.list(output)) {
      templates = files.map(Path::toString).filter(name -> name.endsWith(".template.json")).sorted().toList();
    }
    // The organisation and its three account shards, the provider, and the three demo tenants.
    assertThat(templates).hasSize(8);
    List<String> runtimes = new ArrayList<>();
    for (String template : templates) {
      JSON.readTree(Path.of(template).toFile()).path("Resources").forEach(resource -> {
        if (resource.path("Type").asText().equals("AWS::Lambda::Function")) {
          runtimes.add(resource.path("Properties").path("Runtime").asText());
        }
      });
    }
    // Plan, Compute, the large Compute, Validate, Publish, Freshness, Ingest, Access and Maintenance of each of the
    // three tenants.
    assertThat(runtimes).hasSize(27).containsOnly("java25");

    List<String> errors = new ArrayList<>();
    TreeSet<String> warnings = new TreeSet<>();
    for (JsonNode finding : lint(cfnLint.get(), templates)) {
      String line = describe(finding);
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

  @Test
  void aFunctionOnARuntimeLambdaNoLongerCreates_isACfnLintError() throws IOException, InterruptedException {
    StringBuilder whyMissing = new StringBuilder();
    Optional<Path> cfnLint = PythonTools.command("cfn-lint", whyMissing);
    Assumptions.assumeTrue(cfnLint.isPresent(), whyMissing::toString);
    // cfn-lint 1.58.0's runtime data blocks creating java8 functions since 2024-02-08 (and java17 from 2027-07-31).
    Path template = output.resolve("java8.template.json");
    Files.writeString(template, """
        {"Resources": {"Function": {"Type": "AWS::Lambda::Function", "Properties": {
          "Runtime": "java8", "Handler": "io.meshwork.functions.PlanFunction",
          "Role": "arn:aws:iam::444455556666:role/plan", "Code": {"S3Bucket": "code", "S3Key": "functions.jar"}}}}}
        """);

    assertThat(lint(cfnLint.get(), List.of(template.toString()))).extracting(TemplatesLintTest::describe)
        .anySatisfy(line -> assertThat(line).startsWith("E2531 java8.template.json").contains(
            "Runtime 'java8' was deprecated on '2024-01-08'. Creation was disabled on '2024-02-08'"));
  }

  /** The findings of cfn-lint on {@code templates}, as its JSON report. */
  private static JsonNode lint(Path cfnLint, List<String> templates) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(cfnLint.toString(), "--format", "json"));
    command.addAll(templates);
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String report = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
    return JSON.readTree(report.isBlank() ? "[]" : report);
  }

  private static String describe(JsonNode finding) {
    return finding.path("Rule").path("Id").asText() + " " + Path.of(finding.path("Filename").asText()).getFileName()
        + " " + finding.path("Location").path("Path") + ": " + finding.path("Message").asText();
  }
}
