package io.meshwork.engine.usage;

import java.util.Collection;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotSummary;

/** Rows and bytes of a snapshot from its summary, and of data files from their metadata: no file is opened. */
public final class SnapshotSizes {

  private SnapshotSizes() {
  }

  /** The rows of the table at {@code snapshot} (0 without one or without a summary). */
  public static long rows(Snapshot snapshot) {
    return summary(snapshot, SnapshotSummary.TOTAL_RECORDS_PROP);
  }

  /** The bytes of the table's live data files at {@code snapshot}. */
  public static long bytes(Snapshot snapshot) {
    return summary(snapshot, SnapshotSummary.TOTAL_FILE_SIZE_PROP);
  }

  /** The bytes of {@code files}. */
  public static long bytes(Collection<DataFile> files) {
    return files.stream().mapToLong(DataFile::fileSizeInBytes).sum();
  }

  private static long summary(Snapshot snapshot, String property) {
    if (snapshot == null || snapshot.summary() == null) {
      return 0;
    }
    String value = snapshot.summary().get(property);
    return value == null ? 0 : Long.parseLong(value);
  }
}
