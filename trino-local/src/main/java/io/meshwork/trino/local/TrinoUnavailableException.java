package io.meshwork.trino.local;

/**
 * Something a local Trino needs is not here (a JDK 24+, the server tarball) or the server did not start. Outside CI
 * the tests that need Trino are skipped with this message; in CI it fails them.
 */
public final class TrinoUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public TrinoUnavailableException(String message) {
    super(message);
  }

  public TrinoUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
