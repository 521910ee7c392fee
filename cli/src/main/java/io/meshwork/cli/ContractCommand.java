package io.meshwork.cli;

import picocli.CommandLine.Command;

/**
 * {@code mesh contract}: the data contracts of what tenants receive, in the open standards. A parent command only:
 * without a subcommand picocli reports the missing subcommand (exit 2) with the usage. Add subcommands (diff,
 * verify...) to {@code subcommands}.
 */
@Command(name = "contract",
    description = "Data contracts of the products tenants receive: export them in the Open Data Contract Standard "
        + "(ODCS) and the Open Data Product Standard (ODPS), find changes that would break consumers, and verify a "
        + "published table against a contract.",
    subcommands = {ContractExportCommand.class, ContractDiffCommand.class, ContractVerifyCommand.class})
final class ContractCommand {

}
