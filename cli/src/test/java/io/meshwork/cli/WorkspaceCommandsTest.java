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
        + "product, 18 transform tests.\n  with the workspace " + WORKSPACE + " of tenant alpina\n");
  }

  @Test
  void planShowsTheWorkspacesOverride() {
    MeshRun run = MeshRun.of("plan", "--tenant", "alpina", "--definitions", CATALOGUE, "--workspace", WORKSPACE);

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Dental lines are billed under supplementary insurance");
  }

  @Test
  void testRunsTheOverrideAgainstItsFixture() {
    MeshRun run = MeshRun.of("test", "--definitions", CATALOGUE, "--workspace", WORKSPACE, "--product",
        "claims_clean");

    assertThat(run.out()).contains("PASS claims_clean/drops_dental_lines");
    assertThat(run.exitCode()).isZero();
  }
}
