package io.adfbeam.translator.plan;

import io.adfbeam.translator.json.Diagnostic;
import io.adfbeam.translator.json.Diagnostics;
import io.adfbeam.translator.model.Activity;
import io.adfbeam.translator.model.Availability;
import io.adfbeam.translator.model.Dataset;
import io.adfbeam.translator.model.DatasetRef;
import io.adfbeam.translator.model.Factory;
import io.adfbeam.translator.model.Pipeline;
import io.adfbeam.translator.model.Reference;
import io.adfbeam.translator.time.AdfDateTimes;
import io.adfbeam.translator.time.SliceVariables;
import io.adfbeam.translator.time.V1Expressions;
import io.adfbeam.translator.time.Value;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Plans the activity runs of a factory over a window: each activity of each scheduled pipeline x
 * each slice of its schedule inside the pipeline's active period (or the window the request
 * gives), with the dataset slices it reads and writes and the runs of other activities that
 * produce those slices. Pure: no clock, no I/O.
 *
 * <p>Choices where ADF's documentation is not explicit: a slice belongs to a period when it
 * overlaps it; an activity without {@code scheduler} uses its first output's availability; an
 * activity with neither (v2) runs once over the whole window; {@code OneTime} pipelines run once
 * over their active period; paused pipelines are planned (the orchestrator does not run them).
 */
public final class Planner {
  private final Factory factory;
  private final Diagnostics diagnostics = new Diagnostics();
  /** Dataset name (lower case) -> the activities that write it. */
  private final Map<String, List<Producer>> producers = new HashMap<>();

  /** Dataset name as referenced -> the dataset: looked up once, not at every run of a slice. */
  private final Map<String, Optional<Dataset>> datasets = new HashMap<>();

  private record Producer(Pipeline pipeline, Activity activity) {}

  private Planner(Factory factory) {
    this.factory = factory;
    for (Pipeline p : factory.pipelines()) {
      for (Activity a : p.activities()) {
        for (DatasetRef out : a.outputs()) {
          producers.computeIfAbsent(key(out.name()), k -> new ArrayList<>()).add(new Producer(p, a));
        }
      }
    }
  }

  /** Plans the runs {@code request} asks for. Problems become diagnostics of the plan. */
  public static Plan plan(Factory factory, PlanRequest request) {
    return new Planner(factory).plan(request);
  }

  private Plan plan(PlanRequest request) {
    List<Pipeline> pipelines = factory.pipelines();
    if (request.pipeline().isPresent()) {
      Optional<Pipeline> p = factory.pipeline(request.pipeline().get());
      if (p.isEmpty()) {
        return new Plan(List.of(), List.of(Diagnostic.error(
            new io.adfbeam.translator.json.SourceLocation("<command line>", 1, 1, ""),
            "no pipeline named '" + request.pipeline().get() + "'; the factory has: "
                + String.join(", ", factory.pipelines().stream().map(Pipeline::name).toList()))));
      }
      pipelines = List.of(p.get());
    }
    List<ActivityRun> runs = new ArrayList<>();
    for (Pipeline pipeline : pipelines) {
      Optional<SliceWindow> period = activePeriod(pipeline, request.window());
      if (period.isEmpty()) {
        continue;
      }
      for (Activity activity : pipeline.activities()) {
        for (SliceWindow slice : slices(pipeline, activity, period.get())) {
          runs.add(run(pipeline, activity, slice));
        }
      }
    }
    return new Plan(order(runs), diagnostics.sorted());
  }

  /**
   * The period whose slices run: the window the user gives (a backfill or re-run of any period,
   * as ADF's "set pipeline active period" does), else the pipeline's [start, end).
   */
  private Optional<SliceWindow> activePeriod(Pipeline pipeline, Optional<SliceWindow> window) {
    if (window.isPresent()) {
      return window;
    }
    Optional<LocalDateTime> start = pipeline.start();
    Optional<LocalDateTime> end = pipeline.end();
    if (start.isEmpty() || end.isEmpty()) {
      diagnostics.error(pipeline.location(), "pipeline '" + pipeline.name() + "' has no"
          + " start and end, so it has no slices of its own; give a window"
          + " (--window START/END) to plan it");
      return Optional.empty();
    }
    if (!end.get().isAfter(start.get())) {
      diagnostics.error(pipeline.location(), "pipeline '" + pipeline.name() + "' ends at "
          + AdfDateTimes.format(end.get()) + ", not after its start "
          + AdfDateTimes.format(start.get()));
      return Optional.empty();
    }
    return Optional.of(new SliceWindow(start.get(), end.get()));
  }

  private List<SliceWindow> slices(Pipeline pipeline, Activity activity, SliceWindow period) {
    if (pipeline.pipelineMode() == Pipeline.PipelineMode.ONE_TIME) {
      return List.of(period);
    }
    return schedule(activity).map(a -> Slices.overlapping(a, period)).orElse(List.of(period));
  }

  /** The activity's schedule: its scheduler, else its first output's availability. */
  private Optional<Availability> schedule(Activity activity) {
    if (activity.scheduler().isPresent()) {
      return activity.scheduler();
    }
    return activity.outputs().stream().findFirst()
        .flatMap(o -> dataset(o.name())).flatMap(Dataset::availability);
  }

  private ActivityRun run(Pipeline pipeline, Activity activity, SliceWindow slice) {
    ActivityRunId id = new ActivityRunId(pipeline.name(), activity.name(), slice.start());
    Set<ActivityRunId> dependsOn = new LinkedHashSet<>();
    List<ResolvedDataset> inputs = new ArrayList<>();
    for (DatasetRef in : activity.inputs()) {
      Optional<Dataset> dataset = dataset(in.name());
      if (dataset.isEmpty()) {
        continue; // reported by validation
      }
      SliceWindow window = dependencyWindow(in, slice);
      for (SliceWindow datasetSlice : datasetSlices(dataset.get(), window)) {
        resolve(dataset.get(), datasetSlice, in.location()).ifPresent(inputs::add);
        dependsOn.addAll(producerRuns(dataset.get(), datasetSlice, id));
      }
    }
    List<ResolvedDataset> outputs = new ArrayList<>();
    for (DatasetRef out : activity.outputs()) {
      dataset(out.name()).ifPresent(d -> {
        for (SliceWindow datasetSlice : datasetSlices(d, slice)) {
          resolve(d, datasetSlice, out.location()).ifPresent(outputs::add);
        }
      });
    }
    for (Reference dep : activity.dependsOn()) {
      pipeline.activity(dep.name()).ifPresent(a ->
          dependsOn.add(new ActivityRunId(pipeline.name(), a.name(), slice.start())));
    }
    LocalDateTime scheduled = schedule(activity)
        .filter(a -> a.style() == Availability.Style.START_OF_INTERVAL)
        .map(a -> slice.start()).orElse(slice.end())
        .plus(activity.policy().delay());
    return new ActivityRun(id, activity.type(), activity instanceof Activity.CopyActivity, slice,
        scheduled, inputs, outputs, List.copyOf(dependsOn));
  }

  /** The window of an input: the run's slice, shifted by the input's startTime/endTime. */
  private SliceWindow dependencyWindow(DatasetRef in, SliceWindow slice) {
    if (in.startTime().isEmpty() && in.endTime().isEmpty()) {
      return slice;
    }
    SliceVariables vars = SliceVariables.ofSlice(slice.start(), slice.end());
    try {
      LocalDateTime start = in.startTime().map(e -> dateTime(e, vars)).orElse(slice.start());
      LocalDateTime end = in.endTime().map(e -> dateTime(e, vars)).orElse(slice.end());
      return new SliceWindow(start, end);
    } catch (IllegalArgumentException e) {
      diagnostics.error(in.location(), "cannot evaluate the dependency window of input '"
          + in.name() + "': " + e.getMessage());
      return slice;
    }
  }

  private static LocalDateTime dateTime(String expression, SliceVariables vars) {
    Value v = V1Expressions.evaluate(expression, vars);
    if (v instanceof Value.DateTimeValue d) {
      return d.value();
    }
    throw new IllegalArgumentException("'" + expression + "' is not a date-time");
  }

  /** The slices of a dataset that cover {@code window}; a dataset without a schedule has one. */
  private static List<SliceWindow> datasetSlices(Dataset dataset, SliceWindow window) {
    return dataset.availability().map(a -> Slices.overlapping(a, window)).orElse(List.of(window));
  }

  private Optional<ResolvedDataset> resolve(Dataset dataset, SliceWindow slice,
      io.adfbeam.translator.json.SourceLocation where) {
    try {
      return Optional.of(PathResolver.resolve(dataset, slice));
    } catch (IllegalArgumentException e) {
      diagnostics.error(where, "cannot resolve the paths of dataset '" + dataset.name()
          + "' for slice " + slice + ": " + e.getMessage());
      return Optional.empty();
    }
  }

  /** The runs of the activities that write {@code dataset}'s {@code slice}. */
  private List<ActivityRunId> producerRuns(Dataset dataset, SliceWindow slice, ActivityRunId self) {
    List<ActivityRunId> ids = new ArrayList<>();
    for (Producer p : producers.getOrDefault(key(dataset.name()), List.of())) {
      Optional<Availability> schedule = schedule(p.activity());
      List<SliceWindow> producerSlices = schedule.map(a -> Slices.overlapping(a, slice))
          .orElse(List.of(slice));
      for (SliceWindow s : producerSlices) {
        ActivityRunId id = new ActivityRunId(p.pipeline().name(), p.activity().name(), s.start());
        if (!id.equals(self)) {
          ids.add(id);
        }
      }
    }
    return ids;
  }

  /**
   * Orders runs so that each comes after the planned runs it depends on; among runs that are
   * free to go, the oldest slice first, then by pipeline and activity name. Runs caught in a
   * cycle are reported and left out.
   *
   * <p>The runs are sorted by that order once, and the ready ones are then taken by their rank in
   * it: those ready from the start straight from the sorted list, those freed later through a
   * heap of ranks. Comparing runs in a priority queue of every run (lower-casing names at each
   * comparison) was most of the time of planning many slices.
   */
  private List<ActivityRun> order(List<ActivityRun> runs) {
    List<ActivityRun> sorted = sortedByKey(runs);
    int n = sorted.size();
    Map<ActivityRunId, Integer> rank = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      rank.put(sorted.get(i).id(), i);
    }
    int[] waiting = new int[n];
    List<List<Integer>> dependents = new ArrayList<>(java.util.Collections.nCopies(n, null));
    for (int i = 0; i < n; i++) {
      for (ActivityRunId dep : sorted.get(i).dependsOn()) {
        Integer d = rank.get(dep);
        if (d != null) {
          waiting[i]++;
          if (dependents.get(d) == null) {
            dependents.set(d, new ArrayList<>(2));
          }
          dependents.get(d).add(i);
        }
      }
    }
    PriorityQueue<Integer> freed = new PriorityQueue<>();
    List<ActivityRun> ordered = new ArrayList<>(n);
    int next = 0; // the next run, in rank order, that may have been ready from the start
    while (true) {
      while (next < n && waiting[next] != 0) {
        next++;
      }
      int r;
      if (!freed.isEmpty() && (next >= n || freed.peek() < next)) {
        r = freed.poll();
      } else if (next < n) {
        r = next++;
      } else {
        break;
      }
      ordered.add(sorted.get(r));
      List<Integer> ds = dependents.get(r);
      if (ds != null) {
        for (int d : ds) {
          if (--waiting[d] == 0) {
            freed.add(d);
            waiting[d] = -1; // taken through the heap, not from the list
          }
        }
      }
    }
    if (ordered.size() < runs.size()) {
      // the first run of the cycle in the planning order
      sorted.stream().filter(r -> waiting[rank.get(r.id())] > 0).limit(1).forEach(r -> {
        Activity a = factory.pipeline(r.pipeline()).flatMap(p -> p.activity(r.activity())).orElseThrow();
        diagnostics.error(a.location(), "activity runs depend on each other in a cycle, starting at "
            + r.id() + "; " + (runs.size() - ordered.size()) + " runs cannot be ordered");
      });
    }
    return ordered;
  }

  /**
   * The runs by slice start, then pipeline and activity name ignoring case, each name lower-cased
   * once per pipeline and activity, not at every comparison; runs that compare equal keep their
   * order.
   */
  private static List<ActivityRun> sortedByKey(List<ActivityRun> runs) {
    record Keyed(ActivityRun run, String pipeline, String activity) {}
    Map<String, String> lower = new HashMap<>();
    List<Keyed> keyed = new ArrayList<>(runs.size());
    for (ActivityRun r : runs) {
      keyed.add(new Keyed(r, lower.computeIfAbsent(r.pipeline(), Planner::key),
          lower.computeIfAbsent(r.activity(), Planner::key)));
    }
    keyed.sort(Comparator.comparing((Keyed k) -> k.run().slice().start())
        .thenComparing(Keyed::pipeline).thenComparing(Keyed::activity));
    return keyed.stream().map(Keyed::run).toList();
  }

  private Optional<Dataset> dataset(String name) {
    return datasets.computeIfAbsent(name, factory::dataset);
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
