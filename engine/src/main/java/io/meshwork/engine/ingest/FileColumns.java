package io.meshwork.engine.ingest;

import io.meshwork.model.definition.ColumnType;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The columns one delivered file has, in file order: for CSV the header's names (no types: each value is read as
 * the contract says), for Parquet names and the types of its schema; {@code empty} when it holds no rows.
 */
record FileColumns(DeliveredFile file, List<String> names, List<Optional<ColumnType>> types, boolean empty) {

  FileColumns {
    names = List.copyOf(names);
    types = List.copyOf(types);
  }

  /** The file's name for {@code contractColumn}: the same name, or the same but for upper/lower case. */
  Optional<String> match(String contractColumn) {
    return names.stream().filter(name -> name.equals(contractColumn)).findFirst()
        .or(() -> names.stream().filter(name -> name.equalsIgnoreCase(contractColumn)).findFirst());
  }

  Optional<ColumnType> typeOf(String fileColumn) {
    return types.get(names.indexOf(fileColumn));
  }

  /** The contract type of a DuckDB type name as Parquet files report it; empty for types contracts do not have. */
  static Optional<ColumnType> contractType(String duckDbType) {
    String type = duckDbType.trim().toUpperCase(Locale.ROOT);
    return switch (type) {
      case "BOOLEAN" -> Optional.of(ColumnType.of(ColumnType.Kind.BOOLEAN));
      case "TINYINT", "SMALLINT", "INTEGER", "UTINYINT", "USMALLINT" -> Optional.of(ColumnType.of(ColumnType.Kind.INT));
      case "BIGINT", "UINTEGER" -> Optional.of(ColumnType.of(ColumnType.Kind.LONG));
      case "FLOAT" -> Optional.of(ColumnType.of(ColumnType.Kind.FLOAT));
      case "DOUBLE" -> Optional.of(ColumnType.of(ColumnType.Kind.DOUBLE));
      case "DATE" -> Optional.of(ColumnType.of(ColumnType.Kind.DATE));
      case "TIMESTAMP", "TIMESTAMP_MS", "TIMESTAMP_NS", "TIMESTAMP_S" -> Optional.of(
          ColumnType.of(ColumnType.Kind.TIMESTAMP));
      case "TIMESTAMP WITH TIME ZONE" -> Optional.of(ColumnType.of(ColumnType.Kind.TIMESTAMPTZ));
      case "VARCHAR" -> Optional.of(ColumnType.of(ColumnType.Kind.STRING));
      default -> type.startsWith("DECIMAL") ? ColumnType.parse(type) : Optional.empty();
    };
  }
}
