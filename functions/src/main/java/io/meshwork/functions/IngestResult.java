package io.meshwork.functions;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * What the Ingest function did with one delivery.
 *
 * @param status {@code PUBLISHED}, {@code ALREADY_INGESTED} or {@code REJECTED}
 * @param delivery the delivered object, {@code s3://<bucket>/landing/<source>/...}
 * @param snapshotId the source's new {@code main} snapshot when published
 * @param report where a rejected delivery's report lies, beside the delivery under {@code rejected/}
 */
@Serdeable
public record IngestResult(String status, String tenant, String source, String delivery, String runId,
    @Nullable String snapshotId, @Nullable String report, String message) {
}
