package io.meshwork.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mesh plan} shows where each product runs on AWS and why, measuring inputs in the tenant's home. */
class PlanSizingTest {

  @TempDir
  Path home;

  @Test
  void withoutAHome_theSizeFollowsTheDeclaredResourcesAlone_andPlanningCreatesNoHome() {
    MeshRun plan = new HelvetiaHome(home.resolve("none")).mesh("plan", "--tenant", "helvetia");

    assertThat(plan.exitCode()).as(plan.err()).isZero();
    assertThat(plan.out()).contains("      compute:    standard (3008 MiB memory, 512 MiB /tmp): inputs not measured:"
        + " fits the SnapStart Compute (3008 MiB memory, 512 MiB /tmp)\n");
    assertThat(Files.exists(home.resolve("none"))).isFalse();
  }

  @Test
  void withAHome_theInputsAreMeasuredFromTheirCurrentSnapshots_inTextAndJson() throws Exception {
    HelvetiaHome helvetia = new HelvetiaHome(home);
    helvetia.deliverClaims("('c1', 'ZH', 120.50), ('c2', 'ZH', 80.00)");

    MeshRun text = helvetia.mesh("plan", "--tenant", "helvetia");
    MeshRun json = helvetia.mesh("plan", "--tenant", "helvetia", "--format", "json");

    assertThat(text.exitCode()).as(text.err()).isZero();
    assertThat(text.out()).containsPattern("  claims_clean [0-9.]+ -> [a-z_.0-9]+ \\(managed, on duckdb, fingerprint"
        + " [0-9a-f]{12}\\)\\n(.*\\n)*?      compute:    standard \\(3008 MiB memory, 512 MiB /tmp\\): inputs"
        + " measure [0-9.]+ (B|KiB), needing 1 MiB of /tmp: fits the SnapStart Compute");
    JsonNode product = new ObjectMapper().readTree(json.out()).get("waves").get(0).get(0);
    assertThat(product.get("compute").get("size").asText()).isEqualTo("standard");
    assertThat(product.get("compute").get("memoryMiB").asInt()).isEqualTo(3008);
    assertThat(product.get("compute").get("tmpMiB").asInt()).isEqualTo(512);
    assertThat(product.get("compute").get("reason").asText()).startsWith("inputs measure ");
  }
}
