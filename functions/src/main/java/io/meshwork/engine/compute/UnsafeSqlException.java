package io.meshwork.engine.compute;

import java.sql.SQLException;

/** SQL text that is not exactly one query a session may run; nothing of it ran. */
public final class UnsafeSqlException extends SQLException {

  private final boolean unparsable;

  UnsafeSqlException(String message) {
    this(message, false);
  }

  UnsafeSqlException(String message, boolean unparsable) {
    super(message);
    this.unparsable = unparsable;
  }

  /** True when DuckDB cannot parse the text at all: a syntax error, which runs nothing either. */
  public boolean unparsable() {
    return unparsable;
  }
}
