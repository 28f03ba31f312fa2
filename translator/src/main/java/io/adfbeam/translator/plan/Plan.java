package io.adfbeam.translator.plan;

import io.adfbeam.translator.json.Diagnostic;
import java.util.List;

/**
 * The activity runs of a window, in dependency order (every run after the runs it depends on,
 * then by slice start, pipeline and activity), and what stopped any of them being planned.
 */
public record Plan(List<ActivityRun> runs, List<Diagnostic> diagnostics) {
  public Plan {
    runs = List.copyOf(runs);
    diagnostics = List.copyOf(diagnostics);
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }
}
