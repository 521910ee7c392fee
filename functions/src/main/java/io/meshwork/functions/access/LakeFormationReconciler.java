package io.meshwork.functions.access;

import io.meshwork.model.access.Ceiling;
import io.meshwork.model.access.DataCellsFilter;
import io.meshwork.model.access.LakeFormationPolicy;
import io.meshwork.model.definition.TableName;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.lakeformation.LakeFormationClient;
import software.amazon.awssdk.services.lakeformation.model.TableResource;

/**
 * Makes a tenant's Lake Formation hold exactly what its {@link LakeFormationPolicy} asks for, among what Meshwork
 * manages: grants the policy asks for and Lake Formation lacks are granted (desired minus actual); grants Meshwork made
 * earlier that the policy no longer asks for are revoked (actual minus desired, over the {@link AccessLedger}); the
 * same for data cells filters. Grants and filters made outside Meshwork are not in the ledger and are never touched.
 *
 * <p>Order: LF-Tags, database tags, column tags, filters created or updated, grants revoked, grants added, filters
 * deleted. Revoking comes before granting, because Lake Formation merges column grants of one principal on one table:
 * granting the new columns first and then revoking the old ones would take away columns both share. Before any
 * change the ledger records the union of what it held and what the policy asks for, and afterwards exactly the policy,
 * so a run stopped half-way never forgets a grant it may have made. Calls are retried on throttling and concurrent
 * changes ({@link ThrottlingRetry}); another failure stops the run with the SDK's exception, and the next run
 * continues. The caller must be a data lake administrator of the catalog, and the Glue databases and tables must exist.
 */
public final class LakeFormationReconciler {

  private final LakeFormationClient lakeFormation;
  private final String catalogId;
  private final AccessLedger ledger;
  private final ThrottlingRetry retry;
  private final CatalogTags tags;
  private final PermissionBatches permissions;

  /**
   * @param lakeFormation a client of the tenant account's Lake Formation
   * @param catalogId the account whose Data Catalog holds the tenant's tables (12 digits)
   * @param ledger where what Meshwork made is kept between runs
   */
  public LakeFormationReconciler(LakeFormationClient lakeFormation, String catalogId, AccessLedger ledger) {
    this(lakeFormation, catalogId, ledger, ThrottlingRetry.waiting());
  }

  LakeFormationReconciler(LakeFormationClient lakeFormation, String catalogId, AccessLedger ledger,
      ThrottlingRetry retry) {
    this.lakeFormation = Objects.requireNonNull(lakeFormation, "lakeFormation");
    this.catalogId = Objects.requireNonNull(catalogId, "catalogId");
    this.ledger = Objects.requireNonNull(ledger, "ledger");
    if (!catalogId.matches("\\d{12}")) {
      throw new IllegalArgumentException("catalogId '" + catalogId + "' is not an AWS account id (12 digits)");
    }
    this.retry = retry;
    this.tags = new CatalogTags(lakeFormation, catalogId, retry);
    this.permissions = new PermissionBatches(lakeFormation, catalogId, retry);
  }

  /** Brings Lake Formation to {@code policy}; returns what changed, nothing when it already held the policy. */
  public ApplyReport reconcile(LakeFormationPolicy policy) {
    return reconcile(policy, new ApplyReport.Builder());
  }

  /**
   * Brings Lake Formation to {@code policy} within the provider's {@code ceiling}: the policy's grants above it are
   * refused, and grants made by hand above it are revoked; both are in the report's {@code ceiling} list.
   */
  public ApplyReport reconcile(LakeFormationPolicy policy, Ceiling ceiling) {
    ApplyReport.Builder report = new ApplyReport.Builder();
    LakeFormationPolicy within = CeilingEnforcement.withinCeiling(policy, ceiling, report.ceiling);
    ApplyReport applied = reconcile(within, report);
    if (!ceiling.declared()) {
      return applied;
    }
    Set<LakeFormationGrant> managed = ledger.read().comparableGrants();
    new CeilingEnforcement(lakeFormation, catalogId, retry).revokeBeyond(ceiling, managed, report.ceiling);
    return report.build();
  }

  private ApplyReport reconcile(LakeFormationPolicy policy, ApplyReport.Builder report) {
    ManagedAccess desired = new ManagedAccess(ManagedGrant.of(policy), policy.filters().stream()
        .map(filter -> new ManagedFilter(filter.table().namespace(), filter.table().table(), filter.name())).toList());
    ManagedAccess managed = ledger.read();
    ManagedAccess recorded = managed.union(desired);
    if (!recorded.equals(managed)) {
      ledger.write(recorded);
    }
    tags.applyTags(policy.tags(), report.tagsCreated, report.tagValuesAdded);
    report.databasesTagged.addAll(tags.applyDatabaseTags(policy.databaseTags()));
    report.columnsTagged.addAll(tags.applyColumnTags(policy.columnTags()));
    applyFilters(policy.filters(), report.filtersCreated, report.filtersUpdated);
    reconcileGrants(desired, managed, report);
    deleteFilters(managed, desired, report.filtersDeleted);
    if (!desired.equals(recorded)) {
      ledger.write(desired);
    }
    return report.build();
  }

  /**
   * Revokes every grant and deletes every filter Meshwork made, as when the tenant's stack is deleted; tags stay (they
   * go with the databases). Returns what changed.
   */
  public ApplyReport removeAll() {
    ManagedAccess managed = ledger.read();
    ApplyReport.Builder report = new ApplyReport.Builder();
    reconcileGrants(ManagedAccess.NONE, managed, report);
    deleteFilters(managed, ManagedAccess.NONE, report.filtersDeleted);
    ledger.write(ManagedAccess.NONE);
    return report.build();
  }

  private void reconcileGrants(ManagedAccess desired, ManagedAccess managed, ApplyReport.Builder report) {
    List<LakeFormationGrant> actual = retry.call(() -> lakeFormation.listPermissionsPaginator(request -> request
        .catalogId(catalogId)).stream().flatMap(page -> page.principalResourcePermissions().stream())
        .map(LakeFormationGrant::of).toList());
    Set<LakeFormationGrant> wanted = desired.comparableGrants();
    List<ManagedGrant> revoke = new ArrayList<>();
    for (ManagedGrant grant : managed.grants()) {
      if (!wanted.contains(grant.comparable()) && shown(actual, grant.comparable()).containsAll(
          grant.comparable().permissions())) {
        revoke.add(grant);
      }
    }
    List<ManagedGrant> add = new ArrayList<>();
    for (ManagedGrant grant : desired.grants()) {
      Set<String> shown = shown(actual, grant.comparable());
      List<String> lacking = grant.permissions().stream().filter(permission -> !shown.contains(permission)).toList();
      // A grant being revoked on the same target (its columns changed) is granted again after the revocation.
      boolean revokedTarget = revoke.stream().anyMatch(old -> old.comparable().sameTarget(grant.comparable()));
      if (!lacking.isEmpty() || revokedTarget) {
        add.add(revokedTarget ? grant : new ManagedGrant(grant.principal(), grant.kind(), grant.database(),
            grant.table(), grant.columns(), grant.filter(), grant.domains(), lacking));
      }
    }
    permissions.revoke(revoke);
    revoke.forEach(grant -> report.grantsRevoked.add(grant.comparable()));
    permissions.grant(add);
    add.forEach(grant -> report.grantsAdded.add(grant.comparable()));
  }

  private static Set<String> shown(List<LakeFormationGrant> actual, LakeFormationGrant target) {
    Set<String> shown = new HashSet<>();
    actual.stream().filter(grant -> grant.sameTarget(target)).forEach(grant -> shown.addAll(grant.permissions()));
    return shown;
  }

  /** Creates missing filters and updates those whose columns or row filter differ from the policy's. */
  private void applyFilters(List<DataCellsFilter> filters, List<String> created, List<String> updated) {
    Map<TableName, List<DataCellsFilter>> byTable = filters.stream()
        .collect(Collectors.groupingBy(DataCellsFilter::table, LinkedHashMap::new, Collectors.toList()));
    for (Map.Entry<TableName, List<DataCellsFilter>> table : byTable.entrySet()) {
      TableName name = table.getKey();
      Map<String, software.amazon.awssdk.services.lakeformation.model.DataCellsFilter> existing =
          existingFilters(name.namespace(), name.table());
      for (DataCellsFilter filter : table.getValue()) {
        software.amazon.awssdk.services.lakeformation.model.DataCellsFilter wanted = filterOf(filter);
        var current = existing.get(filter.name());
        String label = name + "." + filter.name();
        if (current == null) {
          retry.call(() -> lakeFormation.createDataCellsFilter(request -> request.tableData(wanted)));
          created.add(label);
        } else if (!sameDefinition(current, wanted)) {
          retry.call(() -> lakeFormation.updateDataCellsFilter(request -> request.tableData(wanted)));
          updated.add(label);
        }
      }
    }
  }

  /** Deletes the filters Meshwork made that are no longer desired and still exist. */
  private void deleteFilters(ManagedAccess managed, ManagedAccess desired, List<String> deleted) {
    Set<ManagedFilter> kept = new LinkedHashSet<>(desired.filters());
    for (ManagedFilter filter : managed.filters()) {
      if (kept.contains(filter) || !existingFilters(filter.database(), filter.table()).containsKey(filter.name())) {
        continue;
      }
      retry.call(() -> lakeFormation.deleteDataCellsFilter(request -> request.tableCatalogId(catalogId)
          .databaseName(filter.database()).tableName(filter.table()).name(filter.name())));
      deleted.add(filter.toString());
    }
  }

  private Map<String, software.amazon.awssdk.services.lakeformation.model.DataCellsFilter> existingFilters(
      String database, String table) {
    return retry.call(() -> lakeFormation.listDataCellsFilterPaginator(request -> request.table(TableResource
            .builder().catalogId(catalogId).databaseName(database).name(table).build()))
        .stream().flatMap(page -> page.dataCellsFilters().stream())
        .collect(Collectors.toMap(software.amazon.awssdk.services.lakeformation.model.DataCellsFilter::name,
            Function.identity())));
  }

  private software.amazon.awssdk.services.lakeformation.model.DataCellsFilter filterOf(DataCellsFilter filter) {
    return software.amazon.awssdk.services.lakeformation.model.DataCellsFilter.builder()
        .tableCatalogId(catalogId)
        .databaseName(filter.table().namespace())
        .tableName(filter.table().table())
        .name(filter.name())
        .columnNames(filter.columns())
        .rowFilter(row -> row.filterExpression(filter.rowFilter()))
        .build();
  }

  private static boolean sameDefinition(software.amazon.awssdk.services.lakeformation.model.DataCellsFilter current,
      software.amazon.awssdk.services.lakeformation.model.DataCellsFilter wanted) {
    return current.columnWildcard() == null
        && new LinkedHashSet<>(current.columnNames()).equals(new LinkedHashSet<>(wanted.columnNames()))
        && current.rowFilter() != null
        && Objects.equals(current.rowFilter().filterExpression(), wanted.rowFilter().filterExpression());
  }
}
