package io.meshwork.engine.compute;

import java.sql.SQLException;

/** SQL text that is not exactly one query a session may run; nothing of it ran. */
public final class UnsafeSqlException extends SQLException {

  private final String parserError;
  private final int line;

  UnsafeSqlException(String message) {
    this(message, null, 0);
  }

  /** Text DuckDB cannot parse: {@code parserError} as DuckDB says it, at 1-based {@code line}. */
  UnsafeSqlException(String message, String parserError, int line) {
    super(message);
    this.parserError = parserError;
    this.line = line;
  }

  /** True when DuckDB cannot parse the text at all: a syntax error, which runs nothing either. */
  public boolean unparsable() {
    return parserError != null;
  }

  /** DuckDB's parser error, e.g. {@code syntax error at or near "canton"}; empty unless {@link #unparsable()}. */
  public String parserError() {
    return parserError == null ? "" : parserError;
  }

  /** The 1-based line of a parser error; 0 unless {@link #unparsable()}. */
  public int line() {
    return line;
  }
}
