package io.meshwork.engine.ingest;

import io.meshwork.engine.pipeline.Engine;
import io.meshwork.engine.pipeline.SourceDelivery;
import io.meshwork.engine.pipeline.StepException;
import io.meshwork.engine.storage.IcebergSchemas;
import io.meshwork.model.definition.Column;
import io.meshwork.model.definition.Source;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.iceberg.Table;

/**
 * STAND-IN for the engine's ingest service (being written on main); deleted when it lands. Reads one plain CSV file
 * (header, comma, no quoting), refuses missing columns and empty required values, and replaces the source's content
 * through {@link SourceDelivery}. No audit branch, checks or fingerprint.
 */
public final class IngestService {

  private final Engine engine;

  public IngestService(Engine engine) {
    this.engine = engine;
  }

  public IngestReport ingest(IngestRequest request) {
    Source source = engine.catalog().source(request.source()).orElseThrow(() -> new DeliveryException(
        "Unknown source " + request.source() + "."));
    Path file = request.files().get(0);
    List<String> lines = lines(file);
    if (lines.isEmpty()) {
      throw new DeliveryException(file.getFileName() + " is empty: expected a header row.");
    }
    List<String> header = Arrays.asList(lines.get(0).split(",", -1));
    List<Column> columns = source.contract().columns();
    for (Column column : columns) {
      if (!header.contains(column.name())) {
        throw new DeliveryException(file.getFileName() + ", row 1: column " + column.name() + " is missing.");
      }
    }
    List<RejectedRow> rejected = new ArrayList<>();
    List<String> tuples = new ArrayList<>();
    for (int row = 1; row < lines.size(); row++) {
      String[] values = lines.get(row).split(",", -1);
      List<String> literals = new ArrayList<>();
      for (Column column : columns) {
        int index = header.indexOf(column.name());
        String value = index < values.length ? values[index] : "";
        if (value.isEmpty() && column.required()) {
          rejected.add(new RejectedRow(file.getFileName().toString(), row + 1, column.name(), value,
              "required value missing"));
        }
        literals.add(value.isEmpty() ? "NULL" : "'" + value.replace("'", "''") + "'");
      }
      tuples.add("(" + String.join(", ", literals) + ")");
    }
    String table = source.tableName().toString();
    if (!rejected.isEmpty()) {
      return new IngestReport(IngestReport.Status.REJECTED, request.tenant(), source.name(), table, null,
          lines.size() - 1, rejected.size(), rejected.subList(0, Math.min(10, rejected.size())), List.of(),
          rejected.size() + " rows break the contract of " + source.name() + ".", null);
    }
    String names = columns.stream().map(Column::name).collect(Collectors.joining(", "));
    String sql = "SELECT " + columns.stream().map(column -> "CAST(" + column.name() + " AS "
        + IcebergSchemas.duckDbType(column.type()) + ") AS " + column.name()).collect(Collectors.joining(", "))
        + " FROM (VALUES " + String.join(", ", tuples) + ") AS t(" + names + ")";
    try {
      long rows = new SourceDelivery(engine).deliver(request.tenant(), source, sql, "delivery " + file.getFileName());
      Table iceberg = engine.storage(request.tenant()).catalog().loadTable(
          org.apache.iceberg.catalog.TableIdentifier.of(source.tableName().namespace(), source.tableName().table()));
      return new IngestReport(IngestReport.Status.PUBLISHED, request.tenant(), source.name(), table,
          Long.toString(iceberg.currentSnapshot().snapshotId()), rows, 0, List.of(), List.of(),
          rows + " rows published.", null);
    } catch (StepException e) {
      return new IngestReport(IngestReport.Status.REJECTED, request.tenant(), source.name(), table, null,
          lines.size() - 1, lines.size() - 1, List.of(), List.of(), e.getMessage(), null);
    }
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(line -> !line.isBlank()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
