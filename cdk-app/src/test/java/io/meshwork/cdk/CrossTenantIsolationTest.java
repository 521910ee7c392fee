package io.meshwork.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meshwork.model.definition.Catalog;
import io.meshwork.model.definition.Tenant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.cxapi.CloudFormationStackArtifact;

/**
 * No permission in one tenant's stack reaches another tenant: every IAM policy, trust policy, key policy, bucket
 * policy and Lake Formation grant of a tenant stack is searched for the other tenants' account ids and names, and
 * every account id an ARN names is the tenant's own, or the provider's for the central run bus alone.
 */
class CrossTenantIsolationTest {

  private static final String PROVIDER_ACCOUNT = "123456789012";
  private static final String CENTRAL_BUS = "arn:aws:events:eu-central-2:" + PROVIDER_ACCOUNT
      + ":event-bus/meshwork-runs";
  /** Resource types that carry permissions, and the properties that hold them. */
  private static final Set<String> PERMISSION_TYPES = Set.of("AWS::IAM::Policy", "AWS::IAM::ManagedPolicy",
      "AWS::IAM::Role", "AWS::KMS::Key", "AWS::S3::BucketPolicy", "AWS::Events::EventBusPolicy",
      "AWS::SNS::TopicPolicy", "AWS::Lambda::Permission", "AWS::LakeFormation::PrincipalPermissions",
      "AWS::LakeFormation::DataLakeSettings", "AWS::LakeFormation::Permissions", "AWS::LakeFormation::Resource");
  private static final Pattern ACCOUNT_IN_ARN = Pattern.compile("arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:(\\d{12}):");

  private static Catalog catalog;
  private static List<CloudFormationStackArtifact> stacks;

  @BeforeAll
  static void synthesizeEveryStack() {
    catalog = DemoTenants.catalog();
    App app = MeshworkApp.newApp();
    DeploymentSettings settings = DeploymentSettings.from(
        Map.<String, Object>of(DeploymentSettings.PROVIDER_ACCOUNT, PROVIDER_ACCOUNT)::get,
        Map.of("CDK_DEFAULT_ACCOUNT", "999988887777"));
    assertThat(MeshworkApp.addStacks(app, DemoTenants.CATALOG_DIRECTORY, settings, System.err)).isZero();
    stacks = app.synth().getStacks();
  }

  @Test
  void noPermissionOfATenantStackNamesAnotherTenant() throws Exception {
    for (Tenant tenant : catalog.tenants()) {
      String permissions = permissionsOf(TenantStack.nameOf(tenant.id()));
      assertThat(permissions).as("permissions of " + tenant.id()).isNotBlank();
      for (Tenant other : catalog.tenants()) {
        if (other.equals(tenant)) {
          continue;
        }
        assertThat(permissions).as(tenant.id() + " mentions " + other.id())
            .doesNotContain("meshwork-" + other.id() + "-")
            .doesNotContain(TenantStack.nameOf(other.id()))
            .doesNotContain(other.account().email());
        other.account().id().ifPresent(account ->
            assertThat(permissions).as(tenant.id() + " names the account of " + other.id()).doesNotContain(account));
      }
    }
  }

  @Test
  void everyAccountAnArnNamesIsTheTenantsOwnOrTheCentralBusOfTheProvider() throws Exception {
    for (Tenant tenant : catalog.tenants()) {
      String own = tenant.account().id().orElse("999988887777");
      String permissions = permissionsOf(TenantStack.nameOf(tenant.id())).replace(CENTRAL_BUS, "");
      Matcher matcher = ACCOUNT_IN_ARN.matcher(permissions);
      List<String> foreign = new ArrayList<>();
      while (matcher.find()) {
        if (!matcher.group(1).equals(own)) {
          foreign.add(matcher.group());
        }
      }
      assertThat(foreign).as("ARNs of other accounts in the permissions of " + tenant.id()).isEmpty();
    }
  }

  /**
   * The Ingest function of each tenant reads, deletes and writes objects of its own stack's data bucket only (by
   * reference, never a bucket name or an imported value), and its rule listens to that bucket only.
   */
  @Test
  @SuppressWarnings("unchecked")
  void aTenantsIngestFunctionCanNeverTouchAnotherTenantsBucket() throws Exception {
    ObjectMapper json = new ObjectMapper();
    for (Tenant tenant : catalog.tenants()) {
      Map<String, Object> template = (Map<String, Object>) stacks.stream()
          .filter(stack -> stack.getStackName().equals(TenantStack.nameOf(tenant.id()))).findFirst().orElseThrow()
          .getTemplate();
      Map<String, Map<String, Object>> resources = (Map<String, Map<String, Object>>) template.get("Resources");
      String bucket = logicalIdOfType(resources, "AWS::S3::Bucket", "DataBucket");
      String role = logicalIdOfType(resources, "AWS::IAM::Role", "PipelineIngestRole");
      List<JsonNode> statements = new ArrayList<>();
      resources.values().stream().filter(resource -> resource.get("Type").equals("AWS::IAM::Policy"))
          .<JsonNode>map(resource -> json.valueToTree(resource.get("Properties")))
          .filter(policy -> policy.path("Roles").toString().contains("\"" + role + "\""))
          .forEach(policy -> policy.path("PolicyDocument").path("Statement").forEach(statements::add));
      assertThat(statements).as("statements of the Ingest role of " + tenant.id()).isNotEmpty();
      for (JsonNode statement : statements) {
        if (!statement.path("Action").toString().contains("\"s3:")) {
          continue;
        }
        JsonNode targets = statement.path("Resource").isArray() ? statement.path("Resource")
            : json.createArrayNode().add(statement.path("Resource"));
        for (JsonNode target : targets) {
          assertThat(target.toString()).as("S3 resource of the Ingest role of " + tenant.id())
              .contains("{\"Fn::GetAtt\":[\"" + bucket + "\",\"Arn\"]}")
              .doesNotContain("arn:aws:s3:::").doesNotContain("Fn::ImportValue");
          assertThat(target.isTextual()).as("a literal S3 resource of " + tenant.id()).isFalse();
        }
      }
      String rule = json.writeValueAsString(resources.get(logicalIdOfType(resources, "AWS::Events::Rule",
          "PipelineDeliveriesRule")).get("Properties"));
      assertThat(rule).contains("\"bucket\":{\"name\":[{\"Ref\":\"" + bucket + "\"}]}");
    }
  }

  private static String logicalIdOfType(Map<String, Map<String, Object>> resources, String type, String prefix) {
    List<String> ids = resources.entrySet().stream()
        .filter(entry -> entry.getValue().get("Type").equals(type) && entry.getKey().startsWith(prefix))
        .map(Map.Entry::getKey).toList();
    assertThat(ids).as(type + " " + prefix + "*").hasSize(1);
    return ids.get(0);
  }

  /** The permission-bearing resources of the stack, as JSON text. */
  @SuppressWarnings("unchecked")
  private static String permissionsOf(String stackName) throws Exception {
    Map<String, Object> template = (Map<String, Object>) stacks.stream()
        .filter(stack -> stack.getStackName().equals(stackName)).findFirst().orElseThrow().getTemplate();
    Map<String, Map<String, Object>> resources = (Map<String, Map<String, Object>>) template.get("Resources");
    List<Object> permissions = resources.values().stream()
        .filter(resource -> PERMISSION_TYPES.contains((String) resource.get("Type")))
        .map(resource -> resource.get("Properties"))
        .toList();
    return new ObjectMapper().writeValueAsString(permissions);
  }
}
