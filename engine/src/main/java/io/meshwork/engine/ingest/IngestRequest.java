package io.meshwork.engine.ingest;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One delivery of a tenant's source: the delivered files (CSV, gzip-compressed CSV or Parquet, already on a local
 * disk) and the run that ingests them, which names the audit branch.
 */
public record IngestRequest(String tenant, String source, List<Path> files, String runId) {

  public IngestRequest {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(source, "source");
    files = List.copyOf(files);
    Objects.requireNonNull(runId, "runId");
  }

  /** The branch the delivery is written to before its checks pass. */
  public String auditBranch() {
    return "audit-" + runId;
  }
}
