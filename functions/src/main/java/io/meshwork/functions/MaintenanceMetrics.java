package io.meshwork.functions;

import io.meshwork.model.runtime.RuntimeNames;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A maintenance run as one CloudWatch Embedded Metric Format line (namespace {@value #NAMESPACE}, dimension Tenant):
 * {@value #RUNS} is 1 for every completed run, which the maintenance alarm expects once a day, beside the snapshots
 * expired and files deleted. Like the freshness check, the function only writes its log (no PutMetricData right).
 */
final class MaintenanceMetrics {

  static final String NAMESPACE = RuntimeNames.METRIC_NAMESPACE;
  static final String RUNS = RuntimeNames.MAINTENANCE_RUNS_METRIC;

  private final JsonMapper json;

  MaintenanceMetrics(JsonMapper json) {
    this.json = json;
  }

  /** The line for a completed run; none for a dry run, which changes nothing and must not stand in for a run. */
  List<String> lines(MaintenanceResult result) {
    if (result.dryRun()) {
      return List.of();
    }
    Map<String, Object> values = new LinkedHashMap<>();
    values.put(RUNS, 1);
    values.put(RuntimeNames.EXPIRED_SNAPSHOTS_METRIC, result.expiredSnapshots());
    values.put(RuntimeNames.DELETED_FILES_METRIC, result.deletedFiles());
    values.put(RuntimeNames.ORPHAN_FILES_METRIC, result.orphanFiles());
    List<Map<String, String>> metrics = new ArrayList<>();
    for (String name : values.keySet()) {
      Map<String, String> metric = new LinkedHashMap<>();
      metric.put("Name", name);
      metric.put("Unit", "Count");
      metrics.add(metric);
    }
    Map<String, Object> directive = new LinkedHashMap<>();
    directive.put("Namespace", NAMESPACE);
    directive.put("Dimensions", List.of(List.of("Tenant")));
    directive.put("Metrics", metrics);
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("Timestamp", result.ranAt().toEpochMilli());
    metadata.put("CloudWatchMetrics", List.of(directive));
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("_aws", metadata);
    line.put("Tenant", result.tenant());
    line.putAll(values);
    line.put("removedBranches", result.removedBranches());
    try {
      return List.of(json.writeValueAsString(line));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
