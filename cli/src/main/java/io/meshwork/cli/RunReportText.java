package io.meshwork.cli;

import io.meshwork.engine.pipeline.ProductOutcome;
import io.meshwork.engine.pipeline.RunReport;
import io.meshwork.engine.quality.CheckResult;
import java.io.PrintWriter;
import java.util.Locale;

/** The terminal rendering of run progress and reports. */
final class RunReportText {

  private RunReportText() {
  }

  static void printOutcome(ProductOutcome outcome, PrintWriter out) {
    out.printf(Locale.ROOT, "  %-11s %-26s %-7s %,12d rows %7.1f s%n", label(outcome.outcome()), outcome.product(),
        outcome.version(), outcome.rows(), outcome.elapsed().toMillis() / 1000.0);
    if (!outcome.outcome().isSuccess()) {
      out.printf("      %s%n", outcome.message());
      for (CheckResult check : outcome.checks()) {
        if (!check.passed()) {
          out.printf("      %s %s: %s%n", check.blocking() ? "FAILED" : "warning", check.label(), check.message());
          check.sample().forEach(row -> out.printf("        e.g. %s%n", row));
        }
      }
    } else {
      outcome.checks().stream().filter(check -> !check.passed())
          .forEach(check -> out.printf("      warning %s: %s%n", check.label(), check.message()));
    }
    out.flush();
  }

  static void printSummary(RunReport report, PrintWriter out) {
    out.printf(Locale.ROOT, "Tenant %s: %d published, %d up to date, %d blocked, %d failed, %d conflicts, %d skipped "
            + "in %.1f s.%n", report.tenant(), report.count(ProductOutcome.Outcome.PUBLISHED),
        report.count(ProductOutcome.Outcome.UP_TO_DATE), report.count(ProductOutcome.Outcome.BLOCKED),
        report.count(ProductOutcome.Outcome.FAILED), report.count(ProductOutcome.Outcome.CONFLICT),
        report.count(ProductOutcome.Outcome.SKIPPED), report.elapsed().toMillis() / 1000.0);
  }

  static String label(ProductOutcome.Outcome outcome) {
    return outcome.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
