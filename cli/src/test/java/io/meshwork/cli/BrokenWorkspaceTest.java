package io.meshwork.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each directory under {@code src/test/resources/broken-workspaces} holds a tenant workspace with one mistake,
 * layered over the shipped catalogue. {@code mesh validate --workspace} must exit 2 and print exactly the lines of
 * its {@code expected.txt}: the workspace file and line, what is wrong, the rule that forbids it and how to fix it.
 */
class BrokenWorkspaceTest {

  static final Path CATALOGUE = Path.of("../product-definitions/catalog");
  private static final Path FIXTURES = Path.of("src/test/resources/broken-workspaces");

  static Stream<String> fixtures() throws IOException {
    return FixtureDirectories.below(FIXTURES);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void validateRefusesTheWorkspace_namingFileLineAndRule_andExitsTwo(String fixture) throws IOException {
    Path workspace = FIXTURES.resolve(fixture).resolve("workspace");
    String expected = Files.readString(FIXTURES.resolve(fixture).resolve("expected.txt"));

    MeshRun run = MeshRun.of("validate", "--workspace", workspace.toString(), CATALOGUE.toString());

    assertThat(run.out()).isEmpty();
    assertThat(run.err().replace(workspace + "/", "")).isEqualTo(expected);
    assertThat(run.exitCode()).isEqualTo(2);
  }

  @Test
  void everyRefusalOfTheIssueHasAFixture() throws IOException {
    assertThat(fixtures().toList()).hasSizeGreaterThanOrEqualTo(10).contains("grant-above-ceiling",
        "grant-to-unknown-principal", "grant-of-excluded-classification", "grant-of-product-not-received",
        "group-with-unknown-role");
  }

  @Test
  void planRefusesAWorkspaceOfAnotherTenant() {
    MeshRun run = MeshRun.of("plan", "--tenant", "rhenus", "--definitions", CATALOGUE.toString(), "--workspace",
        "../product-definitions/workspaces/alpina");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("mesh plan: The workspace ../product-definitions/workspaces/alpina belongs to "
        + "tenant alpina, not rhenus. Pass --tenant alpina or that tenant's workspace.\n");
  }
}
