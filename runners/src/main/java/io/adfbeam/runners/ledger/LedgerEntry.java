package io.adfbeam.runners.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.adfbeam.runners.run.ActivityRunReport;
import java.util.List;

/**
 * The latest record of one activity run in the ledger.
 *
 * @param id {@code pipeline/activity@sliceStart}
 * @param substate why a Waiting run waits (retry, paused, externalData, scheduled), or null
 * @param attempts attempts made by the latest execution of the run
 * @param start when the latest attempt started (UTC, ISO 8601 with milliseconds), or null
 * @param end when the run ended, or null
 * @param owner process id of the run process that last changed it
 * @param output the copy output of the last attempt, or null
 * @param errors why the run failed, timed out or was skipped
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LedgerEntry(
    String id,
    String pipeline,
    String activity,
    String sliceStart,
    String sliceEnd,
    RunState state,
    String substate,
    int attempts,
    String start,
    String end,
    long owner,
    ActivityRunReport output,
    List<String> errors) {

  public LedgerEntry {
    errors = errors == null ? List.of() : List.copyOf(errors);
  }

  public LedgerEntry with(RunState newState, String newSubstate) {
    return new LedgerEntry(id, pipeline, activity, sliceStart, sliceEnd, newState, newSubstate,
        attempts, start, end, owner, output, errors);
  }
}
