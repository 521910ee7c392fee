package io.meshwork.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meshwork.model.access.LakeFormationPolicy;
import io.meshwork.model.access.SelectGrant;
import io.meshwork.model.definition.Catalog;
import io.meshwork.model.definition.Tenant;
import io.meshwork.model.parse.DirectoryDefinitionFiles;
import io.meshwork.model.parse.WorkspaceFiles;
import io.meshwork.model.plan.Planner;
import io.meshwork.model.plan.TenantPlan;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A tenant's workspace checked against the provider's published catalogue (its ceiling included, with the messages
 * of {@code mesh validate --workspace}) and packaged as the event the tenant's Access function takes:
 * {@code {"workspace": {"files": {...}}}}, the workspace's definitions and the SQL they name. The function checks it
 * again against the catalogue packaged with it before it changes anything.
 *
 * @param files the workspace's files by path inside the workspace
 */
record WorkspacePackage(String tenant, Path workspace, Map<String, String> files, LakeFormationPolicy policy) {

  WorkspacePackage {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(workspace, "workspace");
    files = Map.copyOf(new TreeMap<>(files));
    Objects.requireNonNull(policy, "policy");
  }

  /** Loads and checks {@code workspace} for the tenant {@code tenantOption} names; invalid input is exit 2. */
  static WorkspacePackage check(CatalogOption catalogOption, TenantOption tenantOption, Path workspace) {
    WorkspaceOption option = new WorkspaceOption();
    option.workspace = workspace;
    Catalog catalog = catalogOption.load(option);
    String tenant = tenantOption.require(catalog);
    option.requireTenant(catalog, tenant);
    CatalogOption.transformTests(catalogOption.directory, option.directory(), catalog);
    Tenant definition = catalog.tenant(tenant).orElseThrow();
    TenantPlan plan = new Planner(catalog).plan(tenant);
    LakeFormationPolicy policy = LakeFormationPolicy.of(definition, plan, definition.account().id());
    Map<String, String> files = new TreeMap<>();
    DirectoryDefinitionFiles directory = new DirectoryDefinitionFiles(workspace);
    for (String path : directory.definitionPaths()) {
      files.put(path, directory.read(path).orElseThrow());
    }
    for (Tenant.Override override : definition.overrides()) {
      String file = override.transform().sqlFile();
      if (file.startsWith(WorkspaceFiles.PREFIX)) {
        files.put(file.substring(WorkspaceFiles.PREFIX.length()), override.transform().sql());
      }
    }
    catalog.customProducts(tenant).stream().filter(product -> product.transform().sqlFile()
        .startsWith(WorkspaceFiles.PREFIX)).forEach(product -> files.put(
            product.transform().sqlFile().substring(WorkspaceFiles.PREFIX.length()), product.transform().sql()));
    return new WorkspacePackage(tenant, workspace, files, policy);
  }

  /** The Access function's event. */
  String event() {
    try {
      return new ObjectMapper().writeValueAsString(Map.of("workspace", Map.of("files", new TreeMap<>(files))));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One line: the workspace is within the ceiling, with its size and the grants it compiles to. */
  String summary() {
    return String.format("Workspace %s of tenant %s is within the ceiling: %d files, %d grants to %d principals.",
        workspace, tenant, files.size(), policy.selectGrants().size(),
        policy.selectGrants().stream().map(SelectGrant::grantee).distinct().count());
  }
}
