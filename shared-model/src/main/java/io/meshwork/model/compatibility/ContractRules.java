package io.meshwork.model.compatibility;

import io.meshwork.model.definition.Column;
import io.meshwork.model.definition.Contract;
import io.meshwork.model.definition.Location;
import io.meshwork.model.definition.Partition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Classifies every difference between two contracts of one source or product. Readers select columns by name, and
 * a minor version evolves the same Iceberg table in place, so a change is compatible only if both follow it:
 * <ul>
 *   <li>breaking: a column removed or renamed (a removed and an added column of the same type at the same
 *   position); a type changed other than widened; an optional column made required (rows already in the table may
 *   hold nulls) or a required one made optional (readers relied on a value); a required column added (rows already
 *   in the table have no value for it); the primary key changed (as a set: reordering its columns changes
 *   nothing); the partitioning changed; a classification lowered (roles that were kept out now see the column) or
 *   raised (roles that read the column lose it, and their queries fail).</li>
 *   <li>compatible: an optional column added; a type widened ({@link TypeWidening}); a column's description
 *   changed.</li>
 * </ul>
 * Reordering columns is not a change: readers and Iceberg address columns by name.
 */
final class ContractRules {

  private ContractRules() {
  }

  /**
   * The changes from {@code base} to {@code head}, in the order of the base columns, then the added columns, then
   * primary key and partitioning.
   *
   * @param definition the head definition's own location, for changes that have no finer position
   */
  static List<ContractChange> compare(Contract base, Contract head, Location definition) {
    List<ContractChange> changes = new ArrayList<>();
    Set<String> renamedTo = new HashSet<>();
    List<Column> baseColumns = base.columns();
    List<Column> headColumns = head.columns();
    for (int position = 0; position < baseColumns.size(); position++) {
      Column before = baseColumns.get(position);
      Column after = head.column(before.name()).orElse(null);
      if (after != null) {
        compareColumn(before, after, changes);
        continue;
      }
      Column renamed = position < headColumns.size() ? headColumns.get(position) : null;
      if (renamed != null && base.column(renamed.name()).isEmpty() && renamed.type().equals(before.type())) {
        renamedTo.add(renamed.name());
        changes.add(ContractChange.breaking("column " + before.name() + " renamed to " + renamed.name(),
            renamed.location()));
        compareColumn(before, renamed, changes);
      } else {
        changes.add(ContractChange.breaking("column " + before.name() + " removed",
            formerPosition(headColumns, position, definition)));
      }
    }
    for (Column added : headColumns) {
      if (base.column(added.name()).isPresent() || renamedTo.contains(added.name())) {
        continue;
      }
      changes.add(added.required()
          ? ContractChange.breaking("required column " + added.name() + " added", added.location())
          : ContractChange.compatible("optional column " + added.name() + " added", added.location()));
    }
    if (!Set.copyOf(base.primaryKey()).equals(Set.copyOf(head.primaryKey()))) {
      changes.add(ContractChange.breaking("primary key changed from " + list(base.primaryKey()) + " to "
          + list(head.primaryKey()), definition));
    }
    List<String> basePartitioning = partitioning(base);
    List<String> headPartitioning = partitioning(head);
    if (!basePartitioning.equals(headPartitioning)) {
      Location where = head.partitioning().isEmpty() ? definition : head.partitioning().get(0).location();
      changes.add(ContractChange.breaking("partitioning changed from " + list(basePartitioning) + " to "
          + list(headPartitioning), where));
    }
    return changes;
  }

  /** Type, nullability, classification and description of one column present in both contracts. */
  private static void compareColumn(Column before, Column after, List<ContractChange> changes) {
    String name = after.name();
    Location where = after.location();
    if (!before.type().equals(after.type())) {
      if (TypeWidening.isWidening(before.type(), after.type())) {
        changes.add(ContractChange.compatible("type of column " + name + " widened from " + before.type() + " to "
            + after.type(), where));
      } else {
        String verb = TypeWidening.isWidening(after.type(), before.type()) ? "narrowed" : "changed";
        changes.add(ContractChange.breaking("type of column " + name + " " + verb + " from " + before.type()
            + " to " + after.type(), where));
      }
    }
    if (!before.required() && after.required()) {
      changes.add(ContractChange.breaking("column " + name + " made required", where));
    } else if (before.required() && !after.required()) {
      changes.add(ContractChange.breaking("column " + name + " made optional", where));
    }
    if (before.classification().isMoreRestrictiveThan(after.classification())) {
      changes.add(ContractChange.breaking("classification of column " + name + " lowered from "
          + before.classification().label() + " to " + after.classification().label(), where));
    } else if (after.classification().isMoreRestrictiveThan(before.classification())) {
      changes.add(ContractChange.breaking("classification of column " + name + " raised from "
          + before.classification().label() + " to " + after.classification().label(), where));
    }
    if (!before.description().equals(after.description())) {
      changes.add(ContractChange.compatible("description of column " + name + " changed", where));
    }
  }

  /** Where a removed column stood: the column now at its position, else the last column. */
  private static Location formerPosition(List<Column> headColumns, int position, Location definition) {
    if (headColumns.isEmpty()) {
      return definition;
    }
    return headColumns.get(Math.min(position, headColumns.size() - 1)).location();
  }

  /** Partition fields as Iceberg writes them: {@code year} for identity, {@code month(service_date)} otherwise. */
  private static List<String> partitioning(Contract contract) {
    return contract.partitioning().stream().map(ContractRules::partitionField).toList();
  }

  private static String partitionField(Partition partition) {
    return partition.transform().equals("identity")
        ? partition.column()
        : partition.transform() + "(" + partition.column() + ")";
  }

  private static String list(List<String> items) {
    return items.stream().collect(Collectors.joining(", ", "[", "]"));
  }
}
