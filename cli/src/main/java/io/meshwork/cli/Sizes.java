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
}
