package io.meshwork.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code mesh validate} warns where a decimal contract column is computed in floating point (decimal {@code /},
 * {@code avg}): one line per column, like an error with {@code warning:}, before the summary, which counts them. The
 * catalogue stays valid (exit 0), so providers learn of it before publishing without being blocked.
 */
class ValidateWarningsTest {

  private static final Path FIXTURE = Path.of("src/test/resources/warnings/floating-point-money");

  @Test
  void floatingPointInADecimalColumnIsAWarning_namingFileLineProductColumnAndWhatToWrite_andExitsZero()
      throws IOException {
    String expected = Files.readString(FIXTURE.resolve("expected.txt"));

    MeshRun run = MeshRun.of("validate", FIXTURE.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out().replace(FIXTURE + "/", "")).isEqualTo(expected);
  }

  @Test
  void theShippedCatalogueAndWorkspaceComputeNoDecimalColumnInFloatingPoint() {
    MeshRun catalogue = MeshRun.of("validate", "../product-definitions/catalog");
    MeshRun withWorkspace = MeshRun.of("validate", "--workspace", "../product-definitions/workspaces/alpina",
        "../product-definitions/catalog");

    assertThat(catalogue.exitCode()).isZero();
    assertThat(catalogue.out()).doesNotContain("warning");
    assertThat(withWorkspace.exitCode()).isZero();
    assertThat(withWorkspace.out()).contains("with the workspace").doesNotContain("warning");
  }
}
