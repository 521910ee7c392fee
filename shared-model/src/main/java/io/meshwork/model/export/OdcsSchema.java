package io.meshwork.model.export;

import io.meshwork.model.definition.Column;
import io.meshwork.model.definition.ColumnType;
import io.meshwork.model.definition.Contract;
import io.meshwork.model.definition.DataProduct;
import io.meshwork.model.definition.Description;
import io.meshwork.model.definition.Partition;
import io.meshwork.model.definition.QualityRule;
import io.meshwork.model.definition.Source;
import io.meshwork.model.definition.TableName;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ODCS schema object of a product's or a source's table: one property per contract column with its logical type
 * (the ODCS type family) and physical type (the Iceberg type the table has), key and partition positions,
 * classification and quality checks.
 */
final class OdcsSchema {

  private OdcsSchema() {
  }

  static Map<String, Object> of(DataProduct product) {
    return of(product.name(), product.tableName(), product.description(), product.contract(), product.quality());
  }

  static Map<String, Object> of(Source source) {
    return of(source.name(), source.tableName(), source.description(), source.contract(), source.quality());
  }

  private static Map<String, Object> of(String name, TableName table, Description description, Contract contract,
      List<QualityRule> rules) {
    OdcsQuality quality = OdcsQuality.of(rules);
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("name", name);
    object.put("physicalName", table.toString());
    object.put("physicalType", "table");
    object.put("logicalType", "object");
    DocumentValues.putText(object, "description", description.purpose());
    object.put("properties", contract.columns().stream().map(column -> property(column, contract, quality)).toList());
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
