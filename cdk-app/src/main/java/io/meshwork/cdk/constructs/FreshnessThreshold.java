package io.meshwork.cdk.constructs;

import java.time.Duration;
import java.util.Objects;

/**
 * A product's freshness SLA as its alarm's threshold: the hourly freshness check reports each product's age in hours
 * ({@value TenantPipeline#FRESHNESS_METRIC}), and the alarm fires above {@link #hours()}. The age is a gauge, not a
 * count over the SLA window, so SLAs of any length work, also beyond the seven days CloudWatch evaluates.
 *
 * @param sla the product's freshness SLA; positive
 */
public record FreshnessThreshold(Duration sla) {

  private static final double SECONDS_PER_HOUR = 3600d;

  public FreshnessThreshold {
    Objects.requireNonNull(sla, "sla");
    if (sla.isNegative() || sla.isZero()) {
      throw new IllegalArgumentException("A freshness SLA must be positive, not " + iso(sla) + ".");
    }
  }

  /** The SLA in hours, fractional below whole hours (PT45M is 0.75), as the freshness check reports ages. */
  public double hours() {
    return sla.toMillis() / (SECONDS_PER_HOUR * 1000);
  }

  /** {@link #hours()} as a person writes them: 192, or 0.75 below whole hours. */
  public String hoursText() {
    double hours = hours();
    return hours == Math.rint(hours) ? Long.toString((long) hours) : Double.toString(hours);
  }

  /** The SLA in ISO-8601 as a definition would write it: {@code P35D} rather than {@code PT840H}. */
  public String iso() {
    return iso(sla);
  }

  private static String iso(Duration duration) {
    return duration.toSecondsPart() == 0 && duration.toMinutesPart() == 0 && duration.toHoursPart() == 0
        && duration.toDays() > 0 ? "P" + duration.toDays() + "D" : duration.toString();
  }
}
