package io.meshwork.localstack.access;

import io.meshwork.cdk.MeshworkApp;
import io.meshwork.cdk.TenantStack;
import io.meshwork.model.access.Ceiling;
import io.meshwork.model.access.LakeFormationPolicy;
import io.meshwork.model.definition.Catalog;
import io.meshwork.model.definition.Problems;
import io.meshwork.model.definition.Tenant;
import io.meshwork.model.parse.CatalogLoader;
import io.meshwork.model.parse.DirectoryDefinitionFiles;
import io.meshwork.model.parse.WorkspaceFiles;
import io.meshwork.model.plan.Planner;
import io.meshwork.model.plan.TenantPlan;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.assertions.Template;

/**
 * A demo tenant of the shipped catalogue ({@code ../product-definitions/catalog}): its plan, its compiled Lake
 * Formation policy, and its synthesized tenant stack, all from the same definitions.
 *
 * @param account the tenant's account id, where its Data Catalog and principals are
 */
record ShippedTenant(Tenant tenant, TenantPlan plan, LakeFormationPolicy policy, String account) {

  static final Path CATALOG_DIRECTORY = Path.of("..", "product-definitions", "catalog");

  static ShippedTenant of(String id) {
    Catalog catalog = CatalogLoader.load(new DirectoryDefinitionFiles(CATALOG_DIRECTORY));
    return of(catalog, catalog.tenant(id).orElseThrow(() -> new IllegalArgumentException("No tenant " + id)));
  }

  /** Demo tenant {@code id} with its example workspace ({@code ../product-definitions/workspaces/<id>}) layered. */
  static ShippedTenant withWorkspace(String id) {
    Catalog catalog = CatalogLoader.load(new WorkspaceFiles(new DirectoryDefinitionFiles(CATALOG_DIRECTORY),
        new DirectoryDefinitionFiles(Path.of("..", "product-definitions", "workspaces", id))));
    return of(catalog, catalog.tenant(id).orElseThrow(() -> new IllegalArgumentException("No tenant " + id)));
  }

  /** The provider's ceiling for this tenant, as the reconciler re-checks it. */
  Ceiling ceiling() {
    return new Ceiling(tenant, plan);
  }

  /** This tenant changed to {@code changed} (same id), planned against the shipped catalogue. */
  ShippedTenant with(Tenant changed) {
    return of(CatalogLoader.load(new DirectoryDefinitionFiles(CATALOG_DIRECTORY)), changed);
  }

  /** {@code policy} minus what moto cannot create: the data cells filters and the grants on them. */
  static LakeFormationPolicy withoutFilters(LakeFormationPolicy policy) {
    return new LakeFormationPolicy(policy.tenantId(), policy.tags(), policy.databaseTags(), policy.columnTags(),
        List.of(), policy.selectGrants().stream().filter(grant -> grant.filter().isEmpty()).toList(),
        policy.describeGrants());
  }

  private static ShippedTenant of(Catalog catalog, Tenant tenant) {
    String id = tenant.id();
    Problems problems = new Problems();
    TenantPlan plan = new Planner(catalog).plan(tenant, problems);
    problems.throwIfAny();
    String account = tenant.account().id().orElseThrow(() -> new IllegalArgumentException(
        "Tenant " + id + " has no account id"));
    return new ShippedTenant(tenant, plan, LakeFormationPolicy.of(tenant, plan, Optional.of(account)), account);
  }

  /** The tenant's stack as {@code cdk synth} builds it. */
  Template template() {
    return Template.fromStack(new TenantStack(MeshworkApp.newApp(), tenant, plan, Optional.empty()));
  }
}
