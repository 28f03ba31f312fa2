package io.adfbeam.runners.cli;

import io.adfbeam.translator.json.Diagnostic;
import io.adfbeam.translator.load.FactoryLoader;
import io.adfbeam.translator.model.Factory;
import io.adfbeam.translator.model.Pipeline;
import io.adfbeam.translator.validate.FactoryValidator;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The first steps every command shares: load the factory, mask its secrets in everything printed
 * from then on, validate it and print the diagnostics to standard error.
 */
final class CheckedFactory {
  final Factory factory;
  final SecretMasker masker;
  final Console console;
  final List<Diagnostic> validation;
  final DiagnosticReport report;

  private CheckedFactory(Factory factory, SecretMasker masker, Console console,
      List<Diagnostic> validation) {
    this.factory = factory;
    this.masker = masker;
    this.console = console;
    this.validation = validation;
    this.report = new DiagnosticReport(factory, validation);
  }

  static CheckedFactory load(Path path, AdfBeamCommand root, CommandSpec spec) {
    Factory factory = FactoryLoader.load(path);
    SecretMasker masker = SecretMasker.forFactory(factory);
    root.useMasker(masker);
    Console console = new Console(spec.commandLine(), masker);
    CheckedFactory checked = new CheckedFactory(factory, masker, console,
        FactoryValidator.validate(factory));
    checked.report.printDiagnostics(console);
    return checked;
  }

  boolean hasErrors() {
    return report.hasErrors();
  }

  /** Fails with invalid input, listing the pipelines there are, when {@code name} is not one. */
  void requirePipeline(String name) {
    if (name == null || factory.pipeline(name).isPresent()) {
      return;
    }
    List<String> names = factory.pipelines().stream().map(Pipeline::name).sorted().toList();
    throw new InvalidInputException("unknown pipeline '" + name + "'; "
        + (names.isEmpty() ? "the factory has no pipelines"
            : "the factory's pipelines are: " + String.join(", ", names)));
  }
}
