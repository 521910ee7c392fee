package io.meshwork.model.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshwork.model.definition.Catalog;
import io.meshwork.model.definition.Diagnostic;
import io.meshwork.model.definition.Engine;
import io.meshwork.model.definition.InvalidDefinitionException;
import io.meshwork.model.definition.Resources;
import io.meshwork.model.parse.CatalogLoader;
import io.meshwork.model.parse.InMemoryDefinitionFiles;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ComputeSizingTest {

  private static final long MIB = 1024L * 1024;

  @Test
  void inputsOfHalfSnapStartsTmp_fitTheSnapStartCompute_oneByteMoreNeedsTheLargeOne() {
    ComputeSize fits = size(Resources.NONE, 256 * MIB);
    ComputeSize over = size(Resources.NONE, 256 * MIB + 1);

    assertThat(fits).isEqualTo(new ComputeSize(ComputeClass.STANDARD, 3008, 512, "inputs measure 256.0 MiB, needing"
        + " 512 MiB of /tmp: fits the SnapStart Compute (3008 MiB memory, 512 MiB /tmp)"));
    assertThat(over).isEqualTo(new ComputeSize(ComputeClass.LARGE, 10240, 10240, "inputs measure 256.0 MiB, needing"
        + " 513 MiB of /tmp: beyond the SnapStart Compute (3008 MiB memory, 512 MiB /tmp), runs in the large Compute"
        + " without SnapStart (10240 MiB memory, 10240 MiB /tmp)"));
  }

  @Test
  void inputsOfHalfTheLargeComputesTmp_fitIt_oneByteMoreFitsNoCompute_andTheMessageNamesAthena() {
    ComputeSize fits = size(Resources.NONE, 5120 * MIB);
    ComputeSize over = size(Resources.NONE, 5120 * MIB + 1);

    assertThat(fits.computeClass()).isEqualTo(ComputeClass.LARGE);
    assertThat(over).isEqualTo(new ComputeSize(ComputeClass.TOO_LARGE, 0, 0, "inputs measure 5.0 GiB, needing 10241"
        + " MiB of /tmp: beyond the largest Compute (10240 MiB memory, 10240 MiB /tmp), so claims_clean cannot run"
        + " on duckdb. Run it on athena: 'engine: athena' in its transform, or 'engines: {claims_clean: athena}' in"
        + " the tenant file"));
    assertThat(over.fits()).isFalse();
  }

  @Test
  void declaredMemory_choosesTheComputeAtItsBoundaries() {
    assertThat(size(new Resources(Optional.of(3008), Optional.empty()), 0).computeClass())
        .isEqualTo(ComputeClass.STANDARD);
    assertThat(size(new Resources(Optional.of(3009), Optional.empty()), 0).computeClass())
        .isEqualTo(ComputeClass.LARGE);
    assertThat(size(new Resources(Optional.of(10240), Optional.empty()), 0).reason())
        .isEqualTo("inputs measure 0 B, needing 0 MiB of /tmp; declared memory 10240 MiB: beyond the SnapStart"
            + " Compute (3008 MiB memory, 512 MiB /tmp), runs in the large Compute without SnapStart (10240 MiB"
            + " memory, 10240 MiB /tmp)");
  }

  @Test
  void declaredTmp_raisesTheNeedOverTheMeasuredInputs_butNeverLowersIt() {
    assertThat(size(new Resources(Optional.empty(), Optional.of(512)), 0).computeClass())
        .isEqualTo(ComputeClass.STANDARD);
    assertThat(size(new Resources(Optional.empty(), Optional.of(513)), 0).computeClass())
        .isEqualTo(ComputeClass.LARGE);
    assertThat(size(new Resources(Optional.empty(), Optional.of(512)), 1024 * MIB).computeClass())
        .isEqualTo(ComputeClass.LARGE);
  }

  @Test
  void unmeasuredInputs_withoutAHint_startInTheSnapStartCompute() {
    ComputeSize size = ComputeSizing.size("claims_clean", Engine.DUCKDB, Resources.NONE, OptionalLong.empty());

    assertThat(size).isEqualTo(new ComputeSize(ComputeClass.STANDARD, 3008, 512, "inputs not measured: fits the"
        + " SnapStart Compute (3008 MiB memory, 512 MiB /tmp)"));
  }

  @Test
  void aProductOnAthena_runsOnAthena_whateverItsInputs() {
    ComputeSize size = ComputeSizing.size("claims_clean", Engine.ATHENA, Resources.NONE,
        OptionalLong.of(500_000 * MIB));

    assertThat(size).isEqualTo(new ComputeSize(ComputeClass.ATHENA, 0, 0, "engine athena: Athena runs the query,"
        + " no function holds its data"));
  }

  @Test
  void classesHaveTheIdsTheStateMachineRoutesOn() {
    assertThat(ComputeClass.values()).extracting(ComputeClass::id)
        .containsExactly("standard", "large", "athena", "too-large");
  }

  @Test
  void aPlannedProductIsSizedFromItsDeclaredResources() {
    Map<String, String> files = MinimalCatalogue.files();
    files.put("products/base.sql", "SELECT id FROM raw");
    files.put("products/base.yaml", product("transform: {sql: base.sql, resources: {memory: 4096, tmp: 8192}}"));
    files.put("tenants/t1.yaml", tenant());

    PlannedProduct base = plan(files).product("base").orElseThrow();

    assertThat(base.transform().resources()).isEqualTo(new Resources(Optional.of(4096), Optional.of(8192)));
    assertThat(ComputeSizing.size(base, OptionalLong.empty()).computeClass()).isEqualTo(ComputeClass.LARGE);
  }

  @Test
  void refusesResourcesOutsideLambdasLimits_andUnknownKeys_withTheirLines() {
    Map<String, String> files = MinimalCatalogue.files();
    files.put("products/base.sql", "SELECT id FROM raw");
    files.put("products/base.yaml", product("transform: {sql: base.sql, resources: {memory: 20000, tmp: 256,"
        + " cpu: 2}}"));
    files.put("tenants/t1.yaml", tenant());

    assertThatThrownBy(() -> plan(files)).isInstanceOf(InvalidDefinitionException.class)
        .satisfies(error -> assertThat(((InvalidDefinitionException) error).diagnostics())
            .extracting(Diagnostic::toString)
            .containsExactly(
                "products/base.yaml:7:48: Invalid memory '20000' in 'resources' of the transform of product base:"
                    + " write a whole number of MiB from 128 to 10240, such as 5120.",
                "products/base.yaml:7:60: Invalid tmp '256' in 'resources' of the transform of product base: write"
                    + " a whole number of MiB from 512 to 10240, such as 5120.",
                "products/base.yaml:7:65: Unknown key 'cpu' in 'resources' of the transform of product base."
                    + " Allowed keys: memory, tmp."));
  }

  @Test
  void theRecordRefusesResourcesOutsideLambdasLimits_namingTheValue() {
    assertThatThrownBy(() -> new Resources(Optional.of(127), Optional.empty()))
        .hasMessage("memory 127 MiB is outside 128 to 10240 MiB.");
    assertThatThrownBy(() -> new Resources(Optional.empty(), Optional.of(10241)))
        .hasMessage("tmp 10241 MiB is outside 512 to 10240 MiB.");
  }

  private static ComputeSize size(Resources declared, long inputBytes) {
    return ComputeSizing.size("claims_clean", Engine.DUCKDB, declared, OptionalLong.of(inputBytes));
  }

  private static TenantPlan plan(Map<String, String> files) {
    Catalog catalog = CatalogLoader.load(new InMemoryDefinitionFiles("test", files));
    return new Planner(catalog).plan("t1");
  }

  private static String product(String transform) {
    return """
        apiVersion: meshwork.io/v1
        kind: DataProduct
        name: base
        domain: d
        version: 1.0.0
        owner: team
        %s
        contract: {columns: [{name: id, type: long}]}
        inputs:
          - {name: raw}
        """.formatted(transform);
  }

  private static String tenant() {
    return """
        apiVersion: meshwork.io/v1
        kind: Tenant
        id: t1
        displayName: Tenant t1
        account: {email: aws+t1@example.ch, region: eu-central-2}
        subscriptions: [{product: base}]
        """;
  }
}
