package io.meshwork.cli;

import io.meshwork.engine.pipeline.Engine;
import io.meshwork.engine.query.ProductHistory;
import java.util.List;
import io.meshwork.engine.pipeline.SnapshotProperties;
import io.meshwork.engine.storage.ProductTables;
import io.meshwork.model.definition.Catalog;
import io.meshwork.model.plan.PlannedProduct;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mesh history}: what was published for a product, by which run, with which quality outcome. */
@Command(name = "history", description = "Show a product's published snapshots and unpublished audit branches.")
final class HistoryCommand implements Callable<Integer> {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
      .withZone(ZoneId.systemDefault());

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  TenantScope scope;

  @Option(names = {"-p", "--product"}, required = true, paramLabel = "PRODUCT", description = "Product name.")
  String product;

  @Override
  public Integer call() throws Exception {
    Catalog catalog = scope.catalog();
    String tenant = scope.tenant();
    PrintWriter out = spec.commandLine().getOut();
    try (Engine engine = scope.engine()) {
      PlannedProduct planned = PlannedProducts.require(engine.plan(tenant), product);
      Table table = ProductTables.load(engine.storage(tenant).catalog(), planned.tableName()).orElse(null);
      out.printf("History of %s %s for tenant %s (table %s)%n", planned.name(), planned.version(), tenant,
          planned.tableName());
      if (table == null) {
        out.println("Never computed. Run: mesh run --tenant " + tenant + " --product " + product);
        return 0;
      }
      out.println("Published on main, newest first:");
      List<Snapshot> published = ProductHistory.published(table);
      if (published.isEmpty()) {
        out.println("  (nothing published yet)");
      }
      published.forEach(snapshot -> out.println("  " + describe(snapshot)));
      List<ProductHistory.Unpublished> unpublished = ProductHistory.unpublished(table);
      if (!unpublished.isEmpty()) {
        out.println("Unpublished audit branches (blocked by quality, in conflict, or interrupted):");
        unpublished.forEach(branch -> out.println("  " + branch.branch() + ": " + describe(branch.snapshot())));
      }
      List<ProductHistory.Check> checks = ProductHistory.latestChecks(engine.storage(tenant), engine.compute(),
          planned.name());
      if (!checks.isEmpty()) {
        out.println("Checks of the latest validation (run " + checks.get(0).runId() + "):");
        for (ProductHistory.Check check : checks) {
          String status = check.passed() ? "passed" : check.blocking() ? "FAILED" : "warning";
          out.printf("  %-8s %s: %s%n", status, check.name() + (check.columns().isEmpty() ? "" : "("
              + check.columns() + ")"), check.message());
        }
      }
    }
    return 0;
  }

  private static String describe(Snapshot snapshot) {
    Map<String, String> summary = snapshot.summary();
    String fingerprint = summary.getOrDefault(SnapshotProperties.FINGERPRINT, "");
    return String.format("%s  run %s  version %s  %s rows  quality: %s  fingerprint %s  snapshot %d",
        TIME.format(Instant.ofEpochMilli(snapshot.timestampMillis())), summary.getOrDefault(SnapshotProperties.RUN_ID,
            "?"), summary.getOrDefault(SnapshotProperties.VERSION, "?"), summary.getOrDefault(SnapshotProperties.ROWS,
            "?"), summary.getOrDefault(SnapshotProperties.QUALITY, "not validated"),
        fingerprint.length() > 12 ? fingerprint.substring(0, 12) : fingerprint, snapshot.snapshotId());
  }
}
