package io.meshwork.cli;

import io.meshwork.model.definition.Catalog;
import io.meshwork.model.definition.DataProduct;
import io.meshwork.model.definition.Diagnostic;
import io.meshwork.model.plan.Planner;
import io.meshwork.model.plan.TenantPlan;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code mesh validate [DIR]}: checks every definition and plans every tenant; reports all problems at once. */
@Command(name = "validate", description = "Check a catalogue: every file, every cross-reference, every tenant's plan.")
final class ValidateCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "DIR",
      defaultValue = "${MESH_DEFINITIONS:-" + CatalogOption.DEFAULT + "}",
      description = "Catalogue directory (default: $MESH_DEFINITIONS or ${DEFAULT-VALUE}).")
  String directory;

  @Mixin
  WorkspaceOption workspaceOption;

  @Override
  public Integer call() throws java.io.IOException {
    Catalog catalog = CatalogOption.load(directory, workspaceOption.directory());
    int tests = CatalogOption.transformTests(directory, workspaceOption.directory(), catalog).size();
    TenantAnnotationFiles.checkAll(directory, workspaceOption.directory(), catalog);
    java.nio.file.Path prices = java.nio.file.Path.of(directory, PriceSheetFile.NAME);
    if (java.nio.file.Files.isRegularFile(prices)) {
      PriceSheetFile.load(prices, catalog);
    }
    List<Diagnostic> warnings = CatalogOption.bindTransforms(directory, workspaceOption.directory(), catalog);
    PrintWriter out = spec.commandLine().getOut();
    // Warnings come first, each on its own line like an error, and leave the catalogue valid (exit 0).
    warnings.forEach(warning -> out.printf("%s: warning: %s%n", warning.location(), warning.message()));
    long productNames = catalog.products().stream().filter(product -> !product.isCustom())
        .map(DataProduct::name).distinct().count();
    long managedVersions = catalog.products().stream().filter(product -> !product.isCustom()).count();
    long custom = catalog.products().stream().filter(DataProduct::isCustom).count();
    out.printf("%s is valid: %d sources, %d products (%d versions), %d tenants, %d custom product%s, %d transform "
        + "test%s%s.%n", directory, catalog.sources().size(), productNames, managedVersions, catalog.tenants().size(),
        custom, custom == 1 ? "" : "s", tests, tests == 1 ? "" : "s", warnings.isEmpty() ? ""
            : ", " + warnings.size() + " warning" + (warnings.size() == 1 ? "" : "s"));
    workspaceOption.directory().ifPresent(workspace -> out.printf("  with the workspace %s of tenant %s%n", workspace,
        WorkspaceOption.owner(catalog).map(io.meshwork.model.definition.Tenant::id).orElse("(none)")));
    Planner planner = new Planner(catalog);
    for (String tenant : catalog.tenantIds()) {
      TenantPlan plan = planner.plan(tenant);
      out.printf("  %-16s %2d products in %d waves%n", tenant, plan.products().size(), plan.waves().size());
    }
    AthenaDialect.report(catalog, planner, out);
    return 0;
  }
}
