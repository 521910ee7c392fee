package io.meshwork.engine.ingest;

import io.meshwork.engine.compute.DuckDbSession;
import io.meshwork.engine.storage.IcebergSchemas;
import io.meshwork.model.compatibility.TypeWidening;
import io.meshwork.model.definition.Column;
import io.meshwork.model.definition.ColumnType;
import io.meshwork.model.definition.CsvFormat;
import io.meshwork.model.definition.Delivery;
import io.meshwork.model.definition.SemanticVersion;
import io.meshwork.model.definition.Source;
import io.meshwork.model.definition.Suggestions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Matches each delivered file's columns to the source's contract and builds the query that reads the file as the
 * contract's columns, in contract order. Extra columns are ignored and noted; a missing optional column is delivered
 * empty; a missing required column, a renamed column or a type the contract cannot take refuses the delivery, with
 * the contract change (and version) that would accept it.
 */
final class DeliverySchema {

  private final Source source;
  private final List<String> notes = new ArrayList<>();
  private final List<String> refusals = new ArrayList<>();

  DeliverySchema(Source source) {
    this.source = source;
  }

  List<String> notes() {
    return notes;
  }

  List<String> refusals() {
    return refusals;
  }

  /** The query reading {@code columns.file()} as the contract's columns; empty when the file is refused. */
  Optional<String> select(FileColumns columns) {
    DeliveredFile file = columns.file();
    if (columns.empty()) {
      refusals.add(file.name() + " has no rows" + (columns.names().isEmpty() ? "" : ", only a header") + ". Deliver "
          + "the file with its rows, or leave it out of the delivery.");
      return Optional.empty();
    }
    List<String> duplicates = columns.names().stream()
        .filter(name -> columns.names().stream().filter(name::equalsIgnoreCase).count() > 1).distinct().toList();
    if (!duplicates.isEmpty()) {
      refusals.add(file.name() + ": the header names column '" + duplicates.get(0) + "' twice. Deliver each column "
          + "once.");
      return Optional.empty();
    }
    List<String> expressions = new ArrayList<>();
    int refusedBefore = refusals.size();
    List<String> unknown = columns.names().stream().filter(name -> source.contract().columns().stream()
        .noneMatch(column -> column.name().equalsIgnoreCase(name))).toList();
    for (Column column : source.contract().columns()) {
      String type = IcebergSchemas.duckDbType(column.type());
      Optional<String> fileColumn = columns.match(column.name());
      if (fileColumn.isEmpty()) {
        missing(file, column, columns.names(), unknown);
        expressions.add("CAST(NULL AS " + type + ") AS " + DuckDbSession.quote(column.name()));
        continue;
      }
      String value = DuckDbSession.quote(fileColumn.get());
      Optional<ColumnType> fileType = file.format() == Delivery.Format.PARQUET ? columns.typeOf(fileColumn.get())
          : Optional.of(column.type());
      if (!fileType.map(column.type()::equals).orElse(false)) {
        if (!accepts(file, column, fileType)) {
          continue;
        }
        value = "CAST(" + value + " AS " + type + ")";
      }
      expressions.add(value + " AS " + DuckDbSession.quote(column.name()));
    }
    for (String extra : unknown) {
      notes.add(file.name() + ": column '" + extra + "' is not in the contract of source " + source.name()
          + " and was ignored.");
    }
    if (refusals.size() > refusedBefore) {
      return Optional.empty();
    }
    return Optional.of("SELECT " + String.join(", ", expressions) + " FROM " + reader(columns));
  }

  private void missing(DeliveredFile file, Column column, List<String> header, List<String> unknown) {
    if (!column.required()) {
      notes.add(file.name() + ": optional column '" + column.name() + "' is missing and was delivered empty.");
      return;
    }
    Optional<String> renamed = Suggestions.closest(column.name(), unknown)
        .or(() -> unknown.size() == 1 ? Optional.of(unknown.get(0)) : Optional.empty());
    String has = header.isEmpty() ? "no columns" : String.join(", ", header);
    if (renamed.isPresent()) {
      refusals.add(file.name() + ": column '" + column.name() + "' is missing and '" + renamed.get() + "' is not in "
          + "the contract of source " + source.name() + " " + source.version() + ". If it was renamed, deliver it as '"
          + column.name() + "' again; renaming the column in the contract is a breaking change (version "
          + major() + ").");
    } else {
      refusals.add(file.name() + ": required column '" + column.name() + "' is missing (the file has " + has
          + "). Deliver it, or make it optional (required: false) in version " + major() + " of source "
          + source.name() + ", a breaking change for its consumers.");
    }
  }

  private boolean accepts(DeliveredFile file, Column column, Optional<ColumnType> fileType) {
    if (fileType.isPresent() && TypeWidening.isWidening(fileType.get(), column.type())) {
      return true;
    }
    String found = fileType.map(ColumnType::toString).orElse("a type contracts do not have");
    if (fileType.isPresent() && TypeWidening.isWidening(column.type(), fileType.get())) {
      refusals.add(file.name() + ": column '" + column.name() + "' is " + found + ", but the contract of source "
          + source.name() + " declares " + column.type() + ". Deliver " + column.type() + ", or widen the column to "
          + found + " in version " + minor() + " (a compatible change).");
    } else {
      refusals.add(file.name() + ": column '" + column.name() + "' is " + found + ", but the contract of source "
          + source.name() + " declares " + column.type() + ". Deliver " + column.type() + ", or change the column's "
          + "type in version " + major() + " (a breaking change).");
    }
    return false;
  }

  private String reader(FileColumns columns) {
    DeliveredFile file = columns.file();
    String path = DuckDbSession.literal(file.path().toAbsolutePath().normalize().toString());
    if (file.format() == Delivery.Format.PARQUET) {
      return "read_parquet(" + path + ", hive_partitioning = false)";
    }
    CsvFormat csv = source.delivery().csv();
    List<String> names = csv.header() ? columns.names() : source.contract().columnNames();
    String typed = names.stream().map(name -> DuckDbSession.literal(name) + ": " + DuckDbSession.literal(
            source.contract().columns().stream().filter(column -> column.name().equalsIgnoreCase(name)).findFirst()
                .map(column -> IcebergSchemas.duckDbType(column.type())).orElse("VARCHAR")))
        .collect(Collectors.joining(", "));
    List<String> options = new ArrayList<>(List.of("header = " + csv.header(), "delim = "
        + DuckDbSession.literal(csv.delimiter()), "quote = " + DuckDbSession.literal(csv.quote()), "escape = "
        + DuckDbSession.literal(csv.quote()), "encoding = " + DuckDbSession.literal(csv.encoding()),
        "columns = {" + typed + "}", "auto_detect = false", "store_rejects = true", "null_padding = false"));
    // The reader's ISO fast path is taken only when no format is given.
    if (!csv.decimalSeparator().equals(CsvFormat.DEFAULT.decimalSeparator())) {
      options.add("decimal_separator = " + DuckDbSession.literal(csv.decimalSeparator()));
    }
    if (!csv.dateFormat().equals(CsvFormat.DEFAULT.dateFormat())) {
      options.add("dateformat = " + DuckDbSession.literal(csv.dateFormat()));
    }
    if (!csv.timestampFormat().equals(CsvFormat.DEFAULT.timestampFormat())) {
      options.add("timestampformat = " + DuckDbSession.literal(csv.timestampFormat()));
    }
    return "read_csv(" + path + ", " + String.join(", ", options) + ")";
  }

  private String major() {
    return new SemanticVersion(source.version().major() + 1, 0, 0).toString();
  }

  private String minor() {
    return new SemanticVersion(source.version().major(), source.version().minor() + 1, 0).toString();
  }
}
