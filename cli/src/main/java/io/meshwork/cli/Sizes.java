package io.meshwork.cli;

import java.util.regex.Pattern;

/** Sizes as DuckDB takes them: a number and a unit, e.g. 500MB or 4GB. */
final class Sizes {

  private static final Pattern SIZE = Pattern.compile("\\d{1,6}(\\.\\d{1,3})?\\s?(KB|MB|GB|TB|KiB|MiB|GiB|TiB)");

  private Sizes() {
  }

  /** {@code text} if it is a size DuckDB reads; exit 2 naming {@code option} otherwise. */
  static String check(String option, String text) {
    if (!SIZE.matcher(text.strip()).matches()) {
      throw new UserInputException(option + " '" + text + "' is not a size. Write a number and a unit, e.g. 500MB "
          + "or 4GB.");
    }
    return text.strip();
  }

  /** {@code text} in bytes, reading KB, MB, GB, TB as powers of 1000 and KiB... as powers of 1024, as DuckDB does. */
  static long bytes(String option, String text) {
    String size = check(option, text);
    int unit = size.length() - (size.endsWith("iB") ? 3 : 2);
    double number = Double.parseDouble(size.substring(0, unit).strip());
    String suffix = size.substring(unit);
    int power = "KMGT".indexOf(suffix.charAt(0)) + 1;
    double base = suffix.endsWith("iB") ? 1024 : 1000;
    return (long) (number * Math.pow(base, power));
  }
}
