package io.meshwork.cli;

import io.meshwork.engine.ingest.IngestReport;
import io.meshwork.engine.quality.CheckResult;
import java.io.PrintWriter;
import java.util.Locale;

/** The text report of one delivery: counts, the rows not read, notes, failed checks, and the verdict. */
final class IngestReportText {

  private IngestReportText() {
  }

  static void print(IngestReport report, PrintWriter out) {
    out.printf(Locale.ROOT, "Source %s of tenant %s (%s): %s%n", report.source(), report.tenant(), report.table(),
        report.status().name().toLowerCase(Locale.ROOT).replace('_', ' '));
    if (report.status() != IngestReport.Status.ALREADY_INGESTED) {
      out.printf(Locale.ROOT, "  rows read      %,12d%n  rows rejected  %,12d%n", report.rowsRead(),
          report.rowsRejected());
    }
    report.rejectedSample().forEach(row -> out.printf("    e.g. %s%n", row));
    report.notes().forEach(note -> out.printf("  note: %s%n", note));
    for (CheckResult check : report.checks()) {
      if (!check.passed()) {
        out.printf("  %s %s: %s%n", check.blocking() ? "FAILED" : "warning", check.label(), check.message());
        if (!check.check().equals("readable_rows")) {
          check.sample().forEach(row -> out.printf("    e.g. %s%n", row));
        }
      }
    }
    out.println(report.message());
  }
}
