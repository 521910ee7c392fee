package io.meshwork.cli;

import picocli.CommandLine.Command;

/** {@code mesh workspace}: what a tenant admin does with the tenant's workspace. A parent command only. */
@Command(name = "workspace", description = "A tenant's workspace: apply it through the tenant's Access function, "
    + "or package it for that function.",
    subcommands = {WorkspaceApplyCommand.class, WorkspacePackageCommand.class})
final class WorkspaceCommand {

}
