package io.adfbeam.runners.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code adf-beam validate PATH}: loads a factory and reports every problem at once. Diagnostics
 * go to standard error, one {@code file:line:col /json/pointer: message} a line; one summary line
 * goes to standard output. Exit 0 when valid (warnings allowed), 2 when not.
 */
@Command(
    name = "validate",
    description = {
      "Check a factory's definitions and report every problem.",
      "Prints every diagnostic, errors and warnings, to standard error as"
          + " file:line:col /json/pointer: message, then one summary line to standard output."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:valid (warnings allowed)", "1:internal failure", "2:invalid factory"})
final class ValidateCommand implements Callable<Integer> {

  @Parameters(
      paramLabel = "PATH",
      description = "A resource JSON file, a v1 project folder, a folder in ADF's Git layout, or an"
          + " ARM template.")
  Path path;

  @ParentCommand AdfBeamCommand root;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    CheckedFactory checked = CheckedFactory.load(path, root, spec);
    checked.console.out(checked.report.summary());
    return checked.hasErrors() ? ExitCodes.INVALID_INPUT : ExitCodes.OK;
  }
}
