package io.adfbeam.runners.cli;

import io.adfbeam.translator.json.Diagnostic;
import io.adfbeam.translator.model.Factory;
import java.util.List;

/** How a factory's diagnostics are printed and summed up, the same for every command. */
final class DiagnosticReport {
  private final Factory factory;
  private final List<Diagnostic> diagnostics;

  DiagnosticReport(Factory factory, List<Diagnostic> diagnostics) {
    this.factory = factory;
    this.diagnostics = List.copyOf(diagnostics);
  }

  boolean hasErrors() {
    return errors() > 0;
  }

  long errors() {
    return diagnostics.stream().filter(Diagnostic::isError).count();
  }

  long warnings() {
    return diagnostics.size() - errors();
  }

  /** Prints every diagnostic, errors and warnings: {@code file:line:col /pointer: message}. */
  void printDiagnostics(Console console) {
    for (Diagnostic diagnostic : diagnostics) {
      console.err(diagnostic.toString());
    }
  }

  /**
   * One line: {@code 2 errors, 1 warning in 2 files} (the files the diagnostics are in) when
   * there are errors, else {@code valid: 2 linked services, 2 datasets, 1 pipeline}, with the
   * triggers and warnings when there are any.
   */
  String summary() {
    if (hasErrors()) {
      long files = diagnostics.stream().map(d -> d.location().file()).distinct().count();
      return count(errors(), "error") + ", " + count(warnings(), "warning") + " in "
          + count(files, "file");
    }
    StringBuilder s = new StringBuilder("valid: ")
        .append(count(factory.linkedServices().size(), "linked service")).append(", ")
        .append(count(factory.datasets().size(), "dataset")).append(", ")
        .append(count(factory.pipelines().size(), "pipeline"));
    if (!factory.triggers().isEmpty()) {
      s.append(", ").append(count(factory.triggers().size(), "trigger"));
    }
    if (warnings() > 0) {
      s.append(" (").append(count(warnings(), "warning")).append(')');
    }
    return s.toString();
  }

  static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
