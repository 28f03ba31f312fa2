package io.adfbeam.translator.json;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collects every problem at once; nothing stops at the first. Not thread-safe. */
public final class Diagnostics {
  private final List<Diagnostic> items = new ArrayList<>();

  public void error(SourceLocation location, String message) {
    items.add(Diagnostic.error(location, message));
  }

  public void warning(SourceLocation location, String message) {
    items.add(Diagnostic.warning(location, message));
  }

  public void add(Diagnostic diagnostic) {
    items.add(diagnostic);
  }

  public void addAll(List<Diagnostic> diagnostics) {
    items.addAll(diagnostics);
  }

  public boolean hasErrors() {
    return items.stream().anyMatch(Diagnostic::isError);
  }

  /** All diagnostics in a stable order: by file, line, column, message. */
  public List<Diagnostic> sorted() {
    List<Diagnostic> copy = new ArrayList<>(items);
    copy.sort(Diagnostic.ORDER);
    return Collections.unmodifiableList(copy);
  }
}
