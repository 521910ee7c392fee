package io.meshwork.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.cdk.constructs.PipelineFunction;
import io.meshwork.model.definition.Catalog;
import io.meshwork.model.runtime.RuntimeNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Template;

/**
 * Cost allocation tags on demo tenant alpina's stack, and the usage path to the provider's central bus: the
 * environment that names it and the one permission to put events there.
 */
class CostAllocationTest {

  private static final String BUS = "arn:aws:events:eu-central-2:123456789012:event-bus/meshwork-runs";
  private static TenantStack stack;
  private static Map<String, Map<String, Object>> resources;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void synthesizeAlpinaWithTheCentralBus() {
    App app = MeshworkApp.newApp();
    Catalog catalog = DemoTenants.catalog();
    stack = MeshworkApp.addTenantStacks(app, catalog, List.of(catalog.tenant("alpina").orElseThrow()),
        Optional.empty()).get(0);
    stack.forwardRunEventsTo(BUS);
    resources = (Map<String, Map<String, Object>>) (Map<?, ?>) Template.fromStack(stack).toJSON().get("Resources");
  }

  @Test
  void everyTaggableResourceCarriesItsTenant() {
    List<String> tagged = new ArrayList<>();
    resources.forEach((id, resource) -> {
      Object tags = properties(resource).get("Tags");
      if (tags != null) {
        assertThat(tagValue(tags, RuntimeNames.TENANT_TAG)).as(id + " " + resource.get("Type")).isEqualTo("alpina");
        tagged.add((String) resource.get("Type"));
      }
    });
    assertThat(new TreeSet<>(tagged)).contains("AWS::S3::Bucket", "AWS::KMS::Key", "AWS::Lambda::Function",
        "AWS::IAM::Role", "AWS::StepFunctions::StateMachine", "AWS::SNS::Topic", "AWS::Logs::LogGroup",
        "AWS::CloudWatch::Alarm", "AWS::Athena::WorkGroup");
  }

  @Test
  void freshnessAlarmsCarryTheirProduct() {
    List<String> products = new ArrayList<>();
    resources.values().stream().filter(resource -> "AWS::CloudWatch::Alarm".equals(resource.get("Type")))
        .filter(resource -> String.valueOf(properties(resource).get("AlarmName")).endsWith("-freshness"))
        .forEach(resource -> {
          String name = String.valueOf(properties(resource).get("AlarmName"));
          String product = name.substring("meshwork-alpina-".length(), name.length() - "-freshness".length());
          assertThat(tagValue(properties(resource).get("Tags"), RuntimeNames.PRODUCT_TAG)).as(name)
              .isEqualTo(product);
          products.add(product);
        });
    assertThat(products).isNotEmpty();
    // A tenant-wide alarm serves no single product.
    resources.values().stream().filter(resource -> "AWS::CloudWatch::Alarm".equals(resource.get("Type")))
        .filter(resource -> String.valueOf(properties(resource).get("AlarmName")).endsWith("-refresh-failed"))
        .forEach(resource -> assertThat(tagValue(properties(resource).get("Tags"), RuntimeNames.PRODUCT_TAG))
            .isNull());
  }

  @Test
  void computeValidateAndPublishKnowTheCentralBus_andMayPutEventsOnItOnly() {
    for (PipelineFunction step : List.of(stack.pipeline().compute(), stack.pipeline().validate(),
        stack.pipeline().publish())) {
      Map<String, Object> function = resources.get(logicalId(step.function().getNode().getDefaultChild()));
      assertThat(variables(function)).containsEntry(RuntimeNames.USAGE_BUS_VARIABLE, BUS);
      assertThat(putEventsResources(logicalId(step.role().getNode().getDefaultChild()))).containsExactly(BUS);
    }
    assertThat(variables(resources.get(logicalId(stack.pipeline().plan().function().getNode().getDefaultChild()))))
        .doesNotContainKey(RuntimeNames.USAGE_BUS_VARIABLE);
  }

  @SuppressWarnings("unchecked")
  private static List<Object> putEventsResources(String roleId) {
    List<Object> found = new ArrayList<>();
    // The roles' statements overflow into managed policies when their inline policy is full.
    resources.values().stream().filter(resource -> List.of("AWS::IAM::Policy", "AWS::IAM::ManagedPolicy")
            .contains(resource.get("Type")))
        .filter(policy -> ((List<Object>) properties(policy).getOrDefault("Roles", List.of()))
            .contains(Map.of("Ref", roleId)))
        .flatMap(policy -> ((List<Map<String, Object>>) ((Map<String, Object>) properties(policy)
            .get("PolicyDocument")).get("Statement")).stream())
        .filter(statement -> List.of("events:PutEvents").equals(actions(statement)))
        .forEach(statement -> found.add(statement.get("Resource")));
    return found;
  }

  private static List<Object> actions(Map<String, Object> statement) {
    Object action = statement.get("Action");
    return action instanceof List<?> list ? List.copyOf(list) : List.of(action);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> variables(Map<String, Object> function) {
    return (Map<String, Object>) ((Map<String, Object>) properties(function).get("Environment")).get("Variables");
  }

  private static String logicalId(software.constructs.IConstruct construct) {
    return stack.resolve(((software.amazon.awscdk.CfnResource) construct).getLogicalId()).toString();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> properties(Map<String, Object> resource) {
    return (Map<String, Object>) resource.getOrDefault("Properties", Map.of());
  }

  /** A tag's value from either tag format CloudFormation uses: a list of Key/Value pairs, or a map. */
  @SuppressWarnings("unchecked")
  private static Object tagValue(Object tags, String key) {
    if (tags instanceof List<?> list) {
      return list.stream().map(tag -> (Map<String, Object>) tag).filter(tag -> key.equals(tag.get("Key")))
          .map(tag -> tag.get("Value")).findFirst().orElse(null);
    }
    return tags == null ? null : ((Map<String, Object>) tags).get(key);
  }
}
