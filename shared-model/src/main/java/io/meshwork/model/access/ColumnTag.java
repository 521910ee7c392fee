package io.meshwork.model.access;

import io.meshwork.model.definition.Classification;
import io.meshwork.model.definition.TableName;
import java.util.List;
import java.util.Objects;

/** These columns of {@code table}, in contract order, carry {@link LakeFormationTag#CLASSIFICATION} = the label. */
public record ColumnTag(TableName table, Classification classification, List<String> columns) {

  public ColumnTag {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(classification, "classification");
    columns = List.copyOf(columns);
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("A column tag of " + table + " needs at least one column");
    }
  }
}
