package io.adfbeam.translator.plan;

import io.adfbeam.translator.time.AdfDateTimes;
import java.time.LocalDateTime;

/** Names one activity run: a pipeline's activity for the slice starting at {@code sliceStart}. */
public record ActivityRunId(String pipeline, String activity, LocalDateTime sliceStart) {
  @Override
  public String toString() {
    return pipeline + "/" + activity + "@" + AdfDateTimes.format(sliceStart);
  }
}
