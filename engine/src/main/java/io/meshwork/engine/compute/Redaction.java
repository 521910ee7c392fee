package io.meshwork.engine.compute;

import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps the host out of messages: DuckDB names files by absolute path in its errors, which would tell a tenant
 * where Meshwork keeps data on the machine. Each absolute path is reduced to its file name.
 */
public final class Redaction {

  /** An absolute path: a '/' at the start or after white space, a quote or '(', then at least one more segment. */
  private static final Pattern ABSOLUTE_PATH = Pattern.compile("(?<=^|[\\s\"'(\\[=])/(?:[^\\s\"',)\\]]*/)+"
      + "([^\\s\"',)\\]]*)");

  private Redaction() {
  }

  public static String paths(String message) {
    if (message == null) {
      return "";
    }
    Matcher matcher = ABSOLUTE_PATH.matcher(message);
    StringBuilder redacted = new StringBuilder();
    while (matcher.find()) {
      // DuckDB cuts long lines with "...": then even the last segment is a fragment of a directory's name.
      String name = matcher.group(1).endsWith("...") ? "" : matcher.group(1);
      matcher.appendReplacement(redacted, Matcher.quoteReplacement("…/" + name));
    }
    matcher.appendTail(redacted);
    return redacted.toString();
  }

  /** The same failure, its message without absolute paths; the original stays as the cause for debugging. */
  static SQLException of(SQLException error) {
    if (error instanceof UnsafeSqlException || error instanceof SessionBoundException) {
      return error;
    }
    SQLException redacted = new SQLException(paths(error.getMessage()), error.getSQLState(), error);
    return redacted;
  }
}
