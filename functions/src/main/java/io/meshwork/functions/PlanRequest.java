package io.meshwork.functions;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Input of the Plan state: which tenant to refresh in which run. Optionally only {@code product} with everything it
 * reads, or only what must be refreshed after {@code dependentsOf} changed: every product downstream of it with
 * everything those read (the ProductPublished rule; {@code dependentsOf} may name a source whose delivery the Ingest
 * function published). At most one of the two. The state machine passes its execution
 * name as the run id, so a redriven execution reuses its work.
 */
@Serdeable
public record PlanRequest(String tenant, String runId, @Nullable String product, @Nullable String dependentsOf) {
}
