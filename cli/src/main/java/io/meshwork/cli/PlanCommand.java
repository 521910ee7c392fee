package io.meshwork.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.meshwork.model.definition.Catalog;
import io.meshwork.model.definition.Tenant;
import io.meshwork.engine.pipeline.InputBytes;
import io.meshwork.engine.storage.LocalTenantStorage;
import io.meshwork.model.plan.ComputeSize;
import io.meshwork.model.plan.Planner;
import io.meshwork.model.plan.TenantPlan;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mesh plan --tenant T}: what would run for a tenant, in which waves, and why. */
@Command(name = "plan", description = "Show what would be computed for a tenant: waves, versions, parameters, engine,"
    + " Compute size, why.")
final class PlanCommand implements Callable<Integer> {

  /** Output formats. */
  enum Format { text, json }

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  CatalogOption catalogOption;

  @Mixin
  WorkspaceOption workspaceOption;

  @Mixin
  TenantOption tenantOption;

  @Mixin
  HomeOption homeOption;

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Override
  public Integer call() throws JsonProcessingException {
    Catalog catalog = catalogOption.load(workspaceOption);
    String tenant = tenantOption.require(catalog);
    workspaceOption.requireTenant(catalog, tenant);
    Tenant definition = catalog.tenant(tenant).orElseThrow();
    TenantPlan plan = new Planner(catalog).plan(tenant);
    Map<String, ComputeSize> sizes = sizes(tenant, plan);
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.json) {
      ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      out.println(mapper.writeValueAsString(PlanView.of(definition, plan, sizes)));
    } else {
      PlanText.print(definition, plan, sizes, out);
    }
    return 0;
  }

  /**
   * Each product's Compute size, with its inputs measured in the tenant's home when it has one (planning never
   * creates a home), else from the declared resources alone.
   */
  private Map<String, ComputeSize> sizes(String tenant, TenantPlan plan) {
    if (!LocalTenantStorage.exists(homeOption.home, tenant)) {
      return InputBytes.declared(plan);
    }
    try (LocalTenantStorage storage = LocalTenantStorage.open(homeOption.home, tenant)) {
      return InputBytes.sizes(storage.catalog(), plan);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("Cannot close the catalog of tenant " + tenant, e);
    }
  }
}
