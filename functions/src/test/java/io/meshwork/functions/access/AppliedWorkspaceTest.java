package io.meshwork.functions.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.meshwork.model.runtime.RuntimeNames;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stored form of an applied workspace; the store itself runs against moto in WorkspaceApplyOnAwsTest. */
class AppliedWorkspaceTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void whatIsStored_readsBackAsTheSameFiles_inTheShapeTheEventCarries() throws Exception {
    AppliedWorkspace applied = AppliedWorkspace.of(JSON.readTree("""
        {"files": {"workspace.yaml": "tenant: alpina\\n", "products/x/transform.sql": "SELECT 1\\n"}}"""));

    byte[] stored = applied.toJson();

    assertThat(AppliedWorkspace.fromJson(stored, "s3://alpina-data/meshwork/workspace.json")).isEqualTo(applied);
    assertThat(applied.files()).containsExactly(Map.entry("products/x/transform.sql", "SELECT 1\n"),
        Map.entry("workspace.yaml", "tenant: alpina\n"));
    assertThat(AppliedWorkspace.of(JSON.readTree(stored)).toJson()).isEqualTo(stored);
  }

  @Test
  void anUnreadableStoredWorkspace_isNamed() {
    assertThatThrownBy(() -> AppliedWorkspace.fromJson("{files".getBytes(StandardCharsets.UTF_8),
        "s3://alpina-data/meshwork/workspace.json"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("The applied workspace s3://alpina-data/meshwork/workspace.json is not readable JSON: ");
  }

  @Test
  void theWorkspaceIsKeptBesideTheLedger() {
    assertThat(RuntimeNames.appliedWorkspaceKey("meshwork/access-ledger.json")).isEqualTo("meshwork/workspace.json");
    assertThat(RuntimeNames.appliedWorkspaceKey("ledger.json")).isEqualTo("workspace.json");
  }
}
