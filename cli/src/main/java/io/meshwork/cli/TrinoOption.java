package io.meshwork.cli;

import io.meshwork.engine.compute.ComputeEngine;
import io.meshwork.engine.compute.TrinoCompute;
import io.meshwork.model.definition.Engine;
import io.meshwork.model.plan.PlannedProduct;
import io.meshwork.model.plan.TenantPlan;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The {@code --trino} options: where products on the {@code athena} engine run locally, a Trino whose Iceberg
 * catalog {@code --trino-catalog} is the tenant's own catalog.
 */
final class TrinoOption {

  @Option(names = "--trino", paramLabel = "URL", defaultValue = "${MESHWORK_TRINO_URL:-}",
      description = "Trino that runs products on the athena engine, e.g. http://127.0.0.1:8080 (default: "
          + "$MESHWORK_TRINO_URL; none: such products cannot run).")
  String url;

  @Option(names = "--trino-catalog", paramLabel = "NAME", defaultValue = "${MESHWORK_TRINO_CATALOG:-}",
      description = "Name of the tenant's Iceberg catalog in Trino (default: $MESHWORK_TRINO_CATALOG, else the "
          + "tenant id with _ for -).")
  String catalog;

  /** The Trino engine for products on athena, when a Trino is configured. */
  Map<Engine, ComputeEngine> engines(ComputeEngine duckDb) {
    return configured().map(jdbc -> Map.<Engine, ComputeEngine>of(Engine.ATHENA, new TrinoCompute(jdbc,
        tenant -> catalog == null || catalog.isBlank() ? TrinoCompute.defaultCatalog(tenant) : catalog, duckDb)))
        .orElse(Map.of());
  }

  /** Refuses a plan with products on athena when no Trino is configured: they could only fail. */
  void requireFor(TenantPlan plan, Optional<String> product) {
    if (configured().isPresent()) {
      return;
    }
    plan.products().stream()
        .filter(planned -> planned.engine() == Engine.ATHENA)
        .filter(planned -> product.isEmpty() || product.get().equals(planned.name())
            || plan.upstreamOf(product.get()).contains(planned.name()))
        .map(PlannedProduct::name).findFirst().ifPresent(name -> {
          throw new UserInputException("Product " + name + " runs on engine athena, but no Trino is configured: set "
              + "MESHWORK_TRINO_URL or --trino URL (a Trino whose catalog " + catalogName(plan.tenantId()) + " is the "
              + "tenant's Iceberg catalog).");
        });
  }

  private String catalogName(String tenant) {
    return catalog == null || catalog.isBlank() ? TrinoCompute.defaultCatalog(tenant) : catalog;
  }

  /** The JDBC URL of the configured Trino: {@code http://host:port} and {@code jdbc:trino://...} are accepted. */
  Optional<String> configured() {
    if (url == null || url.isBlank()) {
      return Optional.empty();
    }
    String value = url.strip();
    if (value.startsWith("jdbc:trino://")) {
      return Optional.of(value);
    }
    URI uri;
    try {
      uri = URI.create(value);
    } catch (IllegalArgumentException e) {
      uri = null;
    }
    if (uri == null || !"http".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 0) {
      throw new UserInputException("--trino " + value + " is not a Trino address: use http://host:port (e.g. "
          + "http://127.0.0.1:8080) or jdbc:trino://host:port.");
    }
    return Optional.of("jdbc:trino://" + uri.getHost() + ":" + uri.getPort());
  }
}
