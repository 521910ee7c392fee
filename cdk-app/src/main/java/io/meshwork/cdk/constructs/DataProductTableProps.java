package io.meshwork.cdk.constructs;

import io.meshwork.model.definition.Column;
import io.meshwork.model.definition.Partition;
import java.util.List;
import java.util.Objects;

/**
 * Settings of a {@link DataProductTable}.
 *
 * @param databaseName the Glue database (the Iceberg namespace, the product's domain); required
 * @param tableName the table, {@code <name>_v<major>} (see {@code TableName}); required
 * @param columns the contract's columns, in order; required, at least one
 * @param warehouseLocation the warehouse root such as {@code s3://bucket/warehouse}; the table lives at
 *     {@code <warehouseLocation>/<databaseName>/<tableName>}; required
 * @param partitioning the contract's partition fields; default none
 * @param description the table comment; default none
 */
public record DataProductTableProps(String databaseName, String tableName, List<Column> columns,
    String warehouseLocation, List<Partition> partitioning, String description) {

  public DataProductTableProps {
    GlueIdentifiers.require("databaseName", databaseName);
    GlueIdentifiers.require("tableName", tableName);
    columns = List.copyOf(columns);
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("Table " + databaseName + "." + tableName + " needs at least one column.");
    }
    columns.forEach(column -> GlueIdentifiers.require("column of " + tableName, column.name()));
    Objects.requireNonNull(warehouseLocation, "warehouseLocation");
    partitioning = partitioning == null ? List.of() : List.copyOf(partitioning);
    description = description == null ? "" : description;
  }

  /** The table's S3 location. */
  public String location() {
    return warehouseLocation + "/" + databaseName + "/" + tableName;
  }
}
