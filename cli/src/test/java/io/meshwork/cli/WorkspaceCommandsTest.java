package io.meshwork.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The example workspace of tenant alpina, layered over the shipped catalogue by validate, plan and test. */
class WorkspaceCommandsTest {

  static final String CATALOGUE = "../product-definitions/catalog";
  static final String WORKSPACE = "../product-definitions/workspaces/alpina";

  @Test
  void validateAcceptsTheExampleWorkspace_andCountsItsOverrideTest() {
    MeshRun run = MeshRun.of("validate", "--workspace", WORKSPACE, CATALOGUE);

    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith(CATALOGUE + " is valid: 5 sources, 9 products (9 versions), 3 tenants, 1 custom "
        + "product, 24 transform tests.\n  with the workspace " + WORKSPACE + " of tenant alpina\n");
  }

  @Test
  void planShowsTheWorkspacesOverride() {
    MeshRun run = MeshRun.of("plan", "--tenant", "alpina", "--definitions", CATALOGUE, "--workspace", WORKSPACE);

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Dental lines are billed under supplementary insurance");
  }

  @Test
  void packageChecksTheWorkspace_andWritesTheAccessFunctionsEvent(@org.junit.jupiter.api.io.TempDir
      java.nio.file.Path directory) throws Exception {
    java.nio.file.Path event = directory.resolve("alpina-workspace.json");

    MeshRun run = MeshRun.of("workspace", "package", "--tenant", "alpina", "--definitions", CATALOGUE,
        "--workspace", WORKSPACE, "--out", event.toString());

    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("Workspace " + WORKSPACE + " of tenant alpina is within the ceiling: 3 files,")
        .endsWith("Wrote " + event + ". Apply it in the tenant's account (as one of its admins) with mesh workspace "
            + "apply, or:\n"
            + "  aws lambda invoke --function-name meshwork-alpina-access:live --payload fileb://" + event
            + " answer.json\n");
    com.fasterxml.jackson.databind.JsonNode files = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(event.toFile()).path("workspace").path("files");
    assertThat(files.fieldNames()).toIterable().containsExactly("annotations.yaml", "overrides/claims_clean.sql",
        "workspace.yaml");
    assertThat(files.path("workspace.yaml").asText()).isEqualTo(java.nio.file.Files.readString(
        java.nio.file.Path.of(WORKSPACE, "workspace.yaml")));
  }

  @Test
  void packageRefusesAWorkspaceAboveTheCeiling_withExitTwo(@org.junit.jupiter.api.io.TempDir
      java.nio.file.Path directory) {
    MeshRun run = MeshRun.of("workspace", "package", "--tenant", "alpina", "--definitions", CATALOGUE,
        "--workspace", "src/test/resources/broken-workspaces/grant-above-ceiling/workspace", "--out",
        directory.resolve("event.json").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("is above the ceiling");
    assertThat(directory.resolve("event.json")).doesNotExist();
  }

  @Test
  void applyRefusesAWorkspaceAboveTheCeiling_withTheMessagesOfValidate_beforeAnyAwsCall() throws Exception {
    String broken = "src/test/resources/broken-workspaces/grant-above-ceiling";
    MeshRun validate = MeshRun.of("validate", "--workspace", broken + "/workspace", CATALOGUE);

    // An endpoint nothing listens on: the refusal must come before any call.
    MeshRun run = MeshRun.of("workspace", "apply", "--tenant", "alpina", "--definitions", CATALOGUE,
        "--workspace", broken + "/workspace", "--region", "eu-central-2", "--endpoint-url", "http://127.0.0.1:9");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo(validate.err());
    assertThat(run.err()).contains(java.nio.file.Files.readString(java.nio.file.Path.of(broken, "expected.txt"))
        .lines().findFirst().orElseThrow());
  }

  @Test
  void applyWithDryRun_checksAndPackages_andNamesTheFunctionItWouldInvoke() {
    MeshRun run = MeshRun.of("workspace", "apply", "--tenant", "alpina", "--definitions", CATALOGUE,
        "--workspace", WORKSPACE, "--dry-run");

    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("Workspace " + WORKSPACE + " of tenant alpina is within the ceiling: 3 files,")
        .containsPattern("\nDry run: would invoke meshwork-alpina-access:live with \\d+ bytes; nothing was sent.\\n$");
  }

  @Test
  void applyToAnUnreachableEndpoint_isExitTwo_namingTheEndpoint() {
    // Credentials through the first link of the SDK's default chain, so the call is attempted on any machine.
    System.setProperty("aws.accessKeyId", "test");
    System.setProperty("aws.secretAccessKey", "test");
    MeshRun run;
    try {
      run = MeshRun.of("workspace", "apply", "--tenant", "alpina", "--definitions", CATALOGUE,
          "--workspace", WORKSPACE, "--function", "meshwork-alpina-access:blue", "--region", "eu-central-2",
          "--endpoint-url", "http://127.0.0.1:9");
    } finally {
      System.clearProperty("aws.accessKeyId");
      System.clearProperty("aws.secretAccessKey");
    }

    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).startsWith("mesh workspace apply: Cannot reach Lambda in eu-central-2 at "
        + "http://127.0.0.1:9: ");
  }

  @Test
  void testRunsTheOverrideAgainstItsFixture() {
    MeshRun run = MeshRun.of("test", "--definitions", CATALOGUE, "--workspace", WORKSPACE, "--product",
        "claims_clean");

    assertThat(run.out()).contains("PASS claims_clean/drops_dental_lines");
    assertThat(run.exitCode()).isZero();
  }
}
