package io.meshwork.functions.access;

import java.util.List;
import java.util.stream.Stream;

/**
 * What one {@link LakeFormationApplier#apply} changed; everything the policy asks for that already existed is left
 * out, so applying an unchanged policy again reports no change.
 *
 * @param tagsCreated LF-Tags created, as {@code key=[values]}
 * @param tagValuesAdded values added to existing LF-Tags, as {@code key=value}
 * @param databasesTagged databases given their domain tag, as {@code database key=value}
 * @param columnsTagged columns given their classification tag, as {@code database.table.column key=value}
 * @param filtersCreated data cells filters created, as {@code database.table.filter}
 * @param filtersUpdated data cells filters whose columns or row filter were changed to the policy's
 * @param grantsAdded grants sent, each with only the permissions Lake Formation did not already show
 */
public record ApplyReport(List<String> tagsCreated, List<String> tagValuesAdded, List<String> databasesTagged,
    List<String> columnsTagged, List<String> filtersCreated, List<String> filtersUpdated,
    List<LakeFormationGrant> grantsAdded) {

  public ApplyReport {
    tagsCreated = List.copyOf(tagsCreated);
    tagValuesAdded = List.copyOf(tagValuesAdded);
    databasesTagged = List.copyOf(databasesTagged);
    columnsTagged = List.copyOf(columnsTagged);
    filtersCreated = List.copyOf(filtersCreated);
    filtersUpdated = List.copyOf(filtersUpdated);
    grantsAdded = List.copyOf(grantsAdded);
  }

  /** The number of changes: tags, tag values, tagged databases and columns, filters and grants. */
  public int changes() {
    return Stream.of(tagsCreated, tagValuesAdded, databasesTagged, columnsTagged, filtersCreated, filtersUpdated,
        grantsAdded).mapToInt(List::size).sum();
  }

  /** True if Lake Formation already held everything the policy asks for. */
  public boolean unchanged() {
    return changes() == 0;
  }

  @Override
  public String toString() {
    return tagsCreated.size() + " tags created, " + tagValuesAdded.size() + " tag values added, "
        + databasesTagged.size() + " databases tagged, " + columnsTagged.size() + " columns tagged, "
        + filtersCreated.size() + " filters created, " + filtersUpdated.size() + " filters updated, "
        + grantsAdded.size() + " grants added";
  }
}
