package io.meshwork.engine.ingest;

/**
 * A delivery that cannot be read at all: no files, a file that is not what its name says (a truncated gzip, a
 * Parquet file without its footer), a format the source does not accept, a source the tenant does not deliver.
 * Nothing was written. The message names the file and how to fix it.
 */
public final class DeliveryException extends RuntimeException {

  public DeliveryException(String message) {
    super(message);
  }

  public DeliveryException(String message, Throwable cause) {
    super(message, cause);
  }
}
