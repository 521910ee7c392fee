package io.meshwork.engine.storage;

import io.meshwork.model.definition.Column;
import io.meshwork.model.definition.ColumnType;
import io.meshwork.model.definition.Contract;
import io.meshwork.model.definition.Partition;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/** Maps contracts to Iceberg schemas and partition specs, and Iceberg types to DuckDB types. */
public final class IcebergSchemas {

  private IcebergSchemas() {
  }

  /**
   * The Iceberg schema of a contract; ids are provisional, the catalog assigns the final ones. The primary key's
   * columns are its identifier fields (see {@link #identifierFields}).
   */
  public static Schema schema(Contract contract) {
    List<Types.NestedField> fields = new ArrayList<>();
    int id = 1;
    for (Column column : contract.columns()) {
      Type type = icebergType(column.type());
      fields.add(column.required()
          ? Types.NestedField.required(id, column.name(), type, blankToNull(column.description()))
          : Types.NestedField.optional(id, column.name(), type, blankToNull(column.description())));
      id++;
    }
    Schema plain = new Schema(fields);
    return new Schema(fields, identifierFields(plain, contract.primaryKey()).stream()
        .map(name -> plain.findField(name).fieldId()).collect(Collectors.toSet()));
  }

  /**
   * The names of {@code primaryKey} when Iceberg accepts them as identifier fields of {@code schema}: every column
   * present, required, and neither float nor double. Otherwise none (a key over an optional column is still
   * checked for uniqueness by Validate, but Iceberg cannot declare it).
   */
  public static Set<String> identifierFields(Schema schema, List<String> primaryKey) {
    for (String name : primaryKey) {
      Types.NestedField field = schema.findField(name);
      if (field == null || field.isOptional() || field.type().typeId() == Type.TypeID.FLOAT
          || field.type().typeId() == Type.TypeID.DOUBLE) {
        return Set.of();
      }
    }
    return new LinkedHashSet<>(primaryKey);
  }

  public static PartitionSpec spec(Schema schema, Contract contract) {
    PartitionSpec.Builder builder = PartitionSpec.builderFor(schema);
    for (Partition partition : contract.partitioning()) {
      String transform = partition.transform();
      String column = partition.column();
      if (transform.equals("identity")) {
        builder.identity(column);
      } else if (transform.equals("year")) {
        builder.year(column);
      } else if (transform.equals("month")) {
        builder.month(column);
      } else if (transform.equals("day")) {
        builder.day(column);
      } else if (transform.equals("hour")) {
        builder.hour(column);
      } else if (transform.startsWith("truncate[")) {
        builder.truncate(column, Integer.parseInt(transform.substring(9, transform.length() - 1)));
      } else {
        throw new IllegalArgumentException("Unsupported partition transform " + transform);
      }
    }
    return builder.build();
  }

  static Type icebergType(ColumnType type) {
    return switch (type.kind()) {
      case BOOLEAN -> Types.BooleanType.get();
      case INT -> Types.IntegerType.get();
      case LONG -> Types.LongType.get();
      case FLOAT -> Types.FloatType.get();
      case DOUBLE -> Types.DoubleType.get();
      case DECIMAL -> Types.DecimalType.of(type.precision(), type.scale());
      case DATE -> Types.DateType.get();
      case TIMESTAMP -> Types.TimestampType.withoutZone();
      case TIMESTAMPTZ -> Types.TimestampType.withZone();
      case STRING -> Types.StringType.get();
    };
  }

  /** The DuckDB type of a contract column type. */
  public static String duckDbType(ColumnType type) {
    return duckDbType(icebergType(type));
  }

  /** The DuckDB type that reads and writes {@code type} without conversion. */
  public static String duckDbType(Type type) {
    return switch (type.typeId()) {
      case BOOLEAN -> "BOOLEAN";
      case INTEGER -> "INTEGER";
      case LONG -> "BIGINT";
      case FLOAT -> "FLOAT";
      case DOUBLE -> "DOUBLE";
      case DECIMAL -> "DECIMAL(" + ((Types.DecimalType) type).precision() + "," + ((Types.DecimalType) type).scale()
          + ")";
      case DATE -> "DATE";
      case TIMESTAMP -> ((Types.TimestampType) type).shouldAdjustToUTC() ? "TIMESTAMP WITH TIME ZONE" : "TIMESTAMP";
      case STRING -> "VARCHAR";
      default -> throw new IllegalArgumentException("Unsupported column type " + type);
    };
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
