package io.adfbeam.translator.plan;

import io.adfbeam.translator.model.Factory;
import java.util.List;

/** Plans activity runs: pure, no clock and no I/O. */
public final class Planner {
  private Planner() {}

  public static Plan plan(Factory factory, PlanRequest request) {
    return new Plan(List.of(), List.of());
  }
}
