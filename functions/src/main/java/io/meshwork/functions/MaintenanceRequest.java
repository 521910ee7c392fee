package io.meshwork.functions;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Input of the maintenance function: the tenant whose tables to maintain, or none for the tenant the function serves
 * ({@code MESHWORK_TENANT}), and whether to only report ({@code dryRun}, default false). The daily schedule sends
 * {@code {"tenant": "<tenant>"}}.
 */
@Serdeable
public record MaintenanceRequest(@Nullable String tenant, @Nullable Boolean dryRun) {

  boolean isDryRun() {
    return Boolean.TRUE.equals(dryRun);
  }
}
