package io.meshwork.model.definition;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks EventBridge Scheduler cron expressions, {@code cron(minutes hours day-of-month month day-of-week year)},
 * with the rules the service applies, so a schedule it would reject fails at validation instead of at deploy.
 */
public final class CronExpressions {

  public static final String EXAMPLE = "cron(0 5 * * ? *)";

  private static final Pattern FORM = Pattern.compile("cron\\((.*)\\)");
  private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP",
      "OCT", "NOV", "DEC");
  private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

  private record Field(String name, int minimum, int maximum, List<String> names) {
  }

  private static final List<Field> FIELDS = List.of(
      new Field("minutes", 0, 59, List.of()),
      new Field("hours", 0, 23, List.of()),
      new Field("day-of-month", 1, 31, List.of()),
      new Field("month", 1, 12, MONTHS),
      new Field("day-of-week", 1, 7, DAYS),
      new Field("year", 1970, 2199, List.of()));

  private CronExpressions() {
  }

  /** Empty if EventBridge Scheduler accepts {@code expression}; otherwise what is wrong and how to fix it. */
  public static Optional<String> problem(String expression) {
    Matcher form = FORM.matcher(expression.trim());
    if (!form.matches()) {
      return Optional.of("it must have the form cron(minutes hours day-of-month month day-of-week year), e.g. "
          + EXAMPLE + ".");
    }
    String[] parts = form.group(1).trim().split("\\s+");
    if (parts.length != 6) {
      return Optional.of("it has " + parts.length + " fields, EventBridge needs 6: minutes hours day-of-month "
          + "month day-of-week year, e.g. " + EXAMPLE + ".");
    }
    for (int i = 0; i < FIELDS.size(); i++) {
      Optional<String> problem = fieldProblem(FIELDS.get(i), parts[i].toUpperCase(Locale.ROOT));
      if (problem.isPresent()) {
        return problem;
      }
    }
    boolean dayOfMonthOpen = parts[2].equals("?");
    boolean dayOfWeekOpen = parts[4].equals("?");
    if (dayOfMonthOpen == dayOfWeekOpen) {
      return Optional.of("exactly one of day-of-month and day-of-week must be '?' (EventBridge cannot combine them), "
          + "e.g. " + EXAMPLE + " or cron(0 5 ? * MON-FRI *).");
    }
    return Optional.empty();
  }

  private static Optional<String> fieldProblem(Field field, String text) {
    if (text.equals("?")) {
      return field.name().equals("day-of-month") || field.name().equals("day-of-week")
          ? Optional.empty()
          : invalid(field, text, "'?' is only allowed in day-of-month or day-of-week");
    }
    if (field.name().equals("day-of-week") && text.contains("#") && text.contains(",")) {
      return invalid(field, text, "a day#n must stand alone, EventBridge rejects it in a list");
    }
    for (String element : text.split(",", -1)) {
      Optional<String> problem = elementProblem(field, element);
      if (problem.isPresent()) {
        return problem;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> elementProblem(Field field, String element) {
    if (field.name().equals("day-of-month") && (element.equals("L") || element.equals("LW")
        || element.matches("\\d{1,2}W") && inRange(field, element.substring(0, element.length() - 1)))) {
      return Optional.empty();
    }
    if (field.name().equals("day-of-week")) {
      if (element.equals("L") || element.matches("\\w+L") && isValue(field, element.substring(0,
          element.length() - 1))) {
        return Optional.empty();
      }
      if (element.contains("#")) {
        String[] parts = element.split("#", -1);
        return parts.length == 2 && isValue(field, parts[0]) && parts[1].matches("[1-5]")
            ? Optional.empty()
            : invalid(field, element, "write day#n with n from 1 to 5, e.g. MON#1");
      }
    }
    String[] step = element.split("/", -1);
    if (step.length > 1 && field.name().equals("day-of-week")) {
      return invalid(field, element, "'/' is not allowed in day-of-week, list the days instead, e.g. MON,WED,FRI");
    }
    if (step.length > 2) {
      return invalid(field, element, "use at most one '/'");
    }
    if (step.length == 2 && !(step[1].matches("\\d{1,4}") && Integer.parseInt(step[1]) > 0)) {
      return invalid(field, element, "the increment after '/' must be a positive number");
    }
    String base = step[0];
    if (base.equals("*")) {
      return Optional.empty();
    }
    String[] range = base.split("-", -1);
    if (range.length > 2) {
      return invalid(field, element, "a range has one '-'");
    }
    for (String value : range) {
      if (!isValue(field, value)) {
        return invalid(field, element, "allowed values are " + field.minimum() + "-" + field.maximum()
            + (field.names().isEmpty() ? "" : " or " + field.names().get(0) + "-" + field.names().get(
            field.names().size() - 1)));
      }
    }
    return Optional.empty();
  }

  private static boolean isValue(Field field, String value) {
    return field.names().contains(value) || inRange(field, value);
  }

  private static boolean inRange(Field field, String value) {
    if (!value.matches("\\d{1,4}")) {
      return false;
    }
    int number = Integer.parseInt(value);
    return number >= field.minimum() && number <= field.maximum();
  }

  private static Optional<String> invalid(Field field, String element, String hint) {
    return Optional.of("the " + field.name() + " field '" + element + "' is invalid: " + hint + ".");
  }
}
