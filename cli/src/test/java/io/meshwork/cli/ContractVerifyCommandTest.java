package io.meshwork.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.engine.pipeline.Engine;
import io.meshwork.engine.pipeline.SourceDelivery;
import io.meshwork.model.definition.Catalog;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A consumer verifies a published table against the contract it was given, with no definitions at hand. */
class ContractVerifyCommandTest {

  private static final String CATALOGUE = "../engine/src/test/resources/pipeline-catalog";

  @TempDir
  Path home;
  @TempDir
  Path contracts;
  private Path contract;

  @BeforeEach
  void publishAndExport() throws Exception {
    Catalog catalog = CatalogOption.load(CATALOGUE);
    try (Engine engine = HomeOption.engine(catalog, home)) {
      new SourceDelivery(engine).deliver("helvetia", catalog.source("claims").orElseThrow(),
          "SELECT CAST(claim_id AS VARCHAR) AS claim_id, CAST(canton AS VARCHAR) AS canton, CAST(amount_chf AS "
              + "DECIMAL(12,2)) AS amount_chf FROM (VALUES ('c1', 'ZH', 120.50), ('c2', 'XX', 80.00)) "
              + "AS t(claim_id, canton, amount_chf)", "test claims");
    }
    assertThat(MeshRun.of("run", "--tenant", "helvetia", "--definitions", CATALOGUE, "--home", home.toString())
        .exitCode()).isZero();
    MeshRun export = MeshRun.of("contract", "export", "--tenant", "helvetia", "--product", "claims_clean",
        "--format", "odcs", "--output", contracts.toString(), "--definitions", CATALOGUE, "--home", home.toString());
    assertThat(export.exitCode()).as(export.err()).isZero();
    contract = contracts.resolve("helvetia/claims_clean.odcs.yaml");
  }

  @Test
  void verifyPasses_whenThePublishedTableHonoursTheContract() {
    MeshRun verify = verify(contract);

    assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
    assertThat(verify.out()).contains("  passed   primary_key(claim_id): 0 of 2 rows fail")
        .contains("  warning  accepted_values(canton): 1 of 2 rows fail: canton must be one of ZH, BE, GE, VD")
        .contains("The table honours the contract.");
  }

  @Test
  void aSourceContract_verifiesTheTenantsSourceTable() {
    MeshRun export = MeshRun.of("contract", "export", "--tenant", "helvetia", "--product", "claims", "--format",
        "odcs", "--output", contracts.toString(), "--definitions", CATALOGUE, "--home", home.toString());

    MeshRun verify = verify(contracts.resolve("helvetia/claims.odcs.yaml"));

    assertThat(export.exitCode()).as(export.err()).isZero();
    assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
    assertThat(verify.out()).startsWith("Verifying claims (table sources.claims_v1, snapshot ")
        .contains("  passed   required(claim_id): 0 of 2 rows fail: claim_id must not be empty (the contract marks "
            + "it required)\n")
        .contains("  passed   primary_key(claim_id): 0 of 2 rows fail").contains("The table honours the contract.");
  }

  @Test
  void verifyFails_whenTheSchemaDiffersFromTheContract() throws Exception {
    Path changed = contracts.resolve("changed.odcs.yaml");
    Files.writeString(changed, Files.readString(contract).replace("physicalType: decimal(12,2)",
        "physicalType: decimal(18,2)"));

    MeshRun verify = verify(changed);

    assertThat(verify.exitCode()).isEqualTo(1);
    assertThat(verify.out()).contains("  SCHEMA   column amount_chf is decimal(12, 2), the contract says "
        + "decimal(18, 2)\n").contains("The table does not honour the contract.");
  }

  @Test
  void verifyFails_whenTheTableNoLongerRequiresTheKeyColumn_namingColumnAndKey() throws Exception {
    try (io.meshwork.engine.storage.LocalTenantStorage storage = io.meshwork.engine.storage.LocalTenantStorage
        .open(home, "helvetia")) {
      io.meshwork.engine.storage.ProductTables.load(storage.catalog(), new io.meshwork.model.definition.TableName(
          "claims", "claims_clean_v1")).orElseThrow().updateSchema().setIdentifierFields(java.util.Set.of())
          .makeColumnOptional("claim_id").commit();
    }

    MeshRun verify = verify(contract);

    assertThat(verify.exitCode()).isEqualTo(1);
    assertThat(verify.out()).contains("  SCHEMA   column claim_id is optional in the table, the contract says "
        + "required\n  SCHEMA   the table's primary key is [], the contract says [claim_id]\n")
        .contains("The table does not honour the contract.");
  }

  @Test
  void verifyRefusesAFileThatIsNoContract_withExitTwo() throws Exception {
    Path notAContract = contracts.resolve("readme.yaml");
    Files.writeString(notAContract, "kind: Something\n");

    MeshRun verify = verify(notAContract);

    assertThat(verify.exitCode()).isEqualTo(2);
    assertThat(verify.err()).isEqualTo("mesh contract verify: Contract " + notAContract + " is not an ODCS v3 data "
        + "contract (kind: DataContract, apiVersion: v3.x). Export one with mesh contract export --format odcs.\n");
  }

  @Test
  void aDirectory_verifiesEveryContractOfTheTenantInIt() {
    MeshRun export = MeshRun.of("contract", "export", "--tenant", "helvetia", "--product", "claims", "--format",
        "odcs", "--output", contracts.toString(), "--definitions", CATALOGUE, "--home", home.toString());

    MeshRun verify = verify(contracts.resolve("helvetia"));

    assertThat(export.exitCode()).as(export.err()).isZero();
    assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
    assertThat(verify.out()).startsWith("Verifying claims (table sources.claims_v1, snapshot ")
        .contains("Verifying claims_clean (table claims.claims_clean_v1, snapshot ")
        .endsWith("2 contracts of tenant helvetia: 2 honoured, 0 not.\n");
  }

  @Test
  void aContractOfAnotherTenant_isRefusedWithExitTwo() {
    MeshRun verify = MeshRun.of("contract", "verify", "--contract", contract.toString(), "--tenant", "alpina",
        "--home", home.toString());

    assertThat(verify.exitCode()).isEqualTo(2);
    assertThat(verify.err()).isEqualTo("mesh contract verify: Contract " + contract + " was exported for tenant "
        + "helvetia, not alpina: pass --tenant helvetia, or the contract of tenant alpina.\n");
  }

  @Test
  void aDirectoryWithoutContractsOfTheTenant_isRefusedWithExitTwo() {
    MeshRun verify = MeshRun.of("contract", "verify", "--contract", contracts.resolve("helvetia").toString(),
        "--tenant", "alpina", "--home", home.toString());

    assertThat(verify.exitCode()).isEqualTo(2);
    assertThat(verify.err()).isEqualTo("mesh contract verify: No contract of tenant alpina (*.odcs.yaml) in "
        + contracts.resolve("helvetia") + "; it holds contracts of helvetia. Write them with mesh contract export "
        + "--tenant alpina --format odcs.\n");
  }

  @Test
  void awsOptionsWithoutAws_areRefusedWithExitTwo() {
    MeshRun verify = MeshRun.of("contract", "verify", "--contract", contract.toString(), "--tenant", "helvetia",
        "--home", home.toString(), "--region", "eu-central-2");

    assertThat(verify.exitCode()).isEqualTo(2);
    assertThat(verify.err()).isEqualTo("mesh contract verify: --region, --profile and --endpoint-url apply to the "
        + "tenant's AWS account: add --aws.\n");
  }

  @Test
  void aws_withAProfileThatHoldsNoCredentials_isExitTwo_sayingHowToSignIn() {
    MeshRun verify = MeshRun.of("contract", "verify", "--aws", "--contract", contract.toString(), "--tenant",
        "helvetia", "--region", "eu-central-2", "--profile", "meshwork-test-no-such-profile");

    assertThat(verify.exitCode()).isEqualTo(2);
    assertThat(verify.out()).isEmpty();
    assertThat(verify.err()).startsWith("mesh contract verify: No AWS credentials in profile "
        + "'meshwork-test-no-such-profile' (").endsWith("). Sign in to the tenant's account first: pass --profile "
        + "NAME of a profile with keys or a role, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and "
        + "AWS_SESSION_TOKEN), e.g. with 'aws configure export-credentials --format env'.\n");
  }

  private MeshRun verify(Path file) {
    return MeshRun.of("contract", "verify", "--contract", file.toString(), "--tenant", "helvetia", "--home",
        home.toString());
  }
}
