package io.meshwork.functions.access;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What one {@link LakeFormationReconciler} run changed; everything that already was as the policy asks is left out,
 * so reconciling an unchanged policy again reports no change.
 *
 * @param tagsCreated LF-Tags created, as {@code key=[values]}
 * @param tagValuesAdded values added to existing LF-Tags, as {@code key=value}
 * @param databasesTagged databases given their domain tag, as {@code database key=value}
 * @param columnsTagged columns given their classification tag, as {@code database.table.column key=value}
 * @param filtersCreated data cells filters created, as {@code database.table.filter}
 * @param filtersUpdated data cells filters whose columns or row filter were changed to the policy's
 * @param filtersDeleted data cells filters Meshwork made that the policy no longer has
 * @param grantsRevoked grants Meshwork made that the policy no longer asks for
 * @param grantsAdded grants sent, each with only the permissions Lake Formation did not already show
 * @param ceiling grants of the policy refused, and grants made by hand revoked, because they went above the
 *     provider's ceiling; each names the columns, the table, the principal and its roles
 */
public record ApplyReport(List<String> tagsCreated, List<String> tagValuesAdded, List<String> databasesTagged,
    List<String> columnsTagged, List<String> filtersCreated, List<String> filtersUpdated,
    List<String> filtersDeleted, List<LakeFormationGrant> grantsRevoked, List<LakeFormationGrant> grantsAdded,
    List<String> ceiling) {

  /** A report without ceiling findings. */
  public ApplyReport(List<String> tagsCreated, List<String> tagValuesAdded, List<String> databasesTagged,
      List<String> columnsTagged, List<String> filtersCreated, List<String> filtersUpdated,
      List<String> filtersDeleted, List<LakeFormationGrant> grantsRevoked, List<LakeFormationGrant> grantsAdded) {
    this(tagsCreated, tagValuesAdded, databasesTagged, columnsTagged, filtersCreated, filtersUpdated, filtersDeleted,
        grantsRevoked, grantsAdded, List.of());
  }

  public ApplyReport {
    tagsCreated = List.copyOf(tagsCreated);
    tagValuesAdded = List.copyOf(tagValuesAdded);
    databasesTagged = List.copyOf(databasesTagged);
    columnsTagged = List.copyOf(columnsTagged);
    filtersCreated = List.copyOf(filtersCreated);
    filtersUpdated = List.copyOf(filtersUpdated);
    filtersDeleted = List.copyOf(filtersDeleted);
    grantsRevoked = List.copyOf(grantsRevoked);
    grantsAdded = List.copyOf(grantsAdded);
    ceiling = List.copyOf(ceiling);
  }

  /** The number of changes: tags, tag values, tagged databases and columns, filters and grants. */
  public int changes() {
    return Stream.of(tagsCreated, tagValuesAdded, databasesTagged, columnsTagged, filtersCreated, filtersUpdated,
        filtersDeleted, grantsRevoked, grantsAdded, ceiling).mapToInt(List::size).sum();
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
        + filtersDeleted.size() + " filters deleted, " + grantsRevoked.size() + " grants revoked, "
        + grantsAdded.size() + " grants added" + (ceiling.isEmpty() ? "" : ", " + ceiling.size()
        + " above the ceiling: " + String.join("; ", ceiling));
  }

  /** Collects a report while the reconciler runs. */
  static final class Builder {
    final List<String> tagsCreated = new ArrayList<>();
    final List<String> tagValuesAdded = new ArrayList<>();
    final List<String> databasesTagged = new ArrayList<>();
    final List<String> columnsTagged = new ArrayList<>();
    final List<String> filtersCreated = new ArrayList<>();
    final List<String> filtersUpdated = new ArrayList<>();
    final List<String> filtersDeleted = new ArrayList<>();
    final List<LakeFormationGrant> grantsRevoked = new ArrayList<>();
    final List<LakeFormationGrant> grantsAdded = new ArrayList<>();
    final List<String> ceiling = new ArrayList<>();

    ApplyReport build() {
      return new ApplyReport(tagsCreated, tagValuesAdded, databasesTagged, columnsTagged, filtersCreated,
          filtersUpdated, filtersDeleted, grantsRevoked, grantsAdded, ceiling);
    }
  }
}
