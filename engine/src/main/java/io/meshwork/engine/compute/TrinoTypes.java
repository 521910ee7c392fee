package io.meshwork.engine.compute;

import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/** How Trino names the type of a column that Iceberg stores as {@code type}, as {@code DESCRIBE OUTPUT} says it. */
final class TrinoTypes {

  private TrinoTypes() {
  }

  static String of(Type type) {
    return switch (type.typeId()) {
      case BOOLEAN -> "boolean";
      case INTEGER -> "integer";
      case LONG -> "bigint";
      case FLOAT -> "real";
      case DOUBLE -> "double";
      case DECIMAL -> "decimal(" + ((Types.DecimalType) type).precision() + "," + ((Types.DecimalType) type).scale()
          + ")";
      case DATE -> "date";
      case TIME -> "time(6)";
      case TIMESTAMP -> ((Types.TimestampType) type).shouldAdjustToUTC() ? "timestamp(6) with time zone"
          : "timestamp(6)";
      case STRING -> "varchar";
      case UUID -> "uuid";
      case BINARY, FIXED -> "varbinary";
      default -> throw new IllegalArgumentException("Trino has no column type for Iceberg's " + type);
    };
  }
}
