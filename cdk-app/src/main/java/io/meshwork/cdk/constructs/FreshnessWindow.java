package io.meshwork.cdk.constructs;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a freshness SLA becomes a CloudWatch alarm on the {@code Published} count: the alarm fires when every one of
 * {@code periods} consecutive periods of {@code period} saw no publication (missing data counts as breaching), so
 * the window covers the SLA rounded up to whole periods.
 *
 * <p>CloudWatch evaluates at most seven days (and at most one day with periods under an hour), so SLAs longer than
 * seven days have no window: an alarm over a shorter window would fire while the SLA still holds.
 *
 * @param period one hour, or one minute for SLAs under an hour
 * @param periods how many periods the window spans
 */
public record FreshnessWindow(Duration period, int periods) {

  /** The longest range CloudWatch evaluates an alarm over. */
  public static final Duration LONGEST = Duration.ofDays(7);

  public FreshnessWindow {
    Objects.requireNonNull(period, "period");
    if (periods < 1) {
      throw new IllegalArgumentException("periods must be at least 1, not " + periods + ".");
    }
  }

  /** The window watching {@code freshness}, or empty if CloudWatch cannot evaluate that long. */
  public static Optional<FreshnessWindow> of(Duration freshness) {
    if (freshness.isNegative() || freshness.isZero() || freshness.compareTo(LONGEST) > 0) {
      return Optional.empty();
    }
    Duration period = freshness.compareTo(Duration.ofHours(1)) >= 0 ? Duration.ofHours(1) : Duration.ofMinutes(1);
    long periods = (freshness.toSeconds() + period.toSeconds() - 1) / period.toSeconds();
    return Optional.of(new FreshnessWindow(period, (int) periods));
  }

  /** {@code duration} in ISO-8601 as a definition would write it: {@code P35D} rather than {@code PT840H}. */
  public static String iso(Duration duration) {
    return duration.toSecondsPart() == 0 && duration.toMinutesPart() == 0 && duration.toHoursPart() == 0
        && duration.toDays() > 0 ? "P" + duration.toDays() + "D" : duration.toString();
  }

  /** The whole window, {@code period * periods}. */
  public Duration span() {
    return period.multipliedBy(periods);
  }
}
