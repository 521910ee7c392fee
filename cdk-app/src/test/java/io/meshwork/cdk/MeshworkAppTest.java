package io.meshwork.cdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshwork.cdk.constructs.DataProductTableProps;
import io.meshwork.model.definition.Catalog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.cxapi.CloudFormationStackArtifact;

/** The app turns the catalogue into one stack per tenant, and refuses invalid definitions with their locations. */
class MeshworkAppTest {

  @Test
  void synthesizesOneStackPerDemoTenant() {
    App app = MeshworkApp.newApp();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int status = MeshworkApp.addTenantStacks(app, DemoTenants.CATALOG_DIRECTORY, Optional.of("999988887777"),
        new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(status).isZero();
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    List<CloudFormationStackArtifact> stacks = app.synth().getStacks();
    assertThat(stacks).extracting(CloudFormationStackArtifact::getStackName)
        .containsExactlyInAnyOrder("meshwork-tenant-alpina", "meshwork-tenant-lemanic", "meshwork-tenant-rhenus");
    assertThat(stacks).allSatisfy(stack -> assertThat(stack.getTemplate()).isNotNull());
  }

  @Test
  void synthesizesTheOrganizationAndProviderStacksAndForwardsRunEventsToTheCentralBus() {
    App app = MeshworkApp.newApp();
    DeploymentSettings settings = DeploymentSettings.from(
        Map.<String, Object>of("meshwork:providerAccount", "123456789012", "meshwork:providerRegion", "eu-west-1")::get,
        Map.of("CDK_DEFAULT_ACCOUNT", "999988887777"));

    int status = MeshworkApp.addStacks(app, DemoTenants.CATALOG_DIRECTORY, settings, System.err);

    assertThat(status).isZero();
    List<CloudFormationStackArtifact> stacks = app.synth().getStacks();
    assertThat(stacks).extracting(CloudFormationStackArtifact::getStackName).containsExactlyInAnyOrder(
        "meshwork-organization", "meshwork-organization-accounts-05", "meshwork-organization-accounts-06",
        "meshwork-organization-accounts-07", "meshwork-provider", "meshwork-tenant-alpina", "meshwork-tenant-lemanic",
        "meshwork-tenant-rhenus");
    Template alpina = Template.fromJSON(templateOf(stacks, "meshwork-tenant-alpina"));
    alpina.hasResourceProperties("AWS::Events::Rule", Map.of(
        "EventPattern", Map.of("source", List.of("aws.states"),
            "detail-type", List.of("Step Functions Execution Status Change"),
            "detail", Map.of("stateMachineArn", List.of(Map.of("Ref",
                Match.stringLikeRegexp("PipelineRefreshStateMachine.*"))))),
        "Targets", List.of(Match.objectLike(Map.of(
            "Arn", "arn:aws:events:eu-west-1:123456789012:event-bus/meshwork-runs")))));
    alpina.hasResourceProperties("AWS::Events::Rule", Map.of(
        "EventPattern", Map.of("source", List.of("meshwork.pipeline"), "detail-type", List.of("ProductPublished")),
        "Targets", List.of(Match.objectLike(Map.of(
            "Arn", "arn:aws:events:eu-west-1:123456789012:event-bus/meshwork-runs")))));
  }

  @Test
  void runEventsStayInTheTenantAccountWhenNoProviderAccountIsKnown() {
    App app = MeshworkApp.newApp();
    DeploymentSettings settings = DeploymentSettings.from(key -> null, Map.of());

    MeshworkApp.addStacks(app, DemoTenants.CATALOG_DIRECTORY, settings, System.err);

    Template alpina = Template.fromJSON(templateOf(app.synth().getStacks(), "meshwork-tenant-alpina"));
    alpina.resourcePropertiesCountIs("AWS::Events::Rule", Map.of("EventPattern", Map.of(
        "source", List.of("aws.states"))), 0);
    assertThat(settings.providerRegion()).isEqualTo("eu-central-2");
  }

  @Test
  void invalidDeploymentSettingsNameTheSettingAndTheExpectedForm() {
    assertThatThrownBy(() -> DeploymentSettings.from(Map.<String, Object>of("meshwork:providerAccount", "1234")::get,
        Map.of()))
        .hasMessage("Invalid meshwork:providerAccount '1234': expected a 12-digit account id.");
    assertThatThrownBy(() -> DeploymentSettings.from(Map.<String, Object>of("meshwork:providerRegion", "Zurich")::get,
        Map.of()))
        .hasMessage("Invalid meshwork:providerRegion 'Zurich': expected a region such as eu-central-2.");
  }

  @Test
  void tenantWithoutEmailFailsWithTheFileAndField(@TempDir Path directory) throws IOException {
    Path catalog = DemoTenants.copyCatalog(directory);
    Path tenant = catalog.resolve("tenants/lemanic/tenant.yaml");
    String definition = Files.readString(tenant);
    Files.writeString(tenant, definition.replaceAll("(?m)^  email: .*\n", ""));
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int status = MeshworkApp.addTenantStacks(MeshworkApp.newApp(), catalog, Optional.empty(),
        new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(status).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("meshwork cdk-app: invalid definitions in " + catalog
        + ":\ntenants/lemanic/tenant.yaml:6:3: The account of tenant lemanic is missing 'email'. Add it, e.g."
        + " 'email: aws+tenant@example.ch'.\n");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> templateOf(List<CloudFormationStackArtifact> stacks, String name) {
    return (Map<String, Object>) stacks.stream().filter(stack -> stack.getStackName().equals(name)).findFirst()
        .orElseThrow().getTemplate();
  }

  @Test
  void readsTheDefinitionsDirectoryFromTheEnvironment() {
    assertThat(MeshworkApp.definitionsDirectory(Map.of())).isEqualTo(Path.of("..", "product-definitions", "catalog"));
    assertThat(MeshworkApp.definitionsDirectory(Map.of("MESHWORK_DEFINITIONS", "/defs"))).isEqualTo(Path.of("/defs"));
  }

  @Test
  void tenantWithoutRegionFailsWithTheFileAndField(@TempDir Path directory) throws IOException {
    Path catalog = DemoTenants.copyCatalog(directory);
    Path tenant = catalog.resolve("tenants/lemanic/tenant.yaml");
    Files.writeString(tenant, Files.readString(tenant).replace("  region: eu-central-2\n", ""));
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int status = MeshworkApp.addTenantStacks(MeshworkApp.newApp(), catalog, Optional.empty(),
        new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(status).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("meshwork cdk-app: invalid definitions in " + catalog
        + ":\ntenants/lemanic/tenant.yaml:6:3: The account of tenant lemanic is missing 'region'. Add it, e.g."
        + " 'region: eu-central-2'.\n");
  }

  @Test
  void missingDefinitionsDirectoryIsReported(@TempDir Path directory) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int status = MeshworkApp.addTenantStacks(MeshworkApp.newApp(), directory.resolve("absent"), Optional.empty(),
        new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(status).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("meshwork cdk-app: definitions directory "
        + directory.resolve("absent") + " does not exist: set MESHWORK_DEFINITIONS to the catalogue directory.\n");
  }

  @Test
  void tableNamesThatGlueWouldRejectFailBeforeSynth() {
    Catalog catalog = DemoTenants.catalog();
    var columns = catalog.productVersions("loss_ratio").get(0).contract().columns();

    assertThatThrownBy(() -> new DataProductTableProps("finance", "Loss-Ratio_v1", columns, "s3://b/warehouse", null,
        null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tableName 'Loss-Ratio_v1' is not a valid Glue/Athena identifier: use 1 to 255 lowercase letters,"
            + " digits and underscores, starting with a letter.");
  }
}
