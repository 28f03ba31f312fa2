package io.adfbeam.translator.plan;

import java.time.LocalDateTime;
import java.util.List;

/**
 * One activity run: an activity for one slice of its schedule, with the dataset slices it reads
 * and writes and the runs that must be Ready before it starts.
 *
 * @param scheduledTime when ADF would start it: the slice end (EndOfInterval, the default) or
 *     start (StartOfInterval), plus the policy's delay
 * @param supported false for activity types adf-beam does not execute (kept to order the others)
 */
public record ActivityRun(
    ActivityRunId id,
    String activityType,
    boolean supported,
    SliceWindow slice,
    LocalDateTime scheduledTime,
    List<ResolvedDataset> inputs,
    List<ResolvedDataset> outputs,
    List<ActivityRunId> dependsOn) {

  public ActivityRun {
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
    dependsOn = List.copyOf(dependsOn);
  }

  public String pipeline() {
    return id.pipeline();
  }

  public String activity() {
    return id.activity();
  }
}
