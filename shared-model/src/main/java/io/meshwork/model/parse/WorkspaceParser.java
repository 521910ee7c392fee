package io.meshwork.model.parse;

import io.meshwork.model.definition.Delegation;
import io.meshwork.model.definition.Location;
import io.meshwork.model.definition.Problems;
import io.meshwork.model.definition.Tenant;
import java.util.List;
import java.util.Optional;

/** Reads a {@code kind: Workspace} document: what a tenant adds to its part of the provider's catalogue. */
final class WorkspaceParser {

  static final String KIND = "Workspace";

  private static final List<String> KEYS = List.of("apiVersion", "kind", "tenant", "principals", "groups", "grants",
      "overrides");

  private WorkspaceParser() {
  }

  /** A tenant's workspace document, before it is layered over the tenant file. */
  record Workspace(String tenant, List<Tenant.Principal> principals, List<Delegation.Group> groups,
      List<Delegation.Grant> grants, List<Tenant.Override> overrides, Location location) {
    Workspace {
      principals = List.copyOf(principals);
      groups = List.copyOf(groups);
      grants = List.copyOf(grants);
      overrides = List.copyOf(overrides);
    }
  }

  static Optional<Workspace> parse(YamlMap document, DocumentContext context) {
    Problems problems = context.problems();
    Optional<String> tenant = document.requiredText("The Workspace", "tenant", "alpina")
        .flatMap(text -> Names.tenantId(problems, document.locationOf("tenant"), text));
    String what = "the workspace of tenant " + tenant.orElse("(unnamed)");
    document.allowOnly(what, KEYS);
    List<Tenant.Principal> principals = TenantParser.principals(document, what, problems, false);
    List<Delegation.Group> groups = DelegationParser.groups(document, what, problems);
    List<Delegation.Grant> grants = DelegationParser.grants(document, what, problems);
    List<Tenant.Override> overrides = TenantParser.overrides(document, what, context);
    return tenant.map(id -> new Workspace(id, principals, groups, grants, overrides, document.locationOf("tenant")));
  }
}
