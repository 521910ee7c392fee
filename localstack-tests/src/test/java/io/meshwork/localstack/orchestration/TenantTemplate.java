package io.meshwork.localstack.orchestration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meshwork.cdk.MeshworkApp;
import io.meshwork.cdk.TenantStack;
import io.meshwork.model.definition.Catalog;
import io.meshwork.model.definition.Problems;
import io.meshwork.model.definition.Tenant;
import io.meshwork.model.plan.Planner;
import io.meshwork.model.plan.TenantPlan;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.assertions.Template;
import software.constructs.IConstruct;

/**
 * A tenant's stack as {@code cdk synth} builds it (the cdk-app's own {@link TenantStack}, with the code of
 * {@code MESHWORK_FUNCTIONS_JAR}), with its CloudFormation template and the logical ids of its constructs, so the tests
 * create the emulator's resources from what would be deployed.
 */
final class TenantTemplate {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final TenantStack stack;
  private final JsonNode template;

  private TenantTemplate(TenantStack stack, JsonNode template) {
    this.stack = stack;
    this.template = template;
  }

  /** Plans {@code tenantId} against {@code catalog} and synthesizes its stack. */
  static TenantTemplate synthesize(Catalog catalog, String tenantId) {
    Tenant tenant = catalog.tenants().stream().filter(candidate -> candidate.id().equals(tenantId)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("The catalogue has no tenant " + tenantId));
    Problems problems = new Problems();
    TenantPlan plan = new Planner(catalog).plan(tenant, problems);
    problems.throwIfAny();
    App app = MeshworkApp.newApp();
    TenantStack stack = new TenantStack(app, tenant, plan, Optional.empty());
    return new TenantTemplate(stack, JSON.valueToTree(Template.fromStack(stack).toJSON()));
  }

  TenantStack stack() {
    return stack;
  }

  /** The logical id of {@code construct}'s CloudFormation resource (its default child). */
  String logicalId(IConstruct construct) {
    IConstruct resource = construct instanceof CfnElement ? construct : construct.getNode().getDefaultChild();
    if (!(resource instanceof CfnElement element)) {
      throw new IllegalArgumentException(construct.getNode().getPath() + " has no CloudFormation resource");
    }
    return stack.getLogicalId(element);
  }

  /** The properties of the resource {@code logicalId}. */
  JsonNode properties(String logicalId) {
    JsonNode resource = template.path("Resources").path(logicalId);
    if (resource.isMissingNode()) {
      throw new IllegalArgumentException("The template has no resource " + logicalId);
    }
    return resource.path("Properties");
  }

  /** The properties of {@code construct}'s resource. */
  JsonNode properties(IConstruct construct) {
    return properties(logicalId(construct));
  }

  /** The resources of {@code type}, by logical id, in template order. */
  Map<String, JsonNode> resources(String type) {
    Map<String, JsonNode> found = new LinkedHashMap<>();
    template.path("Resources").fields().forEachRemaining(entry -> {
      if (type.equals(entry.getValue().path("Type").asText())) {
        found.put(entry.getKey(), entry.getValue().path("Properties"));
      }
    });
    return found;
  }
}
