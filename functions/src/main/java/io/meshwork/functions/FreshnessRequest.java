package io.meshwork.functions;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Input of the freshness check: the tenant whose products to check, or none for the tenant the function serves
 * ({@code MESHWORK_TENANT}). The hourly schedule sends {@code {"tenant": "<tenant>"}}.
 */
@Serdeable
public record FreshnessRequest(@Nullable String tenant) {
}
