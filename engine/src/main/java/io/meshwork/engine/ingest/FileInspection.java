package io.meshwork.engine.ingest;

import io.meshwork.engine.compute.DuckDbSession;
import io.meshwork.engine.compute.Messages;
import io.meshwork.engine.storage.TenantStorage;
import io.meshwork.model.definition.ColumnType;
import io.meshwork.model.definition.Delivery;
import io.meshwork.model.definition.Source;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds out which columns a delivered file has, and whether it has any rows, before the delivery is read. */
final class FileInspection {

  private FileInspection() {
  }

  static FileColumns columns(DeliveredFile file, Source source, TenantStorage storage, DuckDbSession.Limits limits) {
    if (file.format() == Delivery.Format.CSV) {
      CsvHeader header = CsvHeader.read(file, source.delivery().csv());
      List<String> names = source.delivery().csv().header() ? header.columns() : source.contract().columnNames();
      return new FileColumns(file, names, names.stream().map(name -> Optional.<ColumnType>empty()).toList(),
          !header.hasData());
    }
    String path = DuckDbSession.literal(file.path().toAbsolutePath().normalize().toString());
    try (DuckDbSession session = DuckDbSession.openLoading(storage.workDirectory(), List.of(), List.of(file.path()),
        limits)) {
      List<String> names = new ArrayList<>();
      List<Optional<ColumnType>> types = new ArrayList<>();
      for (List<Object> column : session.rows("DESCRIBE SELECT * FROM read_parquet(" + path + ")")) {
        names.add(String.valueOf(column.get(0)));
        types.add(FileColumns.contractType(String.valueOf(column.get(1))));
      }
      long rows = session.count("SELECT count(*) FROM read_parquet(" + path + ")");
      return new FileColumns(file, names, types, rows == 0);
    } catch (SQLException e) {
      throw new DeliveryException("Cannot read " + file.name() + " as Parquet: " + Messages.firstLine(e)
          + ". Deliver a complete Parquet file, or a CSV file named *.csv.", e);
    }
  }
}
