package io.meshwork.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshwork.engine.pipeline.PublishResult;
import io.meshwork.engine.storage.ProductTables;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The maintenance function over a real engine (SQLite catalog, local warehouse): claims_clean published by three runs,
 * maintained with the catalogue's default policy (35 days, at least the last 10). What the function returns, the one
 * Embedded Metric Format line of a completed run, and none for a dry run.
 */
class MaintenanceFunctionTest {

  @TempDir
  Path home;
  private HandlerFixture fixture;
  private final List<String> lines = new ArrayList<>();

  @BeforeEach
  void publishThreeTimes() {
    fixture = new HandlerFixture(home);
    for (int run = 1; run <= 3; run++) {
      fixture.deliverClaims("('C" + run + "', 'ZH', " + run + "0.00)");
      assertThat(fixture.refresh("{\"tenant\":\"helvetia\",\"product\":\"claims_clean\",\"runId\":\"r" + run + "\"}")
          .status()).isEqualTo(PublishResult.Status.PUBLISHED);
    }
  }

  @AfterEach
  void close() throws IOException {
    fixture.close();
  }

  private MaintenanceResult maintain(Instant now, MaintenanceRequest request) {
    try (MaintenanceFunction function = new MaintenanceFunction(fixture.engine, Clock.fixed(now, ZoneOffset.UTC),
        lines::add)) {
      return fixture.fromJson(fixture.toJson(function.handleRequest(request, null)), MaintenanceResult.class);
    }
  }

  private Table claimsClean() {
    Table table = ProductTables.load(fixture.engine.storage("helvetia").catalog(), HandlerFixture.CLAIMS_CLEAN)
        .orElseThrow();
    table.refresh();
    return table;
  }

  @Test
  void removesThePublishedRunsAuditBranches_keepsEverySnapshot_andLogsOneMetricLine() {
    Instant now = Instant.parse("2026-03-02T03:15:00Z");
    List<String> snapshotsBefore = new ArrayList<>();
    claimsClean().snapshots().forEach(snapshot -> snapshotsBefore.add(Long.toString(snapshot.snapshotId())));

    MaintenanceResult result = maintain(now, new MaintenanceRequest("helvetia", null));

    MaintenanceResult.Table table = result.tables().stream()
        .filter(maintained -> maintained.table().equals("claims.claims_clean_v1")).findFirst().orElseThrow();
    assertThat(table.removedBranches()).containsExactly("audit-r1", "audit-r2", "audit-r3");
    assertThat(table.expiredSnapshots()).isEmpty();
    assertThat(table.keptSnapshots()).containsExactlyInAnyOrderElementsOf(snapshotsBefore);
    assertThat(claimsClean().refs()).containsOnlyKeys("main");
    assertThat(result.dryRun()).isFalse();
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0)).isEqualTo("{\"_aws\":{\"Timestamp\":" + now.toEpochMilli() + ",\"CloudWatchMetrics\":[{"
        + "\"Namespace\":\"Meshwork\",\"Dimensions\":[[\"Tenant\"]],\"Metrics\":[{\"Name\":\"MaintenanceRuns\","
        + "\"Unit\":\"Count\"},{\"Name\":\"ExpiredSnapshots\",\"Unit\":\"Count\"},{\"Name\":\"DeletedFiles\","
        + "\"Unit\":\"Count\"},{\"Name\":\"OrphanFiles\",\"Unit\":\"Count\"}]}]},\"Tenant\":\"helvetia\","
        + "\"MaintenanceRuns\":1,\"ExpiredSnapshots\":0,\"DeletedFiles\":0,\"OrphanFiles\":0,\"removedBranches\":"
        + result.removedBranches() + "}");
  }

  @Test
  void dryRun_changesNothing_andWritesNoMetricLine() {
    Table before = claimsClean();

    MaintenanceResult result = maintain(Instant.now().plus(Duration.ofDays(40)),
        new MaintenanceRequest("helvetia", true));

    assertThat(result.dryRun()).isTrue();
    assertThat(result.removedBranches()).isPositive();
    assertThat(claimsClean().refs()).isEqualTo(before.refs());
    assertThat(lines).isEmpty();
  }

  @Test
  void requestWithoutTenant_isRefused_whenTheFunctionServesNoSingleTenant() {
    try (MaintenanceFunction function = new MaintenanceFunction(fixture.engine, Clock.systemUTC(), lines::add)) {
      assertThatThrownBy(() -> function.handleRequest(new MaintenanceRequest(null, null), null))
          .isInstanceOf(InvalidRequestError.class)
          .hasMessage("A maintenance request needs a tenant when the function serves no single tenant "
              + "(MESHWORK_TENANT is not set); send {\"tenant\": \"<tenant>\"}.");
    }
  }
}
