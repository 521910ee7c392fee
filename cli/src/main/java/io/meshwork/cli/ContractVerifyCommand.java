package io.meshwork.cli;

import io.meshwork.engine.compute.Directories;
import io.meshwork.engine.compute.DuckDbCompute;
import io.meshwork.engine.contract.ContractVerification;
import io.meshwork.engine.quality.CheckResult;
import io.meshwork.engine.storage.LocalTenantStorage;
import io.meshwork.engine.storage.ProductTables;
import io.meshwork.engine.storage.StagedTenantStorage;
import io.meshwork.engine.storage.TenantStorage;
import io.meshwork.model.contract.ImportedContract;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;

/**
 * {@code mesh contract verify}: a consumer checks what it receives against exported contracts, without the
 * provider's definitions: in a local home, or with {@code --aws} in the tenant's own Glue Data Catalog and S3, read
 * with the tenant's credentials and never written.
 */
@Command(name = "verify", description = "Check a tenant's published tables against exported ODCS contracts, in the "
    + "local home or (--aws) in the Glue Data Catalog and S3 of the tenant's own AWS account.")
final class ContractVerifyCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  HomeOption homeOption;

  @Mixin
  AwsOption awsOption;

  @Option(names = {"-c", "--contract"}, required = true, paramLabel = "FILE|DIR",
      description = "An ODCS v3 contract as written by mesh contract export --format odcs, or a directory of them "
          + "(every *.odcs.yaml of the tenant in it, e.g. contracts/<tenant>).")
  Path contractPath;

  @Option(names = {"-t", "--tenant"}, required = true, paramLabel = "TENANT", description = "Tenant id.")
  String tenant;

  @Option(names = "--aws",
      description = "Read the tables from the Glue Data Catalog and S3 of the tenant's AWS account (read only; "
          + "credentials from the SDK's default chain or --profile) instead of the local home.")
  boolean aws;

  @Override
  public Integer call() throws Exception {
    if (!aws && (awsOption.region != null || awsOption.profile != null || awsOption.endpointUrl != null)) {
      throw new UserInputException("--region, --profile and --endpoint-url apply to the tenant's AWS account: add "
          + "--aws.");
    }
    List<ImportedContract> contracts = ContractFiles.forTenant(contractPath, tenant);
    PrintWriter out = spec.commandLine().getOut();
    if (!aws) {
      if (!Files.isDirectory(homeOption.home.resolve("tenants").resolve(tenant))) {
        throw new UserInputException("Tenant " + tenant + " has no data under " + homeOption.home + ". Pass the "
            + "Meshwork home with --home, or --aws to read the tenant's AWS account.");
      }
      try (LocalTenantStorage storage = LocalTenantStorage.open(homeOption.home, tenant)) {
        return verifyAll(storage, contracts, out, Optional.empty());
      }
    }
    Region region = awsOption.region(contracts.stream().flatMap(contract -> contract.awsRegion().stream())
        .findFirst());
    Map<String, String> properties = awsOption.glueCatalog(region);
    if (!io.meshwork.model.runtime.RuntimeNames.TENANT_ID.matcher(tenant).matches()) {
      throw new UserInputException("'" + tenant + "' is not a tenant id: 2 to 40 lower-case letters, digits and "
          + "hyphens, starting with a letter.");
    }
    Path staging = Files.createTempDirectory("mesh-verify-");
    try (StagedTenantStorage storage = StagedTenantStorage.open(tenant, properties, staging)) {
      return verifyAll(storage, contracts, out, Optional.of(region));
    } catch (SdkException e) {
      throw new UserInputException("AWS refused to read tenant " + tenant + "'s tables in " + region + ": "
          + e.getMessage() + " The credentials need glue:GetDatabase and glue:GetTable on the tenant's catalog "
          + "(Lake Formation DESCRIBE on its tables), s3:GetObject on its warehouse and kms:Decrypt with its data "
          + "key.");
    } finally {
      Directories.deleteRecursively(staging);
    }
  }

  /** Verifies each contract in turn; exit 0 when every table honours its contract, 1 otherwise. */
  private int verifyAll(TenantStorage storage, List<ImportedContract> contracts, PrintWriter out,
      Optional<Region> region) throws Exception {
    int honoured = 0;
    for (ImportedContract contract : contracts) {
      if (region.isPresent() && ProductTables.load(storage.catalog(), contract.table()).isEmpty()) {
        throw new UserInputException("The Glue Data Catalog in " + region.get() + " has no table "
            + contract.table().table() + " in database " + contract.table().namespace() + " (contract "
            + contract.file() + " of tenant " + tenant + "). Check that the credentials (--profile) and --region "
            + "are those of tenant " + tenant + "'s account, and that " + contract.name() + " was published there.");
      }
      ContractVerification.Report report;
      try {
        report = ContractVerification.verify(storage, new DuckDbCompute(HomeOption.limits()), contract);
      } catch (IllegalArgumentException e) {
        throw new UserInputException(e.getMessage());
      }
      print(report, contract, out);
      honoured += report.holds() ? 1 : 0;
    }
    if (contracts.size() > 1) {
      out.printf("%d contracts of tenant %s: %d honoured, %d not.%n", contracts.size(), tenant, honoured,
          contracts.size() - honoured);
    }
    return honoured == contracts.size() ? 0 : Mesh.INTERNAL_ERROR;
  }

  private void print(ContractVerification.Report report, ImportedContract contract, PrintWriter out) {
    out.printf("Verifying %s (table %s, snapshot %d) of tenant %s against %s%n", contract.name(), report.table(),
        report.snapshotId(), tenant, contract.file());
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
  }
}
