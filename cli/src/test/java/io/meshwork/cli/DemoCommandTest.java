package io.meshwork.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mesh demo} end to end on the shipped catalogue, at a small scale. */
class DemoCommandTest {

  @TempDir
  Path home;

  @Test
  void demoSeedsAndRefreshesEveryTenant_andPrintsPublishedRowCounts() {
    MeshRun run = MeshRun.of("demo", "--scale", "150", "--definitions", "../product-definitions/catalog", "--home",
        home.toString());

    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("Tenant alpina: 9 published, 0 up to date, 0 blocked, 0 failed, 0 conflicts, 0 skipped")
        .contains("Tenant lemanic: 4 published, 0 up to date, 0 blocked, 0 failed, 0 conflicts, 0 skipped")
        .contains("Tenant rhenus: 7 published, 0 up to date, 0 blocked, 0 failed, 0 conflicts, 0 skipped")
        .containsPattern("  product +alpina +lemanic +rhenus\n")
        .containsPattern("  high_cost_claimants +[0-9,]+ +- +-\n")
        .containsPattern("  telmed_savings +- +- +[0-9,]+\n")
        .contains("Sample query for tenant lemanic:");
  }

  @Test
  void seedRefusesAnInvalidScale_withExitTwo() {
    MeshRun run = MeshRun.of("seed", "--tenant", "alpina", "--scale", "0", "--definitions",
        "../product-definitions/catalog", "--home", home.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("mesh seed: Invalid scale 0");
  }
}
