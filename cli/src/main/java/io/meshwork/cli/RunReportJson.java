package io.meshwork.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.meshwork.engine.pipeline.ProductOutcome;
import io.meshwork.engine.pipeline.RunReport;
import io.meshwork.engine.quality.CheckResult;
import java.util.List;
import java.util.Locale;

/** The JSON shape of run reports: stable names, durations in seconds. */
final class RunReportJson {

  private RunReportJson() {
  }

  record Report(String tenant, String runId, boolean succeeded, double seconds, List<Product> products) {
  }

  record Product(String name, String version, String table, String outcome, long rows, double seconds,
      double computeSeconds, double validateSeconds, double publishSeconds, String message,
      List<CheckResult> checks, String engine, long bytesScanned) {
  }

  static String write(List<RunReport> reports) throws JsonProcessingException {
    List<Report> views = reports.stream().map(report -> new Report(report.tenant(), report.runId(),
        report.succeeded(), report.elapsed().toMillis() / 1000.0, report.outcomes().stream()
        .map(RunReportJson::product).toList())).toList();
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .writeValueAsString(views.size() == 1 ? views.get(0) : views);
  }

  private static Product product(ProductOutcome outcome) {
    return new Product(outcome.product(), outcome.version(), outcome.table(),
        outcome.outcome().name().toLowerCase(Locale.ROOT), outcome.rows(), seconds(outcome.elapsed()),
        seconds(outcome.steps().compute()), seconds(outcome.steps().validate()), seconds(outcome.steps().publish()),
        outcome.message(), outcome.checks(), outcome.engine(), outcome.bytesScanned());
  }

  private static double seconds(java.time.Duration duration) {
    return duration.toMillis() / 1000.0;
  }
}
