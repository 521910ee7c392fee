package io.meshwork.functions;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Input of the Plan state: which tenant to refresh in which run, and optionally only one product (with everything it
 * reads). The state machine passes its execution name as the run id, so a redriven execution reuses its work.
 */
@Serdeable
public record PlanRequest(String tenant, String runId, @Nullable String product) {
}
