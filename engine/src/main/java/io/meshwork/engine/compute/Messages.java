package io.meshwork.engine.compute;

/** Error text as people read it: DuckDB and Iceberg put details and context on later lines. */
public final class Messages {

  private Messages() {
  }

  /** The first line of {@code message}, trimmed; empty for none. */
  public static String firstLine(String message) {
    String text = message == null ? "" : message.strip();
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline).strip();
  }

  /** The first line of the error's message, or the error itself when it has none. */
  public static String firstLine(Throwable error) {
    return firstLine(error.getMessage() == null ? error.toString() : error.getMessage());
  }
}
