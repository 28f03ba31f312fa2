package io.adfbeam.runners.cli;

/**
 * The user's input cannot be used (an unknown pipeline, say); the command prints the message as
 * it is, with no stack trace, and exits with {@link ExitCodes#INVALID_INPUT}.
 */
public final class InvalidInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidInputException(String message) {
    super(message);
  }
}
