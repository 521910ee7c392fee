package io.meshwork.localstack.emulators;

/**
 * Something the emulators need is not installed here (Python, its venv module). Outside CI the emulator tests are
 * skipped with this message; in CI it fails the build.
 */
final class PrerequisiteMissingException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  PrerequisiteMissingException(String message) {
    super(message);
  }
}
