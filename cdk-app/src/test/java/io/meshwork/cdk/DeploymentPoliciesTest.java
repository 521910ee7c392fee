package io.meshwork.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.cxapi.CloudFormationStackArtifact;

/**
 * The execution policies in {@code cdk-app/deploy/} that the README tells operators to bootstrap with cover every
 * resource type the stacks create, and grant no service the stacks do not use.
 */
class DeploymentPoliciesTest {

  private static final Path POLICIES = Path.of("deploy");
  /** CloudFormation type namespaces whose IAM service prefix differs from the lowercased namespace. */
  private static final Map<String, String> SERVICE_OF_NAMESPACE = Map.of("StepFunctions", "states");

  private static List<CloudFormationStackArtifact> stacks;

  @BeforeAll
  static void synthesize() {
    App app = MeshworkApp.newApp();
    DeploymentSettings settings = DeploymentSettings.from(
        Map.<String, Object>of(DeploymentSettings.PROVIDER_ACCOUNT, "123456789012")::get,
        Map.of("CDK_DEFAULT_ACCOUNT", "999988887777"));
    assertThat(MeshworkApp.addStacks(app, DemoTenants.CATALOG_DIRECTORY, settings, System.err)).isZero();
    stacks = app.synth().getStacks();
  }

  @Test
  void tenantPolicyCoversExactlyTheServicesOfTheTenantStacks() throws IOException {
    Set<String> used = new TreeSet<>();
    stacks.stream().filter(stack -> stack.getStackName().startsWith(TenantStack.NAME_PREFIX))
        .forEach(stack -> used.addAll(servicesOf(stack)));

    assertThat(allowedServices("tenant-execution-policy.json")).isEqualTo(used);
  }

  @Test
  void providerPolicyCoversExactlyTheServicesOfTheProviderStack() throws IOException {
    assertThat(allowedServices("provider-execution-policy.json")).isEqualTo(servicesOf(stack(ProviderStack.NAME)));
  }

  @Test
  void organizationPolicyCoversTheOrganizationStack() throws IOException {
    assertThat(allowedServices("organization-execution-policy.json"))
        .containsAll(servicesOf(stack(OrganizationStack.NAME)));
  }

  @Test
  void rolesAndBucketsAreLimitedToTheNamesOfMeshworkStacks() throws IOException {
    JsonNode statements = new ObjectMapper().readTree(POLICIES.resolve("tenant-execution-policy.json").toFile())
        .get("Statement");
    for (JsonNode statement : statements) {
      Set<String> actions = actions(statement);
      if (actions.stream().anyMatch(action -> action.startsWith("iam:") || action.startsWith("s3:"))) {
        assertThat(statement.get("Resource")).allSatisfy(resource ->
            assertThat(resource.asText()).matches(".*[:/]" + TenantStack.NAME_PREFIX + "\\*(/\\*)?"));
      }
    }
    // CloudFormation names unnamed roles, policies and buckets after the stack, which the patterns rely on.
    stacks.stream().filter(stack -> stack.getStackName().startsWith(TenantStack.NAME_PREFIX)).forEach(stack ->
        assertThat(new ObjectMapper().valueToTree(stack.getTemplate()).findValues("RoleName"))
            .as(stack.getStackName()).isEmpty());
  }

  private static CloudFormationStackArtifact stack(String name) {
    return stacks.stream().filter(stack -> stack.getStackName().equals(name)).findFirst().orElseThrow();
  }

  /** The IAM service prefixes of the resource types in the stack's template. */
  @SuppressWarnings("unchecked")
  private static Set<String> servicesOf(CloudFormationStackArtifact stack) {
    Map<String, Map<String, Object>> resources = (Map<String, Map<String, Object>>)
        ((Map<String, Object>) stack.getTemplate()).get("Resources");
    Set<String> services = new TreeSet<>();
    for (Map<String, Object> resource : resources.values()) {
      String type = (String) resource.get("Type");
      if (type.equals("AWS::CDK::Metadata")) {
        continue;
      }
      if (type.startsWith("Custom::")) {
        // A Lambda-backed custom resource: CloudFormation invokes its function with the execution role.
        services.add("lambda");
        continue;
      }
      String namespace = type.split("::")[1];
      services.add(SERVICE_OF_NAMESPACE.getOrDefault(namespace, namespace.toLowerCase(Locale.ROOT)));
    }
    return services;
  }

  private static Set<String> allowedServices(String file) throws IOException {
    JsonNode policy = new ObjectMapper().readTree(POLICIES.resolve(file).toFile());
    Set<String> services = new TreeSet<>();
    for (JsonNode statement : policy.get("Statement")) {
      assertThat(statement.get("Effect").asText()).isEqualTo("Allow");
      actions(statement).stream().filter(action -> !action.equals("iam:CreateServiceLinkedRole"))
          .forEach(action -> services.add(action.substring(0, action.indexOf(':'))));
    }
    return services;
  }

  private static Set<String> actions(JsonNode statement) {
    Set<String> actions = new HashSet<>();
    JsonNode action = statement.get("Action");
    if (action.isArray()) {
      action.forEach(item -> actions.add(item.asText()));
    } else {
      actions.add(action.asText());
    }
    return actions;
  }
}
