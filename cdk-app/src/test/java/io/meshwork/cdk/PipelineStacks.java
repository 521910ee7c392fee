package io.meshwork.cdk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meshwork.model.definition.Catalog;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Template;

/**
 * The demo tenants' stacks, synthesized once for the pipeline tests. Their Lambda code is the placeholder directory
 * that {@code MESHWORK_FUNCTIONS_JAR} names in the Surefire configuration: these tests check resources, not code.
 */
final class PipelineStacks {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static Catalog catalog;
  private static Map<String, TenantStack> stacks;
  private static final Map<String, Template> TEMPLATES = new LinkedHashMap<>();

  private PipelineStacks() {
  }

  static synchronized Catalog catalog() {
    if (catalog == null) {
      catalog = DemoTenants.catalog();
    }
    return catalog;
  }

  /** The stack of demo tenant {@code tenant}. */
  static synchronized TenantStack stack(String tenant) {
    if (stacks == null) {
      App app = MeshworkApp.newApp();
      stacks = new LinkedHashMap<>();
      MeshworkApp.addTenantStacks(app, catalog(), catalog().tenants(), Optional.empty())
          .forEach(stack -> stacks.put(stack.getStackName().substring(TenantStack.NAME_PREFIX.length()), stack));
    }
    return stacks.get(tenant);
  }

  static synchronized Template template(String tenant) {
    return TEMPLATES.computeIfAbsent(tenant, id -> Template.fromStack(stack(id)));
  }

  static List<String> tenants() {
    return catalog().tenants().stream().map(tenant -> tenant.id()).toList();
  }

  /**
   * The definition of the template's one state machine as JSON. CloudFormation references inside it (function
   * aliases, the topic, the partition) appear as {@code ${Ref:LogicalId}}, {@code ${LogicalId.Attribute}} or
   * {@code ${AWS::Partition}} in the strings that hold them.
   */
  @SuppressWarnings("unchecked")
  static JsonNode definition(Template template) {
    Map<String, Map<String, Object>> machines = template.findResources("AWS::StepFunctions::StateMachine");
    if (machines.size() != 1) {
      throw new AssertionError("Expected one state machine, found " + machines.keySet());
    }
    Map<String, Object> properties = (Map<String, Object>) machines.values().iterator().next().get("Properties");
    Object definition = properties.get("DefinitionString");
    StringBuilder text = new StringBuilder();
    if (definition instanceof String string) {
      text.append(string);
    } else {
      List<Object> parts = (List<Object>) ((List<Object>) ((Map<String, Object>) definition).get("Fn::Join")).get(1);
      for (Object part : parts) {
        text.append(part instanceof String string ? string : reference((Map<String, Object>) part));
      }
    }
    try {
      return JSON.readTree(text.toString());
    } catch (JsonProcessingException e) {
      throw new AssertionError("The state machine definition is not JSON: " + text, e);
    }
  }

  @SuppressWarnings("unchecked")
  private static String reference(Map<String, Object> intrinsic) {
    if (intrinsic.containsKey("Ref")) {
      String name = (String) intrinsic.get("Ref");
      return name.startsWith("AWS::") ? "${" + name + "}" : "${Ref:" + name + "}";
    }
    List<String> attribute = (List<String>) intrinsic.get("Fn::GetAtt");
    return "${" + attribute.get(0) + "." + attribute.get(1) + "}";
  }
}
