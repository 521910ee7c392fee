package io.meshwork.functions.access;

import io.meshwork.model.access.ColumnTag;
import io.meshwork.model.access.DatabaseTag;
import io.meshwork.model.access.LakeFormationTag;
import io.meshwork.model.definition.TableName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.lakeformation.LakeFormationClient;
import software.amazon.awssdk.services.lakeformation.model.ColumnLFTag;
import software.amazon.awssdk.services.lakeformation.model.LFTagError;
import software.amazon.awssdk.services.lakeformation.model.LFTagPair;
import software.amazon.awssdk.services.lakeformation.model.Resource;

/**
 * The LF-Tags of a policy, added where missing: the tag keys and values, the domain tag on each database and the
 * classification tag on each column. Tags are only added or changed, never removed: a value another grant may rely
 * on stays, and a column's classification is replaced by tagging it with the new one.
 */
final class CatalogTags {

  private final LakeFormationClient lakeFormation;
  private final String catalogId;
  private final ThrottlingRetry retry;

  CatalogTags(LakeFormationClient lakeFormation, String catalogId, ThrottlingRetry retry) {
    this.lakeFormation = lakeFormation;
    this.catalogId = catalogId;
    this.retry = retry;
  }

  /** Creates missing LF-Tags and adds missing values to existing ones; values the policy lacks stay. */
  void applyTags(List<LakeFormationTag> tags, List<String> created, List<String> valuesAdded) {
    Map<String, List<String>> existing = retry.call(() -> lakeFormation.listLFTagsPaginator(request -> request
            .catalogId(catalogId)).stream().flatMap(page -> page.lfTags().stream())
        .collect(Collectors.toMap(LFTagPair::tagKey, LFTagPair::tagValues)));
    for (LakeFormationTag tag : tags) {
      List<String> values = existing.get(tag.key());
      if (values == null) {
        retry.call(() -> lakeFormation.createLFTag(request -> request.catalogId(catalogId).tagKey(tag.key())
            .tagValues(tag.values())));
        created.add(tag.key() + "=" + tag.values());
        continue;
      }
      List<String> missing = tag.values().stream().filter(value -> !values.contains(value)).toList();
      if (!missing.isEmpty()) {
        retry.call(() -> lakeFormation.updateLFTag(request -> request.catalogId(catalogId).tagKey(tag.key())
            .tagValuesToAdd(missing)));
        missing.forEach(value -> valuesAdded.add(tag.key() + "=" + value));
      }
    }
  }

  List<String> applyDatabaseTags(List<DatabaseTag> databaseTags) {
    List<String> tagged = new ArrayList<>();
    for (DatabaseTag tag : databaseTags) {
      Resource database = Resource.builder().database(db -> db.catalogId(catalogId).name(tag.database())).build();
      // Only the tags assigned to the database itself count: an inherited or catalog-level value is not this one.
      List<LFTagPair> assigned = retry.call(() -> lakeFormation.getResourceLFTags(request -> request
          .catalogId(catalogId).resource(database).showAssignedLFTags(true))).lfTagOnDatabase();
      if (!carries(assigned, LakeFormationTag.DOMAIN, tag.domain())) {
        addTag(database, LakeFormationTag.DOMAIN, tag.domain());
        tagged.add(tag.database() + " " + LakeFormationTag.DOMAIN + "=" + tag.domain());
      }
    }
    return tagged;
  }

  /** Tags, per table, the columns whose assigned classification differs from the policy's; one call per label. */
  List<String> applyColumnTags(List<ColumnTag> columnTags) {
    Map<TableName, List<ColumnTag>> byTable = columnTags.stream()
        .collect(Collectors.groupingBy(ColumnTag::table, LinkedHashMap::new, Collectors.toList()));
    List<String> tagged = new ArrayList<>();
    for (Map.Entry<TableName, List<ColumnTag>> table : byTable.entrySet()) {
      TableName name = table.getKey();
      List<String> columns = table.getValue().stream().flatMap(tag -> tag.columns().stream()).toList();
      Map<String, List<LFTagPair>> assigned = retry.call(() -> lakeFormation.getResourceLFTags(request -> request
              .catalogId(catalogId).resource(columnsOf(name, columns)).showAssignedLFTags(true)))
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

  private void addTag(Resource resource, String key, String value) {
    List<LFTagError> failures = retry.call(() -> lakeFormation.addLFTagsToResource(request -> request
        .catalogId(catalogId).resource(resource)
        .lfTags(LFTagPair.builder().catalogId(catalogId).tagKey(key).tagValues(value).build()))).failures();
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

  /** True if {@code tags} give {@code key} exactly the value {@code value} (a resource has one value per key). */
  private static boolean carries(List<LFTagPair> tags, String key, String value) {
    return tags.stream().anyMatch(tag -> tag.tagKey().equals(key) && tag.tagValues().equals(List.of(value)));
  }
}
