package io.adfbeam.runners.run;

import io.adfbeam.translator.bind.BoundRun;
import io.adfbeam.translator.model.ActivityPolicy;
import io.adfbeam.translator.model.DatasetPolicy;
import java.util.List;
import java.util.Optional;

/**
 * A bound activity run with what the orchestrator needs to schedule it: the activity's policy,
 * whether its pipeline is paused, and the external inputs it waits for.
 */
public record ScheduledRun(BoundRun bound, ActivityPolicy policy, boolean paused,
    List<ExternalInput> externalInputs) {

  public ScheduledRun {
    externalInputs = List.copyOf(externalInputs);
  }

  /**
   * An input dataset produced outside the factory whose slice is checked before the run starts.
   *
   * @param externalData how to wait (absent: check once, for validation only)
   * @param minimumSizeMB policy.validation.minimumSizeMB, when set
   */
  public record ExternalInput(String dataset, Optional<DatasetPolicy.ExternalData> externalData,
      Optional<Double> minimumSizeMB) {}
}
