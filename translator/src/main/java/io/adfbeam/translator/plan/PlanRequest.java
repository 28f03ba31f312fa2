package io.adfbeam.translator.plan;

import java.util.Optional;

/**
 * What to plan: one pipeline or all, and a window that narrows (or, for pipelines with no
 * start/end, gives) the period whose slices run.
 */
public record PlanRequest(Optional<String> pipeline, Optional<SliceWindow> window) {
  public static final PlanRequest ALL = new PlanRequest(Optional.empty(), Optional.empty());
}
