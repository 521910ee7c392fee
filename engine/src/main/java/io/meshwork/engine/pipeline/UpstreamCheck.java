package io.meshwork.engine.pipeline;

import io.meshwork.engine.storage.ProductTables;
import io.meshwork.model.definition.TableName;
import io.meshwork.model.plan.PlannedProduct;
import io.meshwork.model.plan.TenantPlan;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;

/**
 * Whether the products a product reads are current: {@code main} of each was computed from its current definition
 * and from the current {@code main} of each of its inputs, which are current in turn. In a run every upstream product
 * is refreshed before its readers, so an input that is not current failed, was blocked or was skipped earlier in the
 * run; the state machine has no memory across its waves, and this check is how Compute learns it.
 *
 * <p>One instance serves one Compute: each table of the upstream closure is loaded once and reused.
 */
final class UpstreamCheck {

  private final TenantPlan plan;
  private final Catalog catalog;
  private final Map<TableName, Optional<Table>> tables = new HashMap<>();
  /** Per product: empty when current, otherwise why not. */
  private final Map<String, Optional<String>> verdicts = new HashMap<>();

  UpstreamCheck(TenantPlan plan, Catalog catalog) {
    this.plan = plan;
    this.catalog = catalog;
  }

  /** The table, loaded once per check; empty if it does not exist. */
  Optional<Table> table(TableName name) {
    return tables.computeIfAbsent(name, missing -> ProductTables.load(catalog, name));
  }

  /** A product input that is not current, and why ("has never been published", ...). */
  record StaleInput(String input, String reason) {
    String describe() {
      return "input " + input + " " + reason;
    }
  }

  /** The first product input of {@code planned} that is not current; empty if all are. */
  Optional<StaleInput> staleInput(PlannedProduct planned) {
    for (PlannedProduct.ResolvedInput input : planned.inputs()) {
      Optional<PlannedProduct> upstream = input.isSource() ? Optional.empty() : plan.product(input.name());
      if (upstream.isPresent()) {
        Optional<String> why = whyNotCurrent(upstream.get());
        if (why.isPresent()) {
          return Optional.of(new StaleInput(input.name(), why.get()));
        }
      }
    }
    return Optional.empty();
  }

  private Optional<String> whyNotCurrent(PlannedProduct product) {
    Optional<String> known = verdicts.get(product.name());
    if (known != null) {
      return known;
    }
    Optional<String> verdict = judge(product);
    verdicts.put(product.name(), verdict);
    return verdict;
  }

  private Optional<String> judge(PlannedProduct product) {
    Snapshot published = table(product.tableName()).map(Table::currentSnapshot).orElse(null);
    if (published == null) {
      return Optional.of("has never been published");
    }
    Map<String, Long> pins = new TreeMap<>();
    for (PlannedProduct.ResolvedInput input : product.inputs()) {
      Snapshot current = table(input.tableName()).map(Table::currentSnapshot).orElse(null);
      if (current == null) {
        return Optional.of("reads " + input.name() + ", which has no data");
      }
      pins.put(input.name(), current.snapshotId());
    }
    if (!SnapshotProperties.describes(published, product.fingerprint(), pins)) {
      return Optional.of("did not publish its current definition and inputs (it failed, was blocked or was skipped)");
    }
    return staleInput(product).map(stale -> "is not current: it reads " + stale.input() + ", which " + stale.reason());
  }
}
