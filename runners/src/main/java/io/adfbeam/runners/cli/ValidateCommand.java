package io.adfbeam.runners.cli;

import io.adfbeam.translator.load.FactoryLoader;
import io.adfbeam.translator.model.Factory;
import io.adfbeam.translator.validate.FactoryValidator;
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
    Factory factory = FactoryLoader.load(path);
    SecretMasker masker = SecretMasker.forFactory(factory);
    root.useMasker(masker);
    Console console = new Console(spec.commandLine(), masker);
    DiagnosticReport report = new DiagnosticReport(factory, FactoryValidator.validate(factory));
    report.printDiagnostics(console);
    console.out(report.summary());
    return report.hasErrors() ? ExitCodes.INVALID_INPUT : ExitCodes.OK;
  }
}
