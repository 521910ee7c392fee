package io.meshwork.engine.compute;

import java.sql.SQLException;

/** A query whose result does not have the columns and types of the table it is written to; nothing was written. */
public final class ResultShapeException extends SQLException {

  ResultShapeException(String message) {
    super(message);
  }
}
