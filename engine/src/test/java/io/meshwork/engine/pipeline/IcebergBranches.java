package io.meshwork.engine.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.iceberg.SnapshotRef;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.types.Types;

/** Reads tables as any Iceberg client would: every branch and tag, with Iceberg's own generic reader. */
final class IcebergBranches {

  private IcebergBranches() {
  }

  /** The rows of the snapshot {@code ref} points at. */
  static List<Record> read(Table table, String ref) {
    List<Record> rows = new ArrayList<>();
    try (CloseableIterable<Record> records = IcebergGenerics.read(table)
        .useSnapshot(table.refs().get(ref).snapshotId()).build()) {
      records.forEach(record -> rows.add(record.copy()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  /**
   * Every empty value of a column the table's schema declares required, on every ref of the table, counted as
   * {@code "<table>@<ref>.<column>" -> rows}; an empty map when the table obeys its schema everywhere.
   */
  static Map<String, Long> nullsInRequiredColumns(Table table) {
    Map<String, Long> nulls = new TreeMap<>();
    for (Map.Entry<String, SnapshotRef> ref : table.refs().entrySet()) {
      List<Record> rows = read(table, ref.getKey());
      for (Types.NestedField field : table.schema().columns()) {
        long empty = field.isRequired() ? rows.stream().filter(row -> row.getField(field.name()) == null).count() : 0;
        if (empty > 0) {
          nulls.put(table.name() + "@" + ref.getKey() + "." + field.name(), empty);
        }
      }
    }
    return nulls;
  }
}
