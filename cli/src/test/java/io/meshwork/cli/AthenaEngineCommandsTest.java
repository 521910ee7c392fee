package io.meshwork.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What mesh run and mesh validate say about products on the athena engine, without a Trino. */
class AthenaEngineCommandsTest {

  @TempDir
  Path work;

  private Path catalogue;

  @BeforeEach
  void lemanicRunsClaimsCleanAndInsuredMonthsOnAthena() throws Exception {
    catalogue = SandboxKitTest.copy(Path.of("../product-definitions/catalog"), work.resolve("catalogue"));
    Path tenantFile = catalogue.resolve("tenants/lemanic/tenant.yaml");
    Files.writeString(tenantFile, Files.readString(tenantFile)
        + "engines:\n  claims_clean: athena\n  insured_months: athena\n");
  }

  @Test
  void runRefusesProductsOnAthenaWhenNoTrinoIsConfigured() {
    MeshRun run = MeshRun.of("run", "--tenant", "lemanic", "--trino=", "--definitions", catalogue.toString(),
        "--home", work.resolve("home").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("mesh run: Product claims_clean runs on engine athena, but no Trino is "
        + "configured: set MESHWORK_TRINO_URL or --trino URL (a Trino whose catalog lemanic is the tenant's Iceberg "
        + "catalog).\n");
    assertThat(work.resolve("home")).doesNotExist();
  }

  @Test
  void runRefusesATrinoAddressThatIsNone() {
    MeshRun run = MeshRun.of("run", "--tenant", "lemanic", "--trino", "ftp://trino", "--definitions",
        catalogue.toString(), "--home", work.resolve("home").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("mesh run: --trino ftp://trino is not a Trino address: use http://host:port "
        + "(e.g. http://127.0.0.1:8080) or jdbc:trino://host:port.\n");
  }

  @Test
  void validateNamesTheDuckDbOnlySqlOfProductsOnAthena() {
    MeshRun run = MeshRun.of("validate", catalogue.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Products on athena (Trino):\n"
        + "  lemanic          claims_clean               products/claims/claims_clean/transform.athena.sql (its "
        + "Athena SQL; no DuckDB-only feature found)\n"
        + "  lemanic          insured_months             products/membership/insured_months/transform.sql (its "
        + "default SQL) uses DuckDB-only SQL that Athena does not run: QUALIFY, integer division //; ship Athena "
        + "SQL under engineSql: athena\n");
  }
}
