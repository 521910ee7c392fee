package io.meshwork.engine.freshness;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How old one product's published data is against its freshness SLA.
 *
 * @param product the product name
 * @param table the product's table, {@code <domain>.<name>_v<major>}
 * @param lastPublished when {@code main} last moved: its snapshot's commit time; null if never published
 * @param runId the run that published {@code main}; null if never published
 * @param ageHours hours since {@code lastPublished}, to two decimals; null if never published
 * @param slaHours the freshness SLA in hours
 * @param breached true if never published or older than the SLA
 */
public record ProductFreshness(String product, String table, Instant lastPublished, String runId, Double ageHours,
    double slaHours, boolean breached) {

  private static final double MILLIS_PER_HOUR = 3_600_000d;

  public ProductFreshness {
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(table, "table");
    if ((lastPublished == null) != (ageHours == null)) {
      throw new IllegalArgumentException("lastPublished and ageHours are both present or both absent; got "
          + lastPublished + " and " + ageHours + ".");
    }
    if (!(slaHours > 0)) {
      throw new IllegalArgumentException("slaHours must be positive, not " + slaHours + ".");
    }
    if (lastPublished == null && !breached) {
      throw new IllegalArgumentException("A product that was never published breaches its SLA.");
    }
  }

  /**
   * The freshness at {@code now} of a product published at {@code published} (empty: never) by run {@code runId}.
   * A publication time after {@code now} (clocks disagree) counts as age zero.
   */
  public static ProductFreshness at(Instant now, String product, String table, Duration sla,
      Optional<Instant> published, String runId) {
    double slaHours = hours(sla);
    if (published.isEmpty()) {
      return new ProductFreshness(product, table, null, null, null, slaHours, true);
    }
    Duration age = Duration.between(published.get(), now);
    age = age.isNegative() ? Duration.ZERO : age;
    double ageHours = Math.round(age.toMillis() / (MILLIS_PER_HOUR / 100)) / 100d;
    return new ProductFreshness(product, table, published.get(), runId, ageHours, slaHours, age.compareTo(sla) > 0);
  }

  /** {@code duration} in hours, as the freshness alarms' thresholds count it. */
  public static double hours(Duration duration) {
    return duration.toMillis() / MILLIS_PER_HOUR;
  }
}
