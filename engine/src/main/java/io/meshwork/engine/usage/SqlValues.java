package io.meshwork.engine.usage;

import io.meshwork.engine.compute.DuckDbSession;

/** SQL literals of the values Meshwork writes into its own tables. */
final class SqlValues {

  private SqlValues() {
  }

  /** A SQL literal of a nullable number. */
  static String number(Number value) {
    return value == null ? "NULL" : value.toString();
  }

  /** A SQL literal of a nullable text, escaped. */
  static String text(String value) {
    return value == null ? "NULL" : DuckDbSession.literal(value);
  }
}
