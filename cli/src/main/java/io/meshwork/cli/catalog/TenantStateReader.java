package io.meshwork.cli.catalog;

import io.meshwork.engine.compute.CheckSession;
import io.meshwork.engine.compute.TableFiles;
import io.meshwork.engine.pipeline.Engine;
import io.meshwork.engine.pipeline.SnapshotProperties;
import io.meshwork.engine.query.ProductHistory;
import io.meshwork.engine.quality.QualityResultsTable;
import io.meshwork.engine.storage.ProductTables;
import io.meshwork.model.plan.PlannedProduct;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.iceberg.Table;

/**
 * Reads, from one tenant's own storage only, the state of each product it receives: Iceberg snapshot records for
 * {@code main} and the audit branches, and the validations kept in {@code meshwork.quality_results_v1}.
 */
final class TenantStateReader {

  /** Validations shown per product, newest first. */
  static final int HISTORY = 20;

  private final Engine engine;
  private final String tenant;

  TenantStateReader(Engine engine, String tenant) {
    this.engine = engine;
    this.tenant = tenant;
  }

  /** The state of every product of {@code products}, by name. */
  Map<String, ProductState> read(List<PlannedProduct> products) throws SQLException {
    Map<String, List<ProductState.ValidationRun>> validations = validations();
    Map<String, ProductState> states = new LinkedHashMap<>();
    for (PlannedProduct planned : products) {
      List<ProductState.ValidationRun> runs = validations.getOrDefault(planned.name(), List.of());
      Optional<Table> table = ProductTables.load(engine.storage(tenant).catalog(), planned.tableName());
      states.put(planned.name(), table.map(loaded -> state(loaded, runs))
          .orElse(new ProductState(Optional.empty(), List.of(), runs)));
    }
    return states;
  }

  /** The latest delivery of every source of {@code sources} that was ever delivered, by name. */
  Map<String, ProductState.Delivery> deliveries(List<io.meshwork.model.definition.Source> sources) {
    Map<String, ProductState.Delivery> deliveries = new LinkedHashMap<>();
    for (io.meshwork.model.definition.Source source : sources) {
      ProductTables.load(engine.storage(tenant).catalog(), source.tableName()).map(Table::currentSnapshot)
          .ifPresent(snapshot -> deliveries.put(source.name(), new ProductState.Delivery(
              Instant.ofEpochMilli(snapshot.timestampMillis()), snapshot.summary().getOrDefault(
                  SnapshotProperties.ROWS, snapshot.summary().getOrDefault("total-records", "")))));
    }
    return deliveries;
  }

  private static ProductState state(Table table, List<ProductState.ValidationRun> runs) {
    Optional<ProductState.PublishedSnapshot> published = ProductHistory.published(table).stream().findFirst()
        .map(snapshot -> {
          Map<String, String> summary = snapshot.summary();
          return new ProductState.PublishedSnapshot(snapshot.snapshotId(),
              Instant.ofEpochMilli(snapshot.timestampMillis()), summary.getOrDefault(SnapshotProperties.RUN_ID, ""),
              summary.getOrDefault(SnapshotProperties.VERSION, ""), summary.getOrDefault(SnapshotProperties.ROWS, ""),
              summary.getOrDefault(SnapshotProperties.QUALITY, ""));
        });
    List<ProductState.UnpublishedBranch> unpublished = ProductHistory.unpublished(table).stream().map(branch -> {
      String runId = branch.snapshot().summary().getOrDefault(SnapshotProperties.RUN_ID, "");
      return new ProductState.UnpublishedBranch(branch.branch(),
          Instant.ofEpochMilli(branch.snapshot().timestampMillis()), runId, reason(runs, runId));
    }).toList();
    return new ProductState(published, unpublished, runs);
  }

  /** Why a run's audit branch was not published, from its validation. */
  static String reason(List<ProductState.ValidationRun> runs, String runId) {
    Optional<ProductState.ValidationRun> validation = runs.stream().filter(run -> run.runId().equals(runId))
        .findFirst();
    if (validation.isEmpty()) {
      return "Computed but not validated: the run was interrupted or its validation did not finish.";
    }
    List<String> failed = validation.get().checks().stream().filter(check -> check.blocking() && !check.passed())
        .map(check -> check.name() + (check.columns().isEmpty() ? "" : "(" + check.columns() + ")")).toList();
    if (!failed.isEmpty()) {
      return "Blocked by quality: " + String.join(", ", failed) + " failed.";
    }
    return "Validated but not published: another run published first (conflict) or the run was interrupted.";
  }

  /** The last {@value #HISTORY} validations per product, newest first; none if nothing was ever validated. */
  private Map<String, List<ProductState.ValidationRun>> validations() throws SQLException {
    Optional<Table> results = ProductTables.load(engine.storage(tenant).catalog(), QualityResultsTable.NAME);
    if (results.isEmpty() || results.get().currentSnapshot() == null) {
      return Map.of();
    }
    TableFiles files = TableFiles.of("quality_results", results.get(), results.get().currentSnapshot().snapshotId(),
        engine.storage(tenant));
    Map<String, Map<String, ProductState.ValidationRun>> byProduct = new LinkedHashMap<>();
    try (CheckSession session = engine.compute().openChecks(engine.storage(tenant), List.of(files))) {
      // Fixed SQL over the results table alone; no text from outside reaches it.
      List<List<Object>> rows = session.rows("SELECT product, run_id, epoch_ms(min(checked_at) OVER (PARTITION BY "
          + "product, run_id)) AS started, version, check_name, coalesce(check_columns, ''), blocking, passed, "
          + "failing_rows, total_rows, message FROM quality_results ORDER BY product, started DESC, run_id, "
          + "check_position");
      for (List<Object> row : rows) {
        Map<String, ProductState.ValidationRun> runs = byProduct.computeIfAbsent((String) row.get(0),
            product -> new LinkedHashMap<>());
        String runId = (String) row.get(1);
        if (!runs.containsKey(runId) && runs.size() >= HISTORY) {
          continue;
        }
        ProductState.ValidationRun run = runs.computeIfAbsent(runId, id -> new ProductState.ValidationRun(id,
            Instant.ofEpochMilli(((Number) row.get(2)).longValue()), (String) row.get(3), List.of()));
        List<ProductState.Check> checks = new ArrayList<>(run.checks());
        checks.add(new ProductState.Check((String) row.get(4), (String) row.get(5), (Boolean) row.get(6),
            (Boolean) row.get(7), ((Number) row.get(8)).longValue(), ((Number) row.get(9)).longValue(),
            (String) row.get(10)));
        runs.put(runId, new ProductState.ValidationRun(run.runId(), run.checkedAt(), run.version(), checks));
      }
    }
    Map<String, List<ProductState.ValidationRun>> validations = new LinkedHashMap<>();
    byProduct.forEach((product, runs) -> validations.put(product, List.copyOf(runs.values())));
    return validations;
  }
}
