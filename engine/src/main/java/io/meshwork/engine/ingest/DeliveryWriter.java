package io.meshwork.engine.ingest;

import io.meshwork.engine.compute.DuckDbSession;
import io.meshwork.model.definition.CsvFormat;
import io.meshwork.model.definition.Delivery;
import io.meshwork.model.definition.Source;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.List;

/**
 * Writes rows as a tenant's core system would deliver them: a CSV file in the source's dialect (delimiter, quote,
 * header, date and timestamp formats) or a Parquet file. {@code mesh seed} produces its deliveries with it.
 */
public final class DeliveryWriter {

  private final Path workDirectory;
  private final DuckDbSession.Limits limits;

  public DeliveryWriter(Path workDirectory, DuckDbSession.Limits limits) {
    this.workDirectory = workDirectory;
    this.limits = limits;
  }

  /**
   * Writes the rows of Meshwork's own {@code sql} (never text from a user) as one delivery file of {@code source}
   * named {@code target}; the format follows its name ({@code .csv} or {@code .parquet}).
   */
  public Path write(Source source, String sql, Path target) {
    DeliveredFile file = DeliveredFile.of(target).filter(candidate -> !candidate.compressed()).orElseThrow(
        () -> new IllegalArgumentException("Cannot write a delivery named " + target.getFileName()
            + ": name it *.csv or *.parquet"));
    try (DuckDbSession session = DuckDbSession.openWriting(workDirectory, List.of(), limits)) {
      Path written = session.outputDirectory().resolve(target.getFileName().toString());
      session.execute("COPY (" + sql + "\n) TO " + DuckDbSession.literal(written.toString()) + " ("
          + options(file.format(), source.delivery().csv()) + ")");
      Files.createDirectories(target.toAbsolutePath().getParent());
      Files.move(written, target, StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot write the delivery " + target.getFileName() + " of source "
          + source.name() + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot move the delivery " + target.getFileName() + " into place", e);
    }
  }

  private static String options(Delivery.Format format, CsvFormat csv) {
    if (format == Delivery.Format.PARQUET) {
      return "FORMAT parquet, COMPRESSION zstd";
    }
    if (!csv.encoding().equals("utf-8") || !csv.decimalSeparator().equals(".")) {
      throw new IllegalArgumentException("Cannot write CSV in " + csv.encoding() + " with decimal separator '"
          + csv.decimalSeparator() + "': write Parquet deliveries for this source instead");
    }
    return "FORMAT csv, HEADER " + csv.header() + ", DELIMITER " + DuckDbSession.literal(csv.delimiter())
        + ", QUOTE " + DuckDbSession.literal(csv.quote()) + ", DATEFORMAT " + DuckDbSession.literal(csv.dateFormat())
        + ", TIMESTAMPFORMAT " + DuckDbSession.literal(csv.timestampFormat());
  }
}
