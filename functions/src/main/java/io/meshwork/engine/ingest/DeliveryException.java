package io.meshwork.engine.ingest;

/** STAND-IN for the engine's ingest API (being written on main); deleted when it lands. */
public final class DeliveryException extends RuntimeException {

  public DeliveryException(String message) {
    super(message);
  }
}
