package io.meshwork.engine.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.Metrics;
import org.apache.iceberg.MetricsConfig;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.parquet.ParquetUtil;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.Util;
import org.apache.parquet.format.converter.ParquetMetadataConverter;

/**
 * Builds Iceberg data files from Parquet written by DuckDB, with column metrics read from the footer. Reading the
 * footer directly avoids Hadoop, which Iceberg's own metrics reader would load.
 */
public final class ParquetFooters {

  private static final int TAIL = 8;

  private ParquetFooters() {
  }

  /** What Iceberg needs to know of a Parquet file: its size and column metrics. */
  public record Footer(long size, Metrics metrics) {

    /** A data file at {@code location} for {@code spec}; {@code partitionValues} as Iceberg partition strings. */
    public DataFile dataFile(PartitionSpec spec, String location, List<String> partitionValues) {
      DataFiles.Builder builder = DataFiles.builder(spec).withPath(location).withFormat(FileFormat.PARQUET)
          .withFileSizeInBytes(size).withMetrics(metrics);
      if (spec.isPartitioned()) {
        builder.withPartitionValues(partitionValues);
      }
      return builder.build();
    }
  }

  /** Reads the footer of a local Parquet file. */
  public static Footer read(Path localFile) {
    try (FileChannel channel = FileChannel.open(localFile, StandardOpenOption.READ)) {
      long size = channel.size();
      ByteBuffer tail = ByteBuffer.allocate(TAIL).order(ByteOrder.LITTLE_ENDIAN);
      channel.read(tail, size - TAIL);
      int footerLength = tail.getInt(0);
      ByteBuffer footer = ByteBuffer.allocate(footerLength);
      channel.read(footer, size - TAIL - footerLength);
      FileMetaData metadata = Util.readFileMetaData(new ByteArrayInputStream(footer.array()));
      Metrics metrics = ParquetUtil.footerMetrics(new ParquetMetadataConverter().fromParquetMetadata(metadata),
          Stream.empty(), MetricsConfig.getDefault());
      return new Footer(size, metrics);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the Parquet footer of " + localFile, e);
    }
  }
}
