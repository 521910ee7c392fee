package io.meshwork.engine.ingest;

import io.meshwork.engine.compute.DuckDbSession;
import io.meshwork.engine.compute.Messages;
import io.meshwork.engine.compute.MissingRequiredValuesException;
import io.meshwork.engine.compute.OutputWriter;
import io.meshwork.engine.compute.Redaction;
import io.meshwork.engine.compute.TableFiles;
import io.meshwork.engine.storage.TenantStorage;
import io.meshwork.model.definition.Delivery;
import io.meshwork.model.definition.Source;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Table;

/**
 * Reads a delivery's files with DuckDB, in a session that may read only those files (and, for a keyed append, the
 * source's published files) and write only its own output directory, into data files of the source table. Lines
 * DuckDB cannot read as the contract says (a value of the wrong type, a bad date, a line with too many fields,
 * bytes in the wrong encoding) are not written; they are counted and sampled with file, line, column and value.
 */
final class DeliveryLoader {

  /** The view of the source's published rows, for appends that replace delivered slices. */
  static final String KEPT = "meshwork_kept";
  private static final int SAMPLE = 5;
  private static final Pattern CAST_VALUE = Pattern.compile("Could not convert string \"(.*)\" to");

  /** What loading wrote: data files of the table (not committed), and the lines that could not be read. */
  record Loaded(List<DataFile> files, long rowsDelivered, long rowsRejected, List<RejectedRow> sample) {
  }

  private final TenantStorage storage;
  private final DuckDbSession.Limits limits;
  private final Source source;

  DeliveryLoader(TenantStorage storage, DuckDbSession.Limits limits, Source source) {
    this.storage = storage;
    this.limits = limits;
    this.source = source;
  }

  /**
   * Writes the rows of {@code selects} (one query per file, from {@link DeliverySchema}) as data files of
   * {@code table}; with {@code kept}, the published rows whose delivery key the delivery does not carry are
   * written as well, so the files replace the whole table.
   *
   * @throws MissingRequiredValuesException if rows leave a required column empty; nothing was written
   */
  Loaded load(List<DeliveredFile> files, List<String> selects, Optional<TableFiles> kept, Table table)
      throws SQLException {
    List<java.nio.file.Path> paths = files.stream().map(DeliveredFile::path).toList();
    try (DuckDbSession session = DuckDbSession.openLoading(storage.workDirectory(), kept.stream().toList(), paths,
        limits)) {
      String delivered = selects.stream().collect(Collectors.joining("\nUNION ALL\n"));
      String origin = "The delivery of source " + source.name();
      List<DataFile> written;
      long deliveredRows;
      if (kept.isPresent()) {
        session.execute("CREATE TEMP TABLE meshwork_delivered AS " + delivered);
        deliveredRows = session.count("SELECT count(*) FROM meshwork_delivered");
        written = new OutputWriter(session, storage).writeOwnQuery("SELECT * FROM meshwork_delivered UNION ALL "
            + "SELECT * FROM " + KEPT + " kept WHERE NOT EXISTS (SELECT 1 FROM meshwork_delivered delivered WHERE "
            + keyMatch() + ")", table, origin);
      } else {
        written = new OutputWriter(session, storage).writeOwnQuery(delivered, table, origin);
        deliveredRows = written.stream().mapToLong(DataFile::recordCount).sum();
      }
      boolean csv = files.stream().anyMatch(file -> file.format() == Delivery.Format.CSV);
      long rejected = csv ? session.count("SELECT count(*) FROM (SELECT DISTINCT scan_id, file_id, line FROM "
          + "reject_errors)") : 0;
      List<RejectedRow> sample = rejected == 0 ? List.of() : sample(session, files);
      return new Loaded(written, deliveredRows, rejected, sample);
    } catch (MissingRequiredValuesException e) {
      throw e;
    } catch (SQLException e) {
      throw new DeliveryException("Cannot read the delivery of source " + source.name() + ": "
          + Redaction.paths(Messages.firstLine(e)), e);
    }
  }

  private String keyMatch() {
    return source.delivery().key().stream().map(DuckDbSession::quote)
        .map(column -> "delivered." + column + " IS NOT DISTINCT FROM kept." + column)
        .collect(Collectors.joining(" AND "));
  }

  private List<RejectedRow> sample(DuckDbSession session, List<DeliveredFile> files) throws SQLException {
    List<RejectedRow> rows = new ArrayList<>();
    for (List<Object> error : session.rows("SELECT scans.file_path, errors.line, errors.column_name, "
        + "errors.error_type, errors.csv_line, errors.error_message FROM reject_errors errors JOIN reject_scans scans "
        + "ON errors.scan_id = scans.scan_id AND errors.file_id = scans.file_id "
        // One error per line, the line's shape before its values: a line with a field too many also fails casts.
        + "QUALIFY row_number() OVER (PARTITION BY errors.scan_id, errors.file_id, errors.line ORDER BY CASE "
        + "errors.error_type WHEN 'CAST' THEN 1 ELSE 0 END, errors.column_idx) = 1 "
        + "ORDER BY scans.file_path, errors.line LIMIT " + SAMPLE)) {
      String path = String.valueOf(error.get(0));
      String file = files.stream().filter(candidate -> candidate.path().toAbsolutePath().normalize().toString()
          .equals(path)).map(DeliveredFile::name).findFirst().orElse(java.nio.file.Path.of(path).getFileName()
          .toString());
      long line = ((Number) error.get(1)).longValue();
      String column = (String) error.get(2);
      String csvLine = (String) error.get(4);
      rows.add(rejection(file, line, column, String.valueOf(error.get(3)), csvLine == null || csvLine.length() <= 120
          ? csvLine : csvLine.substring(0, 117) + "...", String.valueOf(error.get(5))));
    }
    return rows;
  }

  private RejectedRow rejection(String file, long line, String column, String type, String csvLine, String message) {
    return switch (type) {
      case "CAST" -> {
        Matcher value = CAST_VALUE.matcher(message);
        String text = value.find() ? value.group(1) : csvLine;
        String expected = source.contract().column(column).map(this::expectation).orElse("the contract's type");
        yield new RejectedRow(file, line, column, text, "not " + expected);
      }
      case "TOO MANY COLUMNS" -> new RejectedRow(file, line, null, csvLine, "more fields than the header: quote "
          + "values that contain the delimiter '" + source.delivery().csv().delimiter() + "'");
      case "MISSING COLUMNS" -> new RejectedRow(file, line, null, csvLine, "fewer fields than the header");
      case "INVALID ENCODING" -> new RejectedRow(file, line, column, null, "not " + source.delivery().csv().encoding()
          + " text: deliver " + source.delivery().csv().encoding() + ", or declare the file's encoding in the "
          + "source's 'delivery: csv: encoding'");
      default -> new RejectedRow(file, line, column, csvLine, Redaction.paths(message));
    };
  }

  private String expectation(io.meshwork.model.definition.Column column) {
    return switch (column.type().kind()) {
      case DATE -> "a date written " + source.delivery().csv().dateFormat();
      case TIMESTAMP, TIMESTAMPTZ -> "a timestamp written " + source.delivery().csv().timestampFormat();
      case DECIMAL -> "a " + column.type() + " number with decimal separator '"
          + source.delivery().csv().decimalSeparator() + "'";
      default -> "a " + column.type() + " value";
    };
  }
}
