package io.meshwork.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people type them on a command line: 90s, 5m, 1h, or ISO-8601 such as PT5M. */
final class Durations {

  private static final Pattern SHORT = Pattern.compile("(\\d{1,6})(s|m|h)");

  private Durations() {
  }

  /** The duration {@code text} of {@code option}, from one second to {@code ceiling}; exit 2 otherwise. */
  static Duration parse(String option, String text, Duration ceiling) {
    Duration duration = null;
    Matcher matcher = SHORT.matcher(text.strip().toLowerCase(Locale.ROOT));
    if (matcher.matches()) {
      long amount = Long.parseLong(matcher.group(1));
      duration = switch (matcher.group(2)) {
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        default -> Duration.ofHours(amount);
      };
    } else {
      try {
        duration = Duration.parse(text.strip());
      } catch (DateTimeParseException e) {
        // reported below
      }
    }
    if (duration == null || duration.compareTo(Duration.ofSeconds(1)) < 0 || duration.compareTo(ceiling) > 0) {
      throw new UserInputException(option + " '" + text + "' is not a duration from 1s to " + ceiling.toMinutes()
          + "m. Write e.g. 30s, 5m or PT5M.");
    }
    return duration;
  }
}
