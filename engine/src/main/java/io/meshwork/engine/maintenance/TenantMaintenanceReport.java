package io.meshwork.engine.maintenance;

import io.meshwork.model.definition.RetentionPolicy;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one maintenance run did to a tenant's tables (or, for a dry run, would do).
 *
 * @param tenant the tenant
 * @param dryRun true when nothing was changed
 * @param ranAt the moment the policy's ages were measured from
 * @param policy the catalogue's retention policy that was applied
 * @param tables one report per table maintained, in table name order, also those where nothing changed
 */
public record TenantMaintenanceReport(String tenant, boolean dryRun, Instant ranAt, RetentionPolicy policy,
    List<MaintenanceReport> tables) {

  public TenantMaintenanceReport {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(ranAt, "ranAt");
    Objects.requireNonNull(policy, "policy");
    tables = List.copyOf(tables);
  }

  public int removedBranches() {
    return tables.stream().mapToInt(table -> table.removedBranches().size()).sum();
  }

  public int expiredSnapshots() {
    return tables.stream().mapToInt(table -> table.expiredSnapshots().size()).sum();
  }

  /** Files removed: those only expired snapshots referenced, and orphans. */
  public int deletedFiles() {
    return tables.stream().mapToInt(table -> table.deletedFiles().size() + table.orphanFiles().size()).sum();
  }

  public int orphanFiles() {
    return tables.stream().mapToInt(table -> table.orphanFiles().size()).sum();
  }
}
