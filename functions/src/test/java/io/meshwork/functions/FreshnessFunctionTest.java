package io.meshwork.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshwork.engine.compute.DuckDbSession;
import io.meshwork.engine.freshness.FreshnessReport;
import io.meshwork.engine.freshness.ProductFreshness;
import io.meshwork.engine.pipeline.Engine;
import io.meshwork.engine.pipeline.PublishResult;
import io.meshwork.engine.storage.LocalTenantStorage;
import io.meshwork.engine.storage.ProductTables;
import io.meshwork.model.parse.CatalogLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hourly freshness check over a real engine (SQLite catalog, local warehouse): ages from {@code main}'s snapshot,
 * the report it returns and the Embedded Metric Format lines the alarms watch. In the test catalogue only claims_clean
 * has a freshness SLA (PT30H); cost_by_canton has none.
 */
class FreshnessFunctionTest {

  private static final Instant NOW = Instant.parse("2026-03-02T09:30:00Z");

  @TempDir
  Path home;
  private HandlerFixture fixture;
  private final List<String> lines = new ArrayList<>();

  @BeforeEach
  void open() {
    fixture = new HandlerFixture(home);
  }

  @AfterEach
  void close() throws IOException {
    fixture.close();
  }

  @Test
  void neverPublishedProduct_breachesWithoutAge_andItsLineCarriesOnlyTheSla() {
    FreshnessReport report = check(fixture.engine, NOW, new FreshnessRequest("helvetia"));

    assertThat(report).isEqualTo(new FreshnessReport("helvetia", NOW, List.of(new ProductFreshness("claims_clean",
        "claims.claims_clean_v1", null, null, null, 30.0, true))));
    assertThat(fixture.toJson(report)).isEqualTo("{\"tenant\":\"helvetia\",\"checkedAt\":\"2026-03-02T09:30:00Z\","
        + "\"products\":[{\"product\":\"claims_clean\",\"table\":\"claims.claims_clean_v1\",\"lastPublished\":null,"
        + "\"runId\":null,\"ageHours\":null,\"slaHours\":30.0,\"breached\":true}]}");
    assertThat(lines).containsExactly("{\"_aws\":{\"Timestamp\":1772443800000,\"CloudWatchMetrics\":[{\"Namespace\":"
        + "\"Meshwork\",\"Dimensions\":[[\"Tenant\",\"Product\"]],\"Metrics\":[{\"Name\":\"FreshnessSlaHours\","
        + "\"Unit\":\"None\"}]}]},\"Tenant\":\"helvetia\",\"Product\":\"claims_clean\",\"FreshnessSlaHours\":30.0,"
        + "\"lastPublished\":null,\"breached\":true}");
  }

  @Test
  void publishedProduct_writesOneEmbeddedMetricLine_withItsAgeAndSla() {
    Instant published = publishClaimsClean("r1");
    Instant now = published.plus(Duration.ofMinutes(29 * 60 + 30));

    FreshnessReport report = check(fixture.engine, now, new FreshnessRequest("helvetia"));

    assertThat(report.products()).containsExactly(new ProductFreshness("claims_clean", "claims.claims_clean_v1",
        published, "r1", 29.5, 30.0, false));
    assertThat(lines).containsExactly("{\"_aws\":{\"Timestamp\":" + now.toEpochMilli() + ",\"CloudWatchMetrics\":[{"
        + "\"Namespace\":\"Meshwork\",\"Dimensions\":[[\"Tenant\",\"Product\"]],\"Metrics\":[{\"Name\":"
        + "\"HoursSincePublished\",\"Unit\":\"None\"},{\"Name\":\"FreshnessSlaHours\",\"Unit\":\"None\"}]}]},"
        + "\"Tenant\":\"helvetia\",\"Product\":\"claims_clean\",\"HoursSincePublished\":29.5,"
        + "\"FreshnessSlaHours\":30.0,\"lastPublished\":\"" + published + "\",\"breached\":false}");
  }

  @Test
  void publishedProduct_breachesOnlyOnceOlderThanItsSla() {
    Instant published = publishClaimsClean("r1");

    assertThat(claimsClean(published.plus(Duration.ofHours(30))))
        .isEqualTo(new ProductFreshness("claims_clean", "claims.claims_clean_v1", published, "r1", 30.0, 30.0, false));
    assertThat(claimsClean(published.plus(Duration.ofHours(30).plusMinutes(3))))
        .isEqualTo(new ProductFreshness("claims_clean", "claims.claims_clean_v1", published, "r1", 30.05, 30.0, true));
    assertThat(claimsClean(published.minus(Duration.ofMinutes(5))).ageHours())
        .as("a publication time ahead of the checking clock").isEqualTo(0.0);
  }

  @Test
  void refreshThatFindsTheProductUpToDate_leavesItsPublicationTimeAndAgeAsTheyWere() {
    Instant published = publishClaimsClean("r1");
    PublishResult again = fixture.refresh(step("r2"));

    assertThat(again.status()).isEqualTo(PublishResult.Status.UNCHANGED);
    assertThat(claimsClean(published.plus(Duration.ofHours(31))))
        .isEqualTo(new ProductFreshness("claims_clean", "claims.claims_clean_v1", published, "r1", 31.0, 30.0, true));
  }

  @Test
  void requestWithoutTenant_checksTheTenantTheFunctionServes() throws IOException {
    try (Engine served = new Engine(fixture.catalog, tenant -> LocalTenantStorage.open(home, tenant),
        new DuckDbSession.Limits(1, "256MB"), Optional.of("helvetia"))) {
      assertThat(check(served, NOW, new FreshnessRequest(null)).tenant()).isEqualTo("helvetia");
      assertThatThrownBy(() -> check(served, NOW, new FreshnessRequest("alpina")))
          .isInstanceOf(InvalidRequestError.class)
          .hasMessage("This engine serves tenant helvetia only and refuses a request for tenant alpina: each "
              + "tenant's functions run in that tenant's own account. Send the request to tenant alpina's state "
              + "machine.");
    }
  }

  @Test
  void requestWithoutTenant_isRefused_whenTheFunctionServesEveryTenant() {
    assertThatThrownBy(() -> check(fixture.engine, NOW, new FreshnessRequest(null)))
        .isInstanceOf(InvalidRequestError.class)
        .hasMessage("A freshness request needs a tenant when the function serves no single tenant (MESHWORK_TENANT "
            + "is not set); send {\"tenant\": \"<tenant>\"}.");
    assertThat(lines).isEmpty();
  }

  /** The shipped catalogue's alpina: SLAs from a day and a quarter to five weeks, all reported, none published. */
  @Test
  void everyProductWithAnSlaIsReported_whateverTheSlasLength() throws IOException {
    try (Engine shipped = new Engine(CatalogLoader.load(new ClasspathDefinitionFiles()),
        tenant -> LocalTenantStorage.open(home, tenant), new DuckDbSession.Limits(1, "256MB"))) {
      FreshnessReport report = check(shipped, NOW, new FreshnessRequest("alpina"));

      Map<String, Double> slaHours = new LinkedHashMap<>();
      report.products().forEach(product -> slaHours.put(product.product(), product.slaHours()));
      assertThat(slaHours).containsOnly(Map.entry("claims_clean", 30.0), Map.entry("insured_months", 30.0),
          Map.entry("cost_by_provider_type", 30.0), Map.entry("cost_per_insured", 30.0),
          Map.entry("loss_ratio", 30.0), Map.entry("kpi_summary", 30.0), Map.entry("high_cost_claimants", 192.0),
          Map.entry("risk_equalisation_cells", 768.0), Map.entry("claims_triangle", 840.0));
      assertThat(report.products()).allSatisfy(product -> assertThat(product.breached()).isTrue());
      assertThat(lines).hasSize(9).noneMatch(line -> line.contains("HoursSincePublished"));
    }
  }

  private FreshnessReport check(Engine engine, Instant now, FreshnessRequest request) {
    try (FreshnessFunction function = new FreshnessFunction(engine, Clock.fixed(now, ZoneOffset.UTC), lines::add)) {
      FreshnessReport report = function.handleRequest(request, null);
      return fixture.fromJson(fixture.toJson(report), FreshnessReport.class);
    }
  }

  private ProductFreshness claimsClean(Instant now) {
    return check(fixture.engine, now, new FreshnessRequest("helvetia")).products().get(0);
  }

  /** Publishes claims_clean in run {@code runId}; returns the commit time of the snapshot on main. */
  private Instant publishClaimsClean(String runId) {
    fixture.deliverClaims("('c1', 'ZH', 120.50), ('c2', 'GE', 80.00)");
    assertThat(fixture.refresh(step(runId)).status()).isEqualTo(PublishResult.Status.PUBLISHED);
    long millis = ProductTables.load(fixture.engine.storage(HandlerFixture.TENANT).catalog(),
        HandlerFixture.CLAIMS_CLEAN).orElseThrow().currentSnapshot().timestampMillis();
    return Instant.ofEpochMilli(millis);
  }

  private static String step(String runId) {
    return "{\"tenant\":\"helvetia\",\"product\":\"claims_clean\",\"runId\":\"" + runId + "\"}";
  }
}
