package io.meshwork.cli;

import picocli.CommandLine.Command;

/** {@code mesh workspace}: what a tenant admin does with the tenant's workspace. A parent command only. */
@Command(name = "workspace", description = "A tenant's workspace: package it for the tenant's Access function.",
    subcommands = {WorkspacePackageCommand.class})
final class WorkspaceCommand {

}
