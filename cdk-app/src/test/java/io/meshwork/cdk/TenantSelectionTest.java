package io.meshwork.cdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.cxapi.CloudFormationStackArtifact;

/** {@code -c meshwork:tenants=<id,...>} builds only those tenants' stacks, so one tenant of many synthesizes quickly. */
class TenantSelectionTest {

  @Test
  void selectedTenantsAloneAreBuilt_withoutOrganizationOrProviderStacks() {
    App app = MeshworkApp.newApp();
    DeploymentSettings settings = DeploymentSettings.from(
        Map.<String, Object>of(DeploymentSettings.TENANTS, " rhenus, lemanic ")::get, Map.of());

    assertThat(MeshworkApp.addStacks(app, DemoTenants.CATALOG_DIRECTORY, settings, System.err)).isZero();

    assertThat(app.synth().getStacks()).extracting(CloudFormationStackArtifact::getStackName)
        .containsExactly("meshwork-tenant-lemanic", "meshwork-tenant-rhenus");
  }

  @Test
  void unknownTenantIsAnInvalidSetting_namingTheCatalogueTenants() {
    DeploymentSettings settings = DeploymentSettings.from(
        Map.<String, Object>of(DeploymentSettings.TENANTS, "alpina,helvetia")::get, Map.of());

    assertThatThrownBy(() -> MeshworkApp.addStacks(MeshworkApp.newApp(), DemoTenants.CATALOG_DIRECTORY, settings,
        System.err))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("meshwork:tenants names [helvetia], which the catalogue does not hold; its tenants are"
            + " [alpina, lemanic, rhenus].");
  }

  @Test
  void accountShardsMustBeANumberFromOneTo99() {
    assertThatThrownBy(() -> DeploymentSettings.from(
        Map.<String, Object>of(DeploymentSettings.ACCOUNT_SHARDS, "many")::get, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid meshwork:accountShards 'many': expected a number from 1 to 99.");
    assertThat(DeploymentSettings.from(Map.<String, Object>of(DeploymentSettings.ACCOUNT_SHARDS, "20")::get,
        Map.of()).accountShards()).isEqualTo(20);
    assertThat(DeploymentSettings.from(key -> null, Map.of()).tenants()).isEmpty();
    assertThat(List.of(DeploymentSettings.from(key -> null, Map.of()).accountShards())).containsExactly(10);
  }
}
