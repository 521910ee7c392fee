package io.meshwork.functions;

import io.meshwork.model.runtime.RuntimeNames;
import io.meshwork.engine.freshness.FreshnessReport;
import io.meshwork.engine.freshness.ProductFreshness;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A freshness report as CloudWatch Embedded Metric Format: one JSON log line per product, from which CloudWatch Logs
 * extracts {@value #AGE} and {@value #SLA} in namespace {@value #NAMESPACE} with dimensions Tenant and Product. The
 * function only writes its log, so it needs no {@code cloudwatch:PutMetricData} permission. A product never published
 * has no age: its line carries only the SLA, and the alarm reads the missing age as breaching.
 */
final class FreshnessMetrics {

  static final String NAMESPACE = RuntimeNames.METRIC_NAMESPACE;
  static final String AGE = RuntimeNames.HOURS_SINCE_PUBLISHED_METRIC;
  static final String SLA = RuntimeNames.FRESHNESS_SLA_METRIC;

  private final JsonMapper json;

  FreshnessMetrics(JsonMapper json) {
    this.json = json;
  }

  /** The lines for {@code report}, one per product in report order. */
  List<String> lines(FreshnessReport report) {
    return report.products().stream().map(product -> line(report, product)).toList();
  }

  private String line(FreshnessReport report, ProductFreshness product) {
    List<Map<String, String>> metrics = new ArrayList<>();
    if (product.ageHours() != null) {
      metrics.add(metric(AGE));
    }
    metrics.add(metric(SLA));
    Map<String, Object> directive = new LinkedHashMap<>();
    directive.put("Namespace", NAMESPACE);
    directive.put("Dimensions", List.of(List.of("Tenant", "Product")));
    directive.put("Metrics", metrics);
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("Timestamp", report.checkedAt().toEpochMilli());
    metadata.put("CloudWatchMetrics", List.of(directive));
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("_aws", metadata);
    line.put("Tenant", report.tenant());
    line.put("Product", product.product());
    if (product.ageHours() != null) {
      line.put(AGE, product.ageHours());
    }
    line.put(SLA, product.slaHours());
    line.put("lastPublished", product.lastPublished() == null ? null : product.lastPublished().toString());
    line.put("breached", product.breached());
    try {
      return json.writeValueAsString(line);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String> metric(String name) {
    Map<String, String> metric = new LinkedHashMap<>();
    metric.put("Name", name);
    metric.put("Unit", "None");
    return metric;
  }
}
