package io.meshwork.functions.access;

import io.meshwork.model.access.ColumnTag;
import io.meshwork.model.access.DataCellsFilter;
import io.meshwork.model.access.DatabaseTag;
import io.meshwork.model.access.LakeFormationPolicy;
import io.meshwork.model.access.LakeFormationTag;
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
import software.amazon.awssdk.services.lakeformation.model.BatchPermissionsFailureEntry;
import software.amazon.awssdk.services.lakeformation.model.BatchPermissionsRequestEntry;
import software.amazon.awssdk.services.lakeformation.model.ColumnLFTag;
import software.amazon.awssdk.services.lakeformation.model.LFTagError;
import software.amazon.awssdk.services.lakeformation.model.LFTagPair;
import software.amazon.awssdk.services.lakeformation.model.Permission;
import software.amazon.awssdk.services.lakeformation.model.Resource;
import software.amazon.awssdk.services.lakeformation.model.TableResource;

/**
 * Carries out a {@link LakeFormationPolicy} through the Lake Formation API, adding only what is missing, so that it
 * can run again at any time (after a partial run, or on an unchanged policy, which then reports no change). It never
 * removes anything: tag values, tags on resources and grants that the policy no longer asks for stay.
 *
 * <p>Order, as in the CloudFormation template: LF-Tags, database tags, column tags, data cells filters, grants. A
 * failing call stops the run with the SDK's exception; what was applied before it stays, and the next run continues.
 * The caller must be a data lake administrator of the catalog, and the Glue databases and tables must exist.
 */
public final class LakeFormationApplier {

  /** The most entries {@code BatchGrantPermissions} takes in one call. */
  static final int BATCH_SIZE = 20;

  private final LakeFormationClient lakeFormation;
  private final String catalogId;

  /**
   * @param lakeFormation a client of the tenant account's Lake Formation
   * @param catalogId the account whose Data Catalog holds the tenant's tables (12 digits)
   */
  public LakeFormationApplier(LakeFormationClient lakeFormation, String catalogId) {
    this.lakeFormation = Objects.requireNonNull(lakeFormation, "lakeFormation");
    this.catalogId = Objects.requireNonNull(catalogId, "catalogId");
    if (!catalogId.matches("\\d{12}")) {
      throw new IllegalArgumentException("catalogId '" + catalogId + "' is not an AWS account id (12 digits)");
    }
  }

  /** Adds what Lake Formation lacks of {@code policy}; returns what was added. */
  public ApplyReport apply(LakeFormationPolicy policy) {
    List<String> tagsCreated = new ArrayList<>();
    List<String> tagValuesAdded = new ArrayList<>();
    applyTags(policy.tags(), tagsCreated, tagValuesAdded);
    List<String> databasesTagged = applyDatabaseTags(policy.databaseTags());
    List<String> columnsTagged = applyColumnTags(policy.columnTags());
    List<String> filtersCreated = new ArrayList<>();
    List<String> filtersUpdated = new ArrayList<>();
    applyFilters(policy.filters(), filtersCreated, filtersUpdated);
    List<LakeFormationGrant> grantsAdded = applyGrants(GrantEntries.of(policy, catalogId));
    return new ApplyReport(tagsCreated, tagValuesAdded, databasesTagged, columnsTagged, filtersCreated,
        filtersUpdated, grantsAdded);
  }

  /** Creates missing LF-Tags and adds missing values to existing ones; values the policy lacks stay. */
  private void applyTags(List<LakeFormationTag> tags, List<String> created, List<String> valuesAdded) {
    Map<String, List<String>> existing = lakeFormation.listLFTagsPaginator(request -> request.catalogId(catalogId))
        .stream().flatMap(page -> page.lfTags().stream())
        .collect(Collectors.toMap(LFTagPair::tagKey, LFTagPair::tagValues));
    for (LakeFormationTag tag : tags) {
      List<String> values = existing.get(tag.key());
      if (values == null) {
        lakeFormation.createLFTag(request -> request.catalogId(catalogId).tagKey(tag.key()).tagValues(tag.values()));
        created.add(tag.key() + "=" + tag.values());
        continue;
      }
      List<String> missing = tag.values().stream().filter(value -> !values.contains(value)).toList();
      if (!missing.isEmpty()) {
        lakeFormation.updateLFTag(request -> request.catalogId(catalogId).tagKey(tag.key()).tagValuesToAdd(missing));
        missing.forEach(value -> valuesAdded.add(tag.key() + "=" + value));
      }
    }
  }

  private List<String> applyDatabaseTags(List<DatabaseTag> databaseTags) {
    List<String> tagged = new ArrayList<>();
    for (DatabaseTag tag : databaseTags) {
      Resource database = Resource.builder().database(db -> db.catalogId(catalogId).name(tag.database())).build();
      // Only the tags assigned to the database itself count: an inherited or catalog-level value is not this one.
      List<LFTagPair> assigned = lakeFormation.getResourceLFTags(request -> request.catalogId(catalogId)
          .resource(database).showAssignedLFTags(true)).lfTagOnDatabase();
      if (!carries(assigned, LakeFormationTag.DOMAIN, tag.domain())) {
        addTag(database, LakeFormationTag.DOMAIN, tag.domain());
        tagged.add(tag.database() + " " + LakeFormationTag.DOMAIN + "=" + tag.domain());
      }
    }
    return tagged;
  }

  /** Tags, per table, the columns whose assigned classification differs from the policy's; one call per label. */
  private List<String> applyColumnTags(List<ColumnTag> columnTags) {
    Map<TableName, List<ColumnTag>> byTable = columnTags.stream()
        .collect(Collectors.groupingBy(ColumnTag::table, LinkedHashMap::new, Collectors.toList()));
    List<String> tagged = new ArrayList<>();
    for (Map.Entry<TableName, List<ColumnTag>> table : byTable.entrySet()) {
      TableName name = table.getKey();
      List<String> columns = table.getValue().stream().flatMap(tag -> tag.columns().stream()).toList();
      Map<String, List<LFTagPair>> assigned = lakeFormation.getResourceLFTags(request -> request.catalogId(catalogId)
              .resource(columnsOf(name, columns)).showAssignedLFTags(true))
          .lfTagsOnColumns().stream().collect(Collectors.toMap(ColumnLFTag::name, ColumnLFTag::lfTags));
      for (ColumnTag tag : table.getValue()) {
        String label = tag.classification().label();
        List<String> missing = tag.columns().stream().filter(column -> !carries(assigned.getOrDefault(column,
            List.of()), LakeFormationTag.CLASSIFICATION, label)).toList();
        if (!missing.isEmpty()) {
          addTag(columnsOf(name, missing), LakeFormationTag.CLASSIFICATION, label);
          missing.forEach(column -> tagged.add(name + "." + column + " " + LakeFormationTag.CLASSIFICATION + "="
              + label));
        }
      }
    }
    return tagged;
  }

  /** Creates missing filters and updates those whose columns or row filter differ from the policy's. */
  private void applyFilters(List<DataCellsFilter> filters, List<String> created, List<String> updated) {
    Map<TableName, List<DataCellsFilter>> byTable = filters.stream()
        .collect(Collectors.groupingBy(DataCellsFilter::table, LinkedHashMap::new, Collectors.toList()));
    for (Map.Entry<TableName, List<DataCellsFilter>> table : byTable.entrySet()) {
      TableName name = table.getKey();
      Map<String, software.amazon.awssdk.services.lakeformation.model.DataCellsFilter> existing = lakeFormation
          .listDataCellsFilterPaginator(request -> request.table(TableResource.builder().catalogId(catalogId)
              .databaseName(name.namespace()).name(name.table()).build()))
          .stream().flatMap(page -> page.dataCellsFilters().stream())
          .collect(Collectors.toMap(software.amazon.awssdk.services.lakeformation.model.DataCellsFilter::name,
              Function.identity()));
      for (DataCellsFilter filter : table.getValue()) {
        software.amazon.awssdk.services.lakeformation.model.DataCellsFilter wanted = filterOf(filter);
        var current = existing.get(filter.name());
        String label = name + "." + filter.name();
        if (current == null) {
          lakeFormation.createDataCellsFilter(request -> request.tableData(wanted));
          created.add(label);
        } else if (!sameDefinition(current, wanted)) {
          lakeFormation.updateDataCellsFilter(request -> request.tableData(wanted));
          updated.add(label);
        }
      }
    }
  }

  /**
   * Grants, in batches, the permissions that {@code ListPermissions} over the whole catalog does not show yet. The
   * whole catalog is read once: a filter by principal needs a resource, and one read per grant would be slower.
   */
  private List<LakeFormationGrant> applyGrants(List<BatchPermissionsRequestEntry> entries) {
    List<LakeFormationGrant> existing = lakeFormation.listPermissionsPaginator(request -> request.catalogId(catalogId))
        .stream().flatMap(page -> page.principalResourcePermissions().stream()).map(LakeFormationGrant::of).toList();
    List<BatchPermissionsRequestEntry> missing = new ArrayList<>();
    List<LakeFormationGrant> added = new ArrayList<>();
    for (BatchPermissionsRequestEntry entry : entries) {
      LakeFormationGrant wanted = LakeFormationGrant.of(entry.principal(), entry.resource(), entry.permissions());
      Set<String> shown = new HashSet<>();
      existing.stream().filter(grant -> grant.sameTarget(wanted)).forEach(grant -> shown.addAll(grant.permissions()));
      List<Permission> lacking = entry.permissions().stream()
          .filter(permission -> !shown.contains(permission.toString())).toList();
      if (!lacking.isEmpty()) {
        BatchPermissionsRequestEntry grant = entry.toBuilder().permissions(lacking).build();
        missing.add(grant);
        added.add(LakeFormationGrant.of(grant.principal(), grant.resource(), lacking));
      }
    }
    for (int start = 0; start < missing.size(); start += BATCH_SIZE) {
      List<BatchPermissionsRequestEntry> batch = missing.subList(start, Math.min(start + BATCH_SIZE, missing.size()));
      List<BatchPermissionsFailureEntry> failures = lakeFormation.batchGrantPermissions(request -> request
          .catalogId(catalogId).entries(batch)).failures();
      if (!failures.isEmpty()) {
        throw new IllegalStateException("Lake Formation refused " + failures.size() + " of " + batch.size()
            + " grants: " + failures.stream().map(failure -> LakeFormationGrant.of(failure.requestEntry().principal(),
                failure.requestEntry().resource(), failure.requestEntry().permissions()) + ": "
                + failure.error().errorCode() + " " + failure.error().errorMessage())
            .collect(Collectors.joining("; ")));
      }
    }
    return added;
  }

  private void addTag(Resource resource, String key, String value) {
    List<LFTagError> failures = lakeFormation.addLFTagsToResource(request -> request.catalogId(catalogId)
        .resource(resource).lfTags(LFTagPair.builder().catalogId(catalogId).tagKey(key).tagValues(value).build()))
        .failures();
    if (!failures.isEmpty()) {
      throw new IllegalStateException("Lake Formation did not tag " + resource + " with " + key + "=" + value + ": "
          + failures.stream().map(failure -> failure.error().errorCode() + " " + failure.error().errorMessage())
          .collect(Collectors.joining("; ")));
    }
  }

  private Resource columnsOf(TableName table, List<String> columns) {
    return Resource.builder().tableWithColumns(resource -> resource.catalogId(catalogId)
        .databaseName(table.namespace()).name(table.table()).columnNames(columns)).build();
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

  /** True if {@code tags} give {@code key} exactly the value {@code value} (a resource has one value per key). */
  private static boolean carries(List<LFTagPair> tags, String key, String value) {
    return tags.stream().anyMatch(tag -> tag.tagKey().equals(key) && tag.tagValues().equals(List.of(value)));
  }
}
