package io.meshwork.cli;

import io.meshwork.engine.compute.DuckDbSession;
import io.meshwork.engine.pipeline.Engine;
import io.meshwork.engine.compute.TableFiles;
import io.meshwork.engine.quality.QualityResultsTable;
import java.util.List;
import io.meshwork.engine.pipeline.SnapshotProperties;
import io.meshwork.engine.storage.ProductTables;
import io.meshwork.model.definition.Catalog;
import io.meshwork.model.plan.PlannedProduct;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotRef;
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
  CatalogOption catalogOption;

  @Mixin
  HomeOption homeOption;

  @Mixin
  TenantOption tenantOption;

  @Option(names = {"-p", "--product"}, required = true, paramLabel = "PRODUCT", description = "Product name.")
  String product;

  @Override
  public Integer call() throws Exception {
    Catalog catalog = catalogOption.load();
    String tenant = tenantOption.require(catalog);
    PrintWriter out = spec.commandLine().getOut();
    try (Engine engine = homeOption.engine(catalog)) {
      PlannedProduct planned = PlannedProducts.require(engine.plan(tenant), product);
      Table table = ProductTables.load(engine.storage(tenant).catalog(), planned.tableName()).orElse(null);
      out.printf("History of %s %s for tenant %s (table %s)%n", planned.name(), planned.version(), tenant,
          planned.tableName());
      if (table == null) {
        out.println("Never computed. Run: mesh run --tenant " + tenant + " --product " + product);
        return 0;
      }
      out.println("Published on main, newest first:");
      Set<Long> published = new HashSet<>();
      Snapshot snapshot = table.currentSnapshot();
      if (snapshot == null) {
        out.println("  (nothing published yet)");
      }
      while (snapshot != null) {
        published.add(snapshot.snapshotId());
        if ("published".equals(snapshot.summary().get(SnapshotProperties.STAGE))) {
          out.println("  " + describe(snapshot));
        }
        snapshot = snapshot.parentId() == null ? null : table.snapshot(snapshot.parentId());
      }
      var unpublished = table.refs().entrySet().stream()
          .filter(entry -> !entry.getKey().equals(SnapshotRef.MAIN_BRANCH))
          .filter(entry -> !published.contains(entry.getValue().snapshotId()))
          .sorted(Comparator.comparing((Map.Entry<String, SnapshotRef> entry) ->
              table.snapshot(entry.getValue().snapshotId()).timestampMillis()).reversed())
          .toList();
      if (!unpublished.isEmpty()) {
        out.println("Unpublished audit branches (blocked by quality, in conflict, or interrupted):");
        unpublished.forEach(entry -> out.println("  " + entry.getKey() + ": "
            + describe(table.snapshot(entry.getValue().snapshotId()))));
      }
      printLatestChecks(engine, tenant, planned.name(), out);
    }
    return 0;
  }

  /** The checks of the latest validation, from the tenant's quality results table. */
  private static void printLatestChecks(Engine engine, String tenant, String product, PrintWriter out)
      throws java.sql.SQLException {
    // Only the results table is opened: planning every table of the tenant is not needed here.
    Table results = ProductTables.load(engine.storage(tenant).catalog(), QualityResultsTable.NAME).orElse(null);
    if (results == null || results.currentSnapshot() == null) {
      return;
    }
    TableFiles files = TableFiles.of("quality_results", results, results.currentSnapshot().snapshotId(),
        engine.storage(tenant));
    try (DuckDbSession session = DuckDbSession.open(engine.storage(tenant).workDirectory(), List.of(files),
        engine.limits())) {
      String latest = "(SELECT run_id FROM quality_results WHERE product = " + DuckDbSession.literal(product)
          + " ORDER BY checked_at DESC LIMIT 1)";
      var rows = session.rows("SELECT run_id, check_name, check_columns, blocking, passed, message FROM "
          + "quality_results WHERE product = " + DuckDbSession.literal(product) + " AND run_id = " + latest
          + " ORDER BY check_position");
      if (rows.isEmpty()) {
        return;
      }
      out.println("Checks of the latest validation (run " + rows.get(0).get(0) + "):");
      for (var row : rows) {
        String status = Boolean.TRUE.equals(row.get(4)) ? "passed" : Boolean.TRUE.equals(row.get(3)) ? "FAILED"
            : "warning";
        String columns = String.valueOf(row.get(2));
        out.printf("  %-8s %s: %s%n", status, row.get(1) + (columns.isEmpty() ? "" : "(" + columns + ")"),
            row.get(5));
      }
    }
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
