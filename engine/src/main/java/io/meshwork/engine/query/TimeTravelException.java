package io.meshwork.engine.query;

/** A time-travel request that names no retained snapshot of main; the message names the table and what is there. */
public final class TimeTravelException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  TimeTravelException(String message) {
    super(message);
  }
}
