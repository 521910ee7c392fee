package io.meshwork.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tenants' annotations files are checked by {@code mesh validate} and exported by {@code mesh contract export}. */
class AnnotationsInOtherCommandsTest {

  @TempDir
  Path scratch;

  @Test
  void validateReportsEveryProblemOfEveryAnnotationsFile() throws IOException {
    Path catalogue = scratch.resolve("catalogue");
    copy(Path.of(BuiltSites.CATALOGUE), catalogue);
    Files.writeString(catalogue.resolve("tenants/lemanic/annotations.yaml"), """
        apiVersion: meshwork.io/v1
        kind: Annotations
        tenant: lemanic
        products:
          - product: cost_per_insured
            tags: [Pricing]
        """);
    Files.writeString(catalogue.resolve("tenants/rhenus/annotations.yaml"), """
        apiVersion: meshwork.io/v1
        kind: Annotations
        tenant: rhenus
        products:
          - {product: telmed_savings, internalOwner: Aktuariat, link: x}
        """);

    MeshRun run = MeshRun.of("validate", catalogue.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo(catalogue + "/tenants/lemanic/annotations.yaml:6:12: The tag 'Pricing' is not a "
        + "tag: use lower-case letters, digits, '-' and '_', at most 40 characters, e.g. 'board-report'.\n"
        + catalogue + "/tenants/rhenus/annotations.yaml:5:57: Unknown key 'link' in an annotated product. Did you "
        + "mean 'links'?\n"
        + "2 problems in 2 files. Nothing was run or changed.\n");
  }

  @Test
  void contractExportCarriesTheTenantsAnnotations() throws IOException {
    MeshRun run = MeshRun.of("contract", "export", "--tenant", "alpina", "--format", "odps", "--product", "loss_ratio",
        "--output", scratch.toString(), "--definitions", BuiltSites.CATALOGUE);

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(Files.readString(scratch.resolve("alpina/loss_ratio.odps.yaml"))).contains("""
          - property: tenantTags
            value:
              - board-report
              - monthly
          - property: tenantInternalOwner
            value: Controlling Alpina (M. Keller)
        """);
  }

  private static void copy(Path from, Path to) throws IOException {
    try (var tree = Files.walk(from)) {
      for (Path path : tree.toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    }
  }
}
