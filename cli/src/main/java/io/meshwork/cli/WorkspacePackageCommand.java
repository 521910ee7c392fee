package io.meshwork.cli;

import io.meshwork.model.runtime.RuntimeNames;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
    WorkspacePackage checked = WorkspacePackage.check(catalogOption, tenantOption, workspace);
    Files.writeString(out, checked.event());
    PrintWriter writer = spec.commandLine().getOut();
    writer.println(checked.summary());
    writer.printf("Wrote %s. Apply it in the tenant's account (as one of its admins) with mesh workspace apply, "
        + "or:%n", out);
    writer.printf("  aws lambda invoke --function-name %s:%s --payload fileb://%s answer.json%n",
        RuntimeNames.accessFunction(checked.tenant()), RuntimeNames.LIVE_ALIAS, out);
    return 0;
  }
}
