package io.meshwork.functions;

import io.meshwork.engine.usage.UsageRecord;
import io.meshwork.model.runtime.RuntimeNames;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A usage record as one CloudWatch Embedded Metric Format line (namespace {@value #NAMESPACE}, dimensions Tenant,
 * Product and Step), and as the detail of the event sent to the provider's central bus. Written to the function's
 * log, so metrics need no {@code cloudwatch:PutMetricData} permission.
 */
final class UsageMetrics {

  static final String NAMESPACE = RuntimeNames.USAGE_METRIC_NAMESPACE;

  private final JsonMapper json;

  UsageMetrics(JsonMapper json) {
    this.json = json;
  }

  /** The EMF line of {@code record}. */
  String line(UsageRecord record) {
    Map<String, Object> directive = new LinkedHashMap<>();
    directive.put("Namespace", NAMESPACE);
    directive.put("Dimensions", List.of(List.of("Tenant", "Product", "Step")));
    List<Map<String, String>> metrics = new java.util.ArrayList<>(List.of(metric("DurationMs", "Milliseconds"),
        metric("RowsIn", "Count"), metric("RowsOut", "Count"), metric("BytesRead", "Bytes"),
        metric("BytesWritten", "Bytes"), metric("FilesWritten", "Count")));
    if (record.functionMemoryMb() != null) {
      metrics.add(metric("GbSeconds", "None"));
    }
    if (record.peakMemoryBytes() != null) {
      metrics.add(metric("PeakMemoryBytes", "Bytes"));
    }
    directive.put("Metrics", metrics);
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("Timestamp", record.startedAt().toEpochMilli());
    metadata.put("CloudWatchMetrics", List.of(directive));
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("_aws", metadata);
    line.put("Tenant", record.tenant());
    line.put("Product", record.product());
    line.put("Step", record.step().label());
    line.put("DurationMs", record.duration().toMillis());
    line.put("RowsIn", record.rowsIn());
    line.put("RowsOut", record.rowsOut());
    line.put("BytesRead", record.bytesRead());
    line.put("BytesWritten", record.bytesWritten());
    line.put("FilesWritten", record.filesWritten());
    if (record.functionMemoryMb() != null) {
      line.put("GbSeconds", record.duration().toMillis() / 1000.0 * record.functionMemoryMb() / 1024.0);
    }
    if (record.peakMemoryBytes() != null) {
      line.put("PeakMemoryBytes", record.peakMemoryBytes());
    }
    line.put("runId", record.runId());
    line.put("version", record.version());
    return write(line);
  }

  /** The event detail of {@code record}: every field of the usage table, by its column name. */
  String detail(UsageRecord record) {
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("tenant", record.tenant());
    detail.put("product", record.product());
    detail.put("version", record.version());
    detail.put("run_id", record.runId());
    detail.put("step", record.step().label());
    detail.put("started_at", record.startedAt().toString());
    detail.put("duration_ms", record.duration().toMillis());
    detail.put("peak_memory_bytes", record.peakMemoryBytes());
    detail.put("rows_in", record.rowsIn());
    detail.put("rows_out", record.rowsOut());
    detail.put("bytes_read", record.bytesRead());
    detail.put("bytes_written", record.bytesWritten());
    detail.put("files_written", record.filesWritten());
    detail.put("engine", record.engine());
    detail.put("function_memory_mb", record.functionMemoryMb());
    detail.put("principal", record.principal());
    return write(detail);
  }

  private String write(Map<String, Object> value) {
    try {
      return json.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String> metric(String name, String unit) {
    Map<String, String> metric = new LinkedHashMap<>();
    metric.put("Name", name);
    metric.put("Unit", unit);
    return metric;
  }
}
