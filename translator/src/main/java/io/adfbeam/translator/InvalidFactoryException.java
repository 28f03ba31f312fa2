package io.adfbeam.translator;

import io.adfbeam.translator.json.Diagnostic;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A factory, or a request against it, that cannot be translated: every problem, each located
 * ({@code file:line:col /pointer: message}), one a line in the message.
 */
public class InvalidFactoryException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final transient List<Diagnostic> diagnostics;

  public InvalidFactoryException(List<Diagnostic> diagnostics) {
    super(diagnostics.stream().filter(Diagnostic::isError).map(Diagnostic::toString)
        .collect(Collectors.joining("\n")));
    this.diagnostics = List.copyOf(diagnostics);
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}
