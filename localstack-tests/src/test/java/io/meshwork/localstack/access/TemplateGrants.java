package io.meshwork.localstack.access;

import io.meshwork.functions.access.LakeFormationGrant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awscdk.assertions.Template;

/**
 * The grants of a synthesized template's {@code AWS::LakeFormation::PrincipalPermissions} to the tenant's principals,
 * as {@link LakeFormationGrant}s. Grants to roles of the stack itself (their principal is a {@code Fn::GetAtt}, e.g.
 * the pipeline's) are not part of the access policy and are left out.
 */
final class TemplateGrants {

  private TemplateGrants() {
  }

  @SuppressWarnings("unchecked")
  static Set<LakeFormationGrant> of(Template template) {
    return template.findResources("AWS::LakeFormation::PrincipalPermissions").values().stream()
        .map(resource -> (Map<String, Object>) resource.get("Properties"))
        .filter(properties -> ((Map<String, Object>) properties.get("Principal"))
            .get("DataLakePrincipalIdentifier") instanceof String)
        .map(TemplateGrants::grant)
        .collect(Collectors.toSet());
  }

  @SuppressWarnings("unchecked")
  private static LakeFormationGrant grant(Map<String, Object> properties) {
    String principal = (String) ((Map<String, Object>) properties.get("Principal")).get("DataLakePrincipalIdentifier");
    List<String> permissions = (List<String>) properties.get("Permissions");
    Map<String, Object> resource = (Map<String, Object>) properties.get("Resource");
    if (resource.get("TableWithColumns") instanceof Map<?, ?> table) {
      return LakeFormationGrant.onTable(principal, (String) table.get("DatabaseName"), (String) table.get("Name"),
          (List<String>) table.get("ColumnNames"), permissions);
    }
    if (resource.get("DataCellsFilter") instanceof Map<?, ?> filter) {
      return LakeFormationGrant.onFilter(principal, (String) filter.get("DatabaseName"),
          (String) filter.get("TableName"), (String) filter.get("Name"), permissions);
    }
    if (resource.get("LFTagPolicy") instanceof Map<?, ?> policy) {
      List<Map<String, Object>> expression = (List<Map<String, Object>>) policy.get("Expression");
      if (expression.size() != 1) {
        throw new IllegalArgumentException("Expected one tag condition: " + policy);
      }
      return LakeFormationGrant.onTagged(principal, (String) policy.get("ResourceType"),
          (String) expression.get(0).get("TagKey"), (List<String>) expression.get(0).get("TagValues"), permissions);
    }
    throw new IllegalArgumentException("A grant to " + principal + " on a resource the policy never grants on: "
        + resource);
  }
}
