package io.meshwork.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code mesh catalog}: the browsable catalogue site (marketplace and tenant portals). */
@Command(name = "catalog", description = "Build the catalogue site: the provider's marketplace or a tenant's portal.",
    subcommands = {CatalogBuildCommand.class})
final class CatalogCommand implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
