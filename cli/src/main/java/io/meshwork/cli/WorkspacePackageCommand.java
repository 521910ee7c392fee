package io.meshwork.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.meshwork.model.access.LakeFormationPolicy;
import io.meshwork.model.access.SelectGrant;
import io.meshwork.model.definition.Catalog;
import io.meshwork.model.definition.Tenant;
import io.meshwork.model.parse.DirectoryDefinitionFiles;
import io.meshwork.model.plan.Planner;
import io.meshwork.model.plan.TenantPlan;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mesh workspace package --tenant T --workspace DIR --out FILE}: checks a tenant's workspace against the
 * provider's published catalogue (its ceiling included), shows the grants it compiles to, and writes the event the
 * tenant's Access function takes to apply it ({@code {"workspace": {"files": {...}}}}). The function checks it again
 * against the catalogue packaged with it before it changes anything.
 */
@Command(name = "package", description = "Check a tenant's workspace against the published ceiling and write the "
    + "event that applies it through the tenant's Access function.")
final class WorkspacePackageCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  CatalogOption catalogOption;

  @Mixin
  TenantOption tenantOption;

  @Option(names = {"-w", "--workspace"}, required = true, paramLabel = "DIR", description = "The tenant's workspace.")
  Path workspace;

  @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE",
      description = "Where the Access function's event is written (JSON).")
  Path out;

  @Override
  public Integer call() throws IOException {
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
      if (file.startsWith(io.meshwork.model.parse.WorkspaceFiles.PREFIX)) {
        files.put(file.substring(io.meshwork.model.parse.WorkspaceFiles.PREFIX.length()), override.transform().sql());
      }
    }
    catalog.customProducts(tenant).stream().filter(product -> product.transform().sqlFile()
        .startsWith(io.meshwork.model.parse.WorkspaceFiles.PREFIX)).forEach(product -> files.put(
            product.transform().sqlFile().substring(io.meshwork.model.parse.WorkspaceFiles.PREFIX.length()),
            product.transform().sql()));
    Files.writeString(out, new ObjectMapper().writeValueAsString(Map.of("workspace", Map.of("files", files))));
    PrintWriter writer = spec.commandLine().getOut();
    writer.printf("Workspace %s of tenant %s is within the ceiling: %d files, %d grants to %d principals.%n",
        workspace, tenant, files.size(), policy.selectGrants().size(),
        policy.selectGrants().stream().map(SelectGrant::grantee).distinct().count());
    writer.printf("Wrote %s. Apply it in the tenant's account (as one of its admins):%n", out);
    writer.printf("  aws lambda invoke --function-name meshwork-%s-access:live "
        + "--payload fileb://%s answer.json%n", tenant, out);
    return 0;
  }
}
