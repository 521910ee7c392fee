package io.meshwork.model.export;

import io.meshwork.model.definition.Column;
import io.meshwork.model.definition.ColumnType;
import io.meshwork.model.definition.Contract;
import io.meshwork.model.definition.DataProduct;
import io.meshwork.model.definition.Partition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ODCS schema object of a product's table: one property per contract column with its logical type (the ODCS
 * type family) and physical type (the Iceberg type the table has), key and partition positions, classification and
 * quality checks.
 */
final class OdcsSchema {

  private OdcsSchema() {
  }

  static Map<String, Object> of(DataProduct product) {
    OdcsQuality quality = OdcsQuality.of(product.quality());
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("name", product.name());
    object.put("physicalName", product.tableName().toString());
    object.put("physicalType", "table");
    object.put("logicalType", "object");
    DocumentValues.putText(object, "description", product.description().purpose());
    object.put("properties", product.contract().columns().stream()
        .map(column -> property(column, product.contract(), quality)).toList());
    DocumentValues.putList(object, "quality", quality.table());
    return object;
  }

  private static Map<String, Object> property(Column column, Contract contract, OdcsQuality quality) {
    Map<String, Object> property = new LinkedHashMap<>();
    property.put("name", column.name());
    property.put("logicalType", logicalType(column.type()));
    Map<String, Object> options = logicalTypeOptions(column.type());
    if (!options.isEmpty()) {
      property.put("logicalTypeOptions", options);
    }
    property.put("physicalType", column.type().toString());
    DocumentValues.putText(property, "description", column.description());
    property.put("required", column.required());
    if (quality.isUnique(column.name())) {
      property.put("unique", true);
    }
    int keyPosition = contract.primaryKey().indexOf(column.name());
    if (keyPosition >= 0) {
      property.put("primaryKey", true);
      property.put("primaryKeyPosition", keyPosition + 1);
    }
    List<Partition> partitioning = contract.partitioning();
    for (int i = 0; i < partitioning.size(); i++) {
      if (partitioning.get(i).column().equals(column.name())) {
        property.put("partitioned", true);
        property.put("partitionKeyPosition", i + 1);
        // ODCS has no partition transform; keep Iceberg's (identity, month, bucket[16]...) so readers can prune.
        property.put("customProperties", List.of(DocumentValues.customProperty("partitionTransform",
            partitioning.get(i).transform())));
        break;
      }
    }
    property.put("classification", column.classification().label());
    DocumentValues.putList(property, "quality", quality.column(column.name()));
    return property;
  }

  /** The ODCS logical type of an Iceberg primitive type. */
  static String logicalType(ColumnType type) {
    return switch (type.kind()) {
      case STRING -> "string";
      case INT, LONG -> "integer";
      case FLOAT, DOUBLE, DECIMAL -> "number";
      case DATE -> "date";
      case TIMESTAMP, TIMESTAMPTZ -> "timestamp";
      case BOOLEAN -> "boolean";
    };
  }

  /** The width of integers and floats, and whether a timestamp carries its time zone. */
  private static Map<String, Object> logicalTypeOptions(ColumnType type) {
    Map<String, Object> options = new LinkedHashMap<>();
    switch (type.kind()) {
      case INT -> options.put("format", "i32");
      case LONG -> options.put("format", "i64");
      case FLOAT -> options.put("format", "f32");
      case DOUBLE -> options.put("format", "f64");
      case TIMESTAMP -> options.put("timezone", false);
      case TIMESTAMPTZ -> options.put("timezone", true);
      default -> {
      }
    }
    return options;
  }
}
