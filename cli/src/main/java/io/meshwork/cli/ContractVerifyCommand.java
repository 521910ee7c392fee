package io.meshwork.cli;

import io.meshwork.engine.contract.ContractVerification;
import io.meshwork.engine.storage.LocalTenantStorage;
import io.meshwork.engine.quality.CheckResult;
import io.meshwork.model.contract.ImportedContract;
import io.meshwork.model.contract.OdcsReader;
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
 * {@code mesh contract verify}: a consumer checks what it receives against an exported contract, without the
 * provider's definitions.
 */
@Command(name = "verify", description = "Check a tenant's published table against an exported ODCS contract.")
final class ContractVerifyCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  HomeOption homeOption;

  @Option(names = {"-c", "--contract"}, required = true, paramLabel = "FILE",
      description = "An ODCS v3 contract, as written by mesh contract export --format odcs.")
  Path contractFile;

  @Option(names = {"-t", "--tenant"}, required = true, paramLabel = "TENANT", description = "Tenant id.")
  String tenant;

  @Override
  public Integer call() throws Exception {
    ImportedContract contract = read(contractFile);
    if (!Files.isDirectory(homeOption.home.resolve("tenants").resolve(tenant))) {
      throw new UserInputException("Tenant " + tenant + " has no data under " + homeOption.home + ". Pass the "
          + "Meshwork home with --home.");
    }
    PrintWriter out = spec.commandLine().getOut();
    ContractVerification.Report report;
    try (LocalTenantStorage storage = LocalTenantStorage.open(homeOption.home, tenant)) {
      report = ContractVerification.verify(storage, new io.meshwork.engine.compute.DuckDbCompute(HomeOption.limits()),
          contract);
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage());
    }
    out.printf("Verifying %s (table %s, snapshot %d) of tenant %s against %s%n", contract.name(), report.table(),
        report.snapshotId(), tenant, contractFile);
    report.schemaProblems().forEach(problem -> out.println("  SCHEMA   " + problem));
    long failed = 0;
    for (CheckResult check : report.checks()) {
      String status = check.passed() ? "passed" : check.blocking() ? "FAILED" : "warning";
      failed += check.passed() || !check.blocking() ? 0 : 1;
      out.printf("  %-8s %s: %s%n", status, check.label(), check.message());
      if (!check.passed()) {
        check.sample().forEach(row -> out.printf("             e.g. %s%n", row));
      }
    }
    report.notChecked().forEach(reason -> out.println("  skipped  " + reason));
    long passed = report.checks().size() - failed;
    out.printf("%d passed, %d failed%n", passed, failed + report.schemaProblems().size());
    out.println(report.holds() ? "The table honours the contract." : "The table does not honour the contract.");
    return report.holds() ? 0 : Mesh.INTERNAL_ERROR;
  }

  private static ImportedContract read(Path file) {
    try {
      return OdcsReader.read(file.toString(), Files.readString(file));
    } catch (IOException e) {
      throw new UserInputException("Cannot read contract " + file + ": " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage());
    }
  }
}
