package io.meshwork.localstack.pipeline;

import static io.meshwork.localstack.pipeline.GlueTenant.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.demodata.SeedOptions;
import io.meshwork.engine.pipeline.PublishResult;
import io.meshwork.engine.storage.ProductTables;
import io.meshwork.localstack.emulators.EmulatorEndpoints;
import io.meshwork.localstack.emulators.EmulatorTest;
import io.meshwork.localstack.mesh.MeshRun;
import io.meshwork.model.definition.TableName;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mesh contract verify --aws} as a tenant runs it in its own account: claims_clean published by the real
 * Lambda handlers into the emulator's Glue Data Catalog and S3 (a fresh account), its contract and its source's
 * exported with {@code mesh contract export}, then verified through the CLI's own command line in this JVM with the
 * account's credentials from the SDK's default chain (the {@code aws.accessKeyId} system property) and the
 * emulator's endpoint. Each alteration is made with Iceberg's {@code GlueCatalog} directly, behind Meshwork's back.
 */
@EmulatorTest
class ContractVerifyOnAwsTest {

  private static final String CLAIMS_CLEAN = "claims_clean";
  private static final String CATALOGUE = GlueTenant.CATALOG_DIRECTORY.toString();

  @TempDir
  Path home;
  @TempDir
  Path contracts;
  private GlueTenant tenant;
  private LambdaEnvironment environment;

  @BeforeEach
  void publishClaimsCleanAndExportItsContracts(EmulatorEndpoints endpoints) {
    tenant = GlueTenant.create(endpoints, home);
    environment = LambdaEnvironment.apply(tenant.lambdaEnvironment());
    tenant.seed(new SeedOptions(300, 7), "claims", "providers");
    try (LambdaHandlers handlers = new LambdaHandlers(home.resolve("functions"))) {
      assertThat(handlers.refresh(TENANT, "r1", CLAIMS_CLEAN).product(CLAIMS_CLEAN).publish().status())
          .isEqualTo(PublishResult.Status.PUBLISHED);
    }
    for (String product : List.of(CLAIMS_CLEAN, "claims")) {
      MeshRun export = MeshRun.of("contract", "export", "--tenant", TENANT, "--product", product, "--format", "odcs",
          "--output", contracts.toString(), "--definitions", CATALOGUE);
      assertThat(export.exitCode()).as(export.printed()).isZero();
    }
  }

  @AfterEach
  void closeTenant() throws IOException {
    try {
      tenant.close();
    } finally {
      environment.close();
    }
  }

  @Test
  void aGoodPublish_honoursEveryExportedContract_readFromGlueAndS3() {
    long snapshot = tenant.table(CLAIMS_CLEAN).currentSnapshot().snapshotId();

    MeshRun verify = verify(contracts.resolve(TENANT));

    assertThat(verify.exitCode()).as(verify.printed()).isZero();
    assertThat(verify.out())
        .contains("Verifying claims (table sources.claims_v2, snapshot ")
        .contains("Verifying claims_clean (table claims.claims_clean_v1, snapshot " + snapshot + ") of tenant alpina "
            + "against " + contracts.resolve(TENANT).resolve("claims_clean.odcs.yaml") + "\n")
        .contains("  passed   unique(claim_id): 0 of ")
        .doesNotContain("SCHEMA", "FAILED")
        .endsWith("2 contracts of tenant alpina: 2 honoured, 0 not.\n");
  }

  @Test
  void aColumnRenamedInGlue_failsVerification_namingTheColumn() {
    try (GlueCatalogDirectly glue = new GlueCatalogDirectly(tenant)) {
      glue.table(new TableName("claims", "claims_clean_v1")).updateSchema()
          .renameColumn("provider_type", "provider_kind").commit();
    }

    MeshRun verify = verify(contracts.resolve(TENANT).resolve("claims_clean.odcs.yaml"));

    assertThat(verify.exitCode()).as(verify.printed()).isEqualTo(1);
    assertThat(verify.out()).contains("  SCHEMA   column provider_type is missing from the table\n")
        .endsWith("0 passed, 1 failed\nThe table does not honour the contract.\n");
  }

  @Test
  void rowsAppendedBehindMeshworksBack_failTheKeyCheck_namingTheColumn() throws IOException {
    long rows;
    try (GlueCatalogDirectly glue = new GlueCatalogDirectly(tenant)) {
      Table table = glue.table(new TableName("claims", "claims_clean_v1"));
      rows = Long.parseLong(table.currentSnapshot().summary().get("total-records"));
      // The published files appended once more: every claim line is now there twice.
      List<DataFile> files = new ArrayList<>();
      try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
        tasks.forEach(task -> files.add(task.file()));
      }
      var append = table.newAppend();
      files.forEach(append::appendFile);
      append.commit();
    }

    MeshRun verify = verify(contracts.resolve(TENANT).resolve("claims_clean.odcs.yaml"));

    assertThat(verify.exitCode()).as(verify.printed()).isEqualTo(1);
    assertThat(verify.out()).contains("  FAILED   unique(claim_id): " + 2 * rows + " of " + 2 * rows + " rows fail")
        .endsWith("The table does not honour the contract.\n");
  }

  @Test
  void aContractOfATableNotInGlue_isInvalidInput_namingDatabaseAndTable() {
    MeshRun export = MeshRun.of("contract", "export", "--tenant", TENANT, "--product", "high_cost_claimants",
        "--format", "odcs", "--output", contracts.toString(), "--definitions", CATALOGUE);
    Path contract = contracts.resolve(TENANT).resolve("high_cost_claimants.odcs.yaml");

    MeshRun verify = verify(contract);

    assertThat(export.exitCode()).as(export.printed()).isZero();
    assertThat(verify.exitCode()).isEqualTo(2);
    assertThat(verify.err()).isEqualTo("mesh contract verify: The Glue Data Catalog in eu-central-2 has no table "
        + "high_cost_claimants_v1 in database risk (contract " + contract + " of tenant alpina). Check that the "
        + "credentials (--profile) and --region are those of tenant alpina's account, and that high_cost_claimants "
        + "was published there.\n");
  }

  private MeshRun verify(Path contract) {
    return MeshRun.of("contract", "verify", "--aws", "--tenant", TENANT, "--contract", contract.toString(),
        "--endpoint-url", tenant.account().endpoints().aws().toString());
  }

  /** Iceberg's GlueCatalog over the tenant's account, built from the same properties, apart from Meshwork's engine. */
  private static final class GlueCatalogDirectly implements AutoCloseable {
    private final Catalog catalog;

    GlueCatalogDirectly(GlueTenant tenant) {
      catalog = CatalogUtil.buildIcebergCatalog("behind-meshworks-back", tenant.catalogProperties(), null);
    }

    Table table(TableName name) {
      return ProductTables.load(catalog, name).orElseThrow();
    }

    @Override
    public void close() {
      if (catalog instanceof AutoCloseable closeable) {
        try {
          closeable.close();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
    }
  }
}
