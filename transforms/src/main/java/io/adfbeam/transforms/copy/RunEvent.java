package io.adfbeam.transforms.copy;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * A moment in one activity run's life inside a copy job, told as it happens: the run started
 * ({@link #status} {@code InProgress}), or it ended {@code Succeeded}, {@code Failed} or
 * {@code TimedOut} with its outputs and errors. {@code millis} is when, on the worker's clock.
 * {@code counts} are the run's {@link CopyMetrics} counters by metric name when the worker knows
 * them (a run copied start to end by one worker), null otherwise (read them from the job's metrics).
 */
public record RunEvent(String runId, String status, long millis, List<String> outputs,
    List<String> errors, Map<String, Long> counts) implements Serializable {
  public static final String IN_PROGRESS = "InProgress";
  public static final String SUCCEEDED = "Succeeded";
  public static final String FAILED = "Failed";
  public static final String TIMED_OUT = "TimedOut";

  public RunEvent {
    outputs = List.copyOf(outputs);
    errors = List.copyOf(errors);
    counts = counts == null ? null : Map.copyOf(counts);
  }

  static RunEvent started(String runId, long millis) {
    return new RunEvent(runId, IN_PROGRESS, millis, List.of(), List.of(), null);
  }

  static RunEvent ended(RunOutcome outcome, long millis, Map<String, Long> counts) {
    return new RunEvent(outcome.runId(), outcome.succeeded() ? SUCCEEDED : FAILED, millis,
        outcome.outputs(), outcome.errors(), counts);
  }

  public boolean isStart() {
    return status.equals(IN_PROGRESS);
  }

  /** Where a job's workers tell run events as they happen (the caller's progress and ledger). */
  public interface Sink extends Serializable {
    void accept(RunEvent event);
  }

  /** The workers' clock, in epoch milliseconds; tests give one they move. */
  public interface Clock extends Serializable {
    long millis();
  }
}
