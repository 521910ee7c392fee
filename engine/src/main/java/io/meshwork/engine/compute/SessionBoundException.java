package io.meshwork.engine.compute;

import java.sql.SQLException;

/** A statement stopped because it reached one of its session's {@link DuckDbSession.Limits}. */
public final class SessionBoundException extends SQLException {

  /** Which bound was reached. */
  public enum Bound { TIMEOUT, SPILL, MEMORY }

  private final Bound bound;

  SessionBoundException(Bound bound, String message, Throwable cause) {
    super(message, cause);
    this.bound = bound;
  }

  public Bound bound() {
    return bound;
  }
}
