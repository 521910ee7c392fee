package io.meshwork.cli;

/** A problem with what the user asked for (an option, a path); printed without a stack trace, exit code 2. */
final class UserInputException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  UserInputException(String message) {
    super(message);
  }
}
