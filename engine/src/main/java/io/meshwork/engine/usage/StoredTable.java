package io.meshwork.engine.usage;

import java.time.Instant;
import java.util.Objects;

/**
 * The bytes one table of a tenant keeps at a moment: the live data files of {@code main}, and the files that only
 * retained history (older snapshots, audit branches) still references.
 */
public record StoredTable(Instant measuredAt, String tenant, String product, String table, long liveBytes,
    int liveFiles, long historyBytes, int historyFiles) {

  public StoredTable {
    Objects.requireNonNull(measuredAt, "measuredAt");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(table, "table");
    if (liveBytes < 0 || liveFiles < 0 || historyBytes < 0 || historyFiles < 0) {
      throw new IllegalArgumentException("Table " + table + " of tenant " + tenant + " has a negative size: live "
          + liveBytes + " bytes in " + liveFiles + " files, history " + historyBytes + " bytes in " + historyFiles
          + " files.");
    }
  }

  /** Live and history bytes together: what the tenant's bucket holds for the table. */
  public long totalBytes() {
    return liveBytes + historyBytes;
  }
}
