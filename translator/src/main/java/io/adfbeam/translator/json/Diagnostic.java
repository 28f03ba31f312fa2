package io.adfbeam.translator.json;

import java.util.Comparator;
import java.util.Objects;

/**
 * One problem found in a factory's definitions, with where it is. Printed as {@code
 * file:line:col /json/pointer: message}.
 */
public record Diagnostic(Severity severity, SourceLocation location, String message) {

  /** Whether a problem stops the factory from being planned or run. */
  public enum Severity {
    ERROR,
    WARNING
  }

  /** Orders diagnostics by file, line, column, then message, so output is stable. */
  public static final Comparator<Diagnostic> ORDER =
      Comparator.comparing((Diagnostic d) -> d.location().file())
          .thenComparingInt(d -> d.location().line())
          .thenComparingInt(d -> d.location().column())
          .thenComparing(Diagnostic::message);

  public Diagnostic {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(message, "message");
  }

  public static Diagnostic error(SourceLocation location, String message) {
    return new Diagnostic(Severity.ERROR, location, message);
  }

  public static Diagnostic warning(SourceLocation location, String message) {
    return new Diagnostic(Severity.WARNING, location, message);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  @Override
  public String toString() {
    return location + ": " + (severity == Severity.WARNING ? "warning: " : "") + message;
  }
}
