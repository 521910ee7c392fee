package io.meshwork.localstack.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A synthesized template made deployable by the emulator: the resources of {@link #UNSUPPORTED} types are removed,
 * and so is every {@code DependsOn} on them. Any other reference to a removed resource ({@code Ref},
 * {@code Fn::GetAtt}, {@code Fn::Sub}) fails loudly: a kept resource that needs a removed one cannot be deployed
 * faithfully, and silently dropping the property would deploy something else.
 *
 * @param template the deployable template (a copy; the synthesized one is unchanged)
 * @param removed the removed resources' types by logical id, in template order
 */
record EmulatorTemplate(ObjectNode template, Map<String, String> removed) {

  /**
   * The resource types of Meshwork's stacks that MiniStack 1.5.33's CloudFormation cannot create, each with why.
   * Its provisioners ({@code ministack/services/cloudformation/provisioners.py}, {@code _RESOURCE_HANDLERS}) have
   * none of these, and CreateStack fails with "Unsupported resource type" on the first one. Every other type of the
   * tenant and provider stacks has a provisioner.
   */
  static final Map<String, String> UNSUPPORTED = unsupported();

  private static final Pattern SUB_REFERENCE = Pattern.compile("\\$\\{([A-Za-z0-9]+)(?:\\.[A-Za-z0-9.]+)?}");

  private static Map<String, String> unsupported() {
    String lakeFormation = "MiniStack has no Lake Formation service and no provisioner for its types; the tenant's "
        + "tags and grants go to moto's Lake Formation through LakeFormationReconciler (LakeFormationReconcilerTest)";
    Map<String, String> types = new TreeMap<>();
    types.put("AWS::LakeFormation::DataLakeSettings", lakeFormation);
    types.put("AWS::LakeFormation::PrincipalPermissions", lakeFormation);
    types.put("AWS::LakeFormation::Resource", lakeFormation);
    types.put("Custom::MeshworkAccess", "MiniStack executes java25 functions only as a mock success, so the access "
        + "function behind this custom resource never runs, and its Lake Formation calls would need moto anyway; "
        + "the reconciler is tested against moto (LakeFormationReconcilerTest) and the custom resource protocol "
        + "against a stand-in response URL (AccessFunctionTest)");
    types.put("AWS::CloudTrail::Trail", "MiniStack's CloudFormation has no provisioner for trails; the access trail "
        + "is checked on the template (AccessAuditTest) and by cfn-lint (TemplatesLintTest)");
    types.put("AWS::Events::Archive", "no provisioner in MiniStack (its EventBridge has archives only through the "
        + "API)");
    types.put("AWS::Events::EventBusPolicy", "no provisioner in MiniStack (its EventBridge takes bus policies only "
        + "through PutPermission)");
    return Map.copyOf(types);
  }

  /** {@code synthesized} without the resources of unsupported types. */
  static EmulatorTemplate of(ObjectNode synthesized) {
    ObjectNode template = synthesized.deepCopy();
    ObjectNode resources = (ObjectNode) template.path("Resources");
    Map<String, String> removed = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> entries = resources.fields(); entries.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = entries.next();
      String type = entry.getValue().path("Type").asText();
      if (UNSUPPORTED.containsKey(type)) {
        removed.put(entry.getKey(), type);
        entries.remove();
      }
    }
    List<String> problems = new ArrayList<>();
    resources.fields().forEachRemaining(entry -> {
      ObjectNode resource = (ObjectNode) entry.getValue();
      dropDependencies(resource, removed);
      references(resource, removed, "resource " + entry.getKey(), problems);
    });
    template.path("Outputs").fields().forEachRemaining(entry ->
        references(entry.getValue(), removed, "output " + entry.getKey(), problems));
    template.path("Conditions").fields().forEachRemaining(entry ->
        references(entry.getValue(), removed, "condition " + entry.getKey(), problems));
    if (!problems.isEmpty()) {
      throw new IllegalStateException("Cannot deploy the template to the emulator without resources it needs:\n"
          + String.join("\n", problems));
    }
    return new EmulatorTemplate(template, Map.copyOf(removed));
  }

  /** How many resources of each type were removed. */
  Map<String, Long> removedCounts() {
    Map<String, Long> counts = new TreeMap<>();
    removed.values().forEach(type -> counts.merge(type, 1L, Long::sum));
    return counts;
  }

  private static void dropDependencies(ObjectNode resource, Map<String, String> removed) {
    JsonNode dependsOn = resource.get("DependsOn");
    if (dependsOn == null) {
      return;
    }
    ArrayNode kept = resource.arrayNode();
    (dependsOn.isArray() ? dependsOn : resource.arrayNode().add(dependsOn)).forEach(dependency -> {
      if (!removed.containsKey(dependency.asText())) {
        kept.add(dependency);
      }
    });
    if (kept.isEmpty()) {
      resource.remove("DependsOn");
    } else {
      resource.set("DependsOn", kept);
    }
  }

  /** Adds a problem for every Ref, GetAtt or Sub in {@code node} that names a removed resource. */
  private static void references(JsonNode node, Map<String, String> removed, String where, List<String> problems) {
    if (node.isObject()) {
      node.fields().forEachRemaining(entry -> {
        JsonNode value = entry.getValue();
        String target = switch (entry.getKey()) {
          case "Ref" -> value.asText();
          case "Fn::GetAtt" -> value.isArray() ? value.path(0).asText() : value.asText().split("\\.")[0];
          default -> null;
        };
        if (target != null && removed.containsKey(target)) {
          problems.add(where + " refers to " + target + " (" + removed.get(target) + ") through " + entry.getKey());
        }
        if (entry.getKey().equals("Fn::Sub")) {
          Matcher matcher = SUB_REFERENCE.matcher(value.isArray() ? value.path(0).asText() : value.asText());
          while (matcher.find()) {
            if (removed.containsKey(matcher.group(1))) {
              problems.add(where + " refers to " + matcher.group(1) + " (" + removed.get(matcher.group(1))
                  + ") through Fn::Sub");
            }
          }
        }
        references(value, removed, where, problems);
      });
    } else if (node.isArray()) {
      node.forEach(element -> references(element, removed, where, problems));
    }
  }
}
