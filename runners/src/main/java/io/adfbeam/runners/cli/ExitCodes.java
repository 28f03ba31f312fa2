package io.adfbeam.runners.cli;

import picocli.CommandLine;

/**
 * The exit codes of every {@code adf-beam} command, and the one place that maps an exception to
 * one of them.
 */
public final class ExitCodes {

  /** The command did what it was asked; warnings may have been printed. */
  public static final int OK = 0;

  /** Something failed inside adf-beam (a bug, or the machine): not the user's input. */
  public static final int INTERNAL_ERROR = 1;

  /** The factory or the command line is invalid: diagnostics or a message say why. */
  public static final int INVALID_INPUT = 2;

  private ExitCodes() {}

  /** The exit code for an exception that ended a command. */
  public static int of(Throwable exception) {
    if (exception instanceof InvalidInputException
        || exception instanceof CommandLine.ParameterException) {
      return INVALID_INPUT;
    }
    return INTERNAL_ERROR;
  }

  /** The mapper picocli asks when a command throws. */
  static CommandLine.IExitCodeExceptionMapper mapper() {
    return ExitCodes::of;
  }
}
