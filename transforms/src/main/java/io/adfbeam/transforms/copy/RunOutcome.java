package io.adfbeam.transforms.copy;

import java.io.Serializable;
import java.util.List;

/**
 * How one activity run of a copy ended: committed with its output files, or failed with its
 * errors and nothing visible. Counts are in the run's Beam metrics ({@link CopyMetrics}).
 */
public record RunOutcome(String runId, boolean succeeded, List<String> outputs, List<String> errors)
    implements Serializable {
  public RunOutcome {
    outputs = List.copyOf(outputs);
    errors = List.copyOf(errors);
  }
}
