package io.meshwork.model.definition;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The schema a source or product promises: columns, primary key and partitioning. */
public record Contract(List<Column> columns, List<String> primaryKey, List<Partition> partitioning) {

  public Contract {
    columns = List.copyOf(columns);
    primaryKey = List.copyOf(primaryKey);
    partitioning = List.copyOf(partitioning);
  }

  public Optional<Column> column(String name) {
    Objects.requireNonNull(name, "name");
    return columns.stream().filter(column -> column.name().equals(name)).findFirst();
  }

  /** The columns that may never be empty. */
  public List<String> requiredColumnNames() {
    return columns.stream().filter(Column::required).map(Column::name).toList();
  }

  public List<String> columnNames() {
    return columns.stream().map(Column::name).toList();
  }
}
