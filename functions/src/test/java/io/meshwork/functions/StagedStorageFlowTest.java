package io.meshwork.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwork.engine.pipeline.PublishResult;
import io.meshwork.engine.pipeline.StepRequest;
import io.meshwork.engine.storage.StagedTenantStorage;
import io.meshwork.engine.storage.LocalTenantStorage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole refresh through {@link StagedTenantStorage}'s code path: every input staged through the table's FileIO,
 * every output uploaded through it. The catalog properties describe the embedded JDBC catalog instead of Glue so the
 * test needs no AWS; the warehouse and the staging area are different directories, as S3 and /tmp are.
 */
class StagedStorageFlowTest {

  @TempDir
  Path warehouseHome;
  @TempDir
  Path lambdaTmp;
  private HandlerFixture fixture;

  @BeforeEach
  void open() {
    fixture = new HandlerFixture(tenant -> StagedTenantStorage.open(tenant,
        LocalTenantStorage.catalogProperties(warehouseHome, tenant), lambdaTmp));
  }

  @AfterEach
  void close() throws IOException {
    fixture.close();
  }

  @Test
  void computeValidatePublish_overStagedInputs_publishesBothProducts_andLeavesNoOutputBehind() throws IOException {
    fixture.deliverClaims("('c1', 'ZH', 120.50), ('c2', 'ZH', 80.00), ('c3', 'GE', 50.00)");

    PublishResult claims = fixture.refresh(fixture.toJson(new StepRequest("helvetia", "claims_clean", "staged")));
    PublishResult cost = fixture.refresh(fixture.toJson(new StepRequest("helvetia", "cost_by_canton", "staged")));

    assertThat(claims.status()).isEqualTo(PublishResult.Status.PUBLISHED);
    assertThat(cost.status()).isEqualTo(PublishResult.Status.PUBLISHED);
    assertThat(cost.validation().compute().rows()).isEqualTo(2);
    assertThat(fixture.mainSnapshot(HandlerFixture.COST_BY_CANTON)).isEqualTo(cost.snapshotId());
    assertThat(parquetFiles(lambdaTmp.resolve("helvetia/staged"))).isNotEmpty();
    assertThat(parquetFiles(lambdaTmp.resolve("helvetia/work"))).isEmpty();
    assertThat(parquetFiles(warehouseHome.resolve("tenants/helvetia/warehouse/finance/cost_by_canton_v1/data")))
        .isNotEmpty();
  }

  private static java.util.List<Path> parquetFiles(Path directory) throws IOException {
    try (Stream<Path> paths = Files.walk(directory)) {
      return paths.filter(path -> path.toString().endsWith(".parquet")).toList();
    }
  }
}
