package io.meshwork.engine.testing;

import io.meshwork.engine.compute.DuckDbSession;
import io.meshwork.model.definition.ColumnType;
import io.meshwork.model.testing.TestInput;
import io.meshwork.model.testing.TestRow;
import io.meshwork.model.testing.TestValue;
import java.math.BigDecimal;
import java.util.stream.Collectors;

/**
 * The SQL that loads a test's input rows: a table per input named like the input, with the DuckDB types the engine
 * reads it with, and every value as a typed literal built from its Java value (strings quoted, nothing spliced).
 */
final class FixtureTables {

  private FixtureTables() {
  }

  static String create(TestInput input) {
    return "CREATE TABLE " + DuckDbSession.quote(input.name()) + " (" + input.columns().stream()
        .map(column -> DuckDbSession.quote(column.name()) + " " + duckDbType(column.type()))
        .collect(Collectors.joining(", ")) + ")";
  }

  /** One INSERT of all rows; each row holds every column of the input, in schema order. */
  static String insert(TestInput input) {
    return "INSERT INTO " + DuckDbSession.quote(input.name()) + " VALUES " + input.rows().stream()
        .map(FixtureTables::tuple).collect(Collectors.joining(", "));
  }

  private static String tuple(TestRow row) {
    return row.values().values().stream().map(FixtureTables::literal).collect(Collectors.joining(", ", "(", ")"));
  }

  static String literal(TestValue value) {
    ColumnType type = value.type();
    if (value.isNull()) {
      return "CAST(NULL AS " + duckDbType(type) + ")";
    }
    Object java = value.value();
    return switch (type.kind()) {
      case BOOLEAN -> ((Boolean) java) ? "TRUE" : "FALSE";
      case INT, LONG -> "CAST(" + ((Long) java).longValue() + " AS " + duckDbType(type) + ")";
      case FLOAT, DOUBLE -> "CAST(" + DuckDbSession.literal(Double.toString((Double) java)) + " AS "
          + duckDbType(type) + ")";
      case DECIMAL -> "CAST(" + DuckDbSession.literal(((BigDecimal) java).toPlainString()) + " AS "
          + duckDbType(type) + ")";
      case DATE, TIMESTAMP, TIMESTAMPTZ -> "CAST(" + DuckDbSession.literal(java.toString()) + " AS "
          + duckDbType(type) + ")";
      case STRING -> DuckDbSession.literal((String) java);
    };
  }

  /** The DuckDB type the engine reads and writes a column of {@code type} as (see IcebergSchemas). */
  static String duckDbType(ColumnType type) {
    return switch (type.kind()) {
      case BOOLEAN -> "BOOLEAN";
      case INT -> "INTEGER";
      case LONG -> "BIGINT";
      case FLOAT -> "FLOAT";
      case DOUBLE -> "DOUBLE";
      case DECIMAL -> "DECIMAL(" + type.precision() + "," + type.scale() + ")";
      case DATE -> "DATE";
      case TIMESTAMP -> "TIMESTAMP";
      case TIMESTAMPTZ -> "TIMESTAMP WITH TIME ZONE";
      case STRING -> "VARCHAR";
    };
  }
}
