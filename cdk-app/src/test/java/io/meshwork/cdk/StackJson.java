package io.meshwork.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;
import software.constructs.IConstruct;

/** Reads parts of a synthesized template as JSON, for exact assertions on policies and properties. */
final class StackJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private StackJson() {
  }

  static String logicalId(Stack stack, IConstruct construct) {
    IConstruct resource = construct instanceof CfnElement ? construct : construct.getNode().getDefaultChild();
    return stack.getLogicalId((CfnElement) resource);
  }

  /** The statements of the one policy attached to role {@code roleLogicalId}. */
  @SuppressWarnings("unchecked")
  static JsonNode statementsOf(Template template, String roleLogicalId) {
    List<Map<String, Object>> policies = template.findResources("AWS::IAM::Policy").values().stream()
        .filter(policy -> ((List<Object>) properties(policy).get("Roles")).contains(Map.of("Ref", roleLogicalId)))
        .toList();
    assertThat(policies).as("policies of " + roleLogicalId).hasSize(1);
    return json(((Map<String, Object>) properties(policies.get(0)).get("PolicyDocument")).get("Statement"));
  }

  /** The statements of the one resource of {@code type} (a bucket or key policy) by their Sid. */
  @SuppressWarnings("unchecked")
  static Map<String, JsonNode> statementsBySid(Map<String, Object> policyDocument) {
    Map<String, JsonNode> bySid = new LinkedHashMap<>();
    json(policyDocument.get("Statement")).forEach(statement -> bySid.put(statement.path("Sid").asText(),
        statement));
    return bySid;
  }

  /** The properties of the resource {@code logicalId}. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> propertiesOf(Template template, String logicalId) {
    return properties((Map<String, Object>) ((Map<String, Object>) template.toJSON().get("Resources"))
        .get(logicalId));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> properties(Map<String, Object> resource) {
    return (Map<String, Object>) resource.get("Properties");
  }

  static JsonNode json(Object value) {
    return JSON.valueToTree(value);
  }
}
