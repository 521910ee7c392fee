package io.meshwork.engine.freshness;

import io.meshwork.engine.pipeline.Engine;
import io.meshwork.engine.pipeline.SnapshotProperties;
import io.meshwork.engine.storage.ProductTables;
import io.meshwork.model.plan.PlannedProduct;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;

/**
 * How long ago each product of a tenant with a freshness SLA was published: the commit time of the snapshot on its
 * table's {@code main}. Publish fast-forwards {@code main} to a snapshot it commits just before (the stamp carrying the
 * run's record), so that time is the publication time; a refresh that finds the product up to date leaves
 * {@code main}, and so the age, unchanged. Only table metadata is read (one catalog lookup and one metadata file per
 * product), never data files.
 *
 * <p>A product that was never published (no table, or no {@code main}) has no age and breaches its SLA: its data is
 * not there for anyone to query.
 */
public final class FreshnessService {

  private final Engine engine;
  private final Clock clock;

  public FreshnessService(Engine engine, Clock clock) {
    this.engine = engine;
    this.clock = clock;
  }

  public FreshnessReport check(String tenant) {
    List<PlannedProduct> monitored = engine.plan(tenant).products().stream()
        .filter(planned -> planned.product().sla().freshness().isPresent())
        .toList();
    Catalog catalog = engine.storage(tenant).catalog();
    Instant now = clock.instant();
    List<ProductFreshness> products = new ArrayList<>();
    for (PlannedProduct planned : monitored) {
      Duration sla = planned.product().sla().freshness().orElseThrow();
      Optional<Snapshot> main = ProductTables.load(catalog, planned.tableName()).map(Table::currentSnapshot);
      products.add(ProductFreshness.at(now, planned.name(), planned.tableName().toString(), sla,
          main.map(snapshot -> Instant.ofEpochMilli(snapshot.timestampMillis())),
          main.map(snapshot -> snapshot.summary().get(SnapshotProperties.RUN_ID)).orElse(null)));
    }
    return new FreshnessReport(tenant, now, products);
  }
}
