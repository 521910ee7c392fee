package io.meshwork.engine.maintenance;

import io.meshwork.engine.pipeline.Engine;
import io.meshwork.model.definition.RetentionPolicy;
import io.meshwork.model.plan.MaintainedDatabases;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.NoSuchNamespaceException;

/**
 * Applies the catalogue's retention policy ({@link TableMaintenance}) to every table of a tenant: each table of the
 * namespaces its plan reads or writes and of Meshwork's own namespace, so earlier majors and Meshwork's records are
 * maintained too. Namespaces come from the plan rather than a listing of the whole catalog, so the scheduled function
 * needs the tenant's databases only. Used by {@code mesh maintain} and the daily maintenance function alike.
 */
public final class MaintenanceService {

  private final Engine engine;
  private final Clock clock;

  public MaintenanceService(Engine engine, Clock clock) {
    this.engine = engine;
    this.clock = clock;
  }

  public TenantMaintenanceReport maintain(String tenant, boolean dryRun) {
    RetentionPolicy policy = engine.catalog().info().retention();
    Instant now = clock.instant();
    TableMaintenance maintenance = new TableMaintenance(policy, now);
    Catalog catalog = engine.storage(tenant).catalog();
    List<MaintenanceReport> reports = new ArrayList<>();
    for (TableIdentifier table : tables(catalog, MaintainedDatabases.of(engine.plan(tenant)))) {
      reports.add(maintenance.maintain(catalog.loadTable(table), table.toString(), dryRun));
    }
    return new TenantMaintenanceReport(tenant, dryRun, now, policy, reports);
  }

  private static List<TableIdentifier> tables(Catalog catalog, Set<String> namespaces) {
    List<TableIdentifier> tables = new ArrayList<>();
    for (String namespace : namespaces) {
      try {
        tables.addAll(catalog.listTables(Namespace.of(namespace)));
      } catch (NoSuchNamespaceException e) {
        // nothing written there yet (e.g. Meshwork's records before the first validation)
      }
    }
    tables.sort(Comparator.comparing(TableIdentifier::toString));
    return tables;
  }
}
