package io.adfbeam.runners.run;

import io.adfbeam.translator.bind.BoundRun;
import io.adfbeam.translator.plan.ActivityRunId;
import io.adfbeam.translator.time.AdfDateTimes;
import io.adfbeam.transforms.copy.CopyFiles;
import io.adfbeam.transforms.copy.CopyTask;
import io.adfbeam.transforms.copy.RunOutcome;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Runs bound copy activity runs in dependency order: runs whose inputs come from other runs of the
 * set wait for them. Each wave of runs that are free to go is one Beam job; a run whose producer
 * failed is Skipped.
 */
public final class CopyRunner {
  private final PipelineOptions options;

  public CopyRunner(PipelineOptions options) {
    this.options = options;
  }

  /** Progress of the running wave: counts so far, by run id. */
  public interface Progress extends Consumer<Map<String, CopyJob.Counts>> {}

  /** Runs everything; returns one report per run, in the order given. */
  public List<ActivityRunReport> run(List<BoundRun> runs, Progress progress) throws IOException {
    Map<ActivityRunId, BoundRun> byId = new LinkedHashMap<>();
    runs.forEach(r -> byId.put(r.run().id(), r));
    Map<ActivityRunId, Integer> level = new HashMap<>();
    for (BoundRun r : runs) {
      level(r.run().id(), byId, level, new HashSet<>());
    }
    TreeMap<Integer, List<BoundRun>> waves = new TreeMap<>();
    runs.forEach(r -> waves.computeIfAbsent(level.get(r.run().id()), k -> new ArrayList<>()).add(r));

    Map<ActivityRunId, ActivityRunReport> reports = new HashMap<>();
    for (List<BoundRun> wave : waves.values()) {
      List<BoundRun> ready = new ArrayList<>();
      for (BoundRun r : wave) {
        List<String> failed = r.run().dependsOn().stream()
            .filter(d -> reports.containsKey(d) && !reports.get(d).succeeded())
            .map(ActivityRunId::toString).toList();
        if (failed.isEmpty()) {
          ready.add(r);
        } else {
          reports.put(r.run().id(), report(r, "Skipped", null, null,
              List.of("not run: the runs producing its input failed: " + String.join(", ", failed))));
        }
      }
      if (ready.isEmpty()) {
        continue;
      }
      List<CopyTask> tasks = ready.stream().map(BoundRun::task).toList();
      CopyJob.Result result = new CopyJob(options, tasks).run(progress);
      for (BoundRun r : ready) {
        RunOutcome outcome = result.outcomes().get(r.task().runId());
        CopyJob.Counts counts = result.counts().get(r.task().runId());
        if (outcome == null) {
          reports.put(r.run().id(), report(r, "Failed", counts, null, List.of(
              result.failure() != null ? result.failure() : "the job recorded no outcome for this run")));
        } else {
          reports.put(r.run().id(), report(r, outcome.succeeded() ? "Succeeded" : "Failed", counts,
              outcome.outputs(), outcome.errors()));
        }
      }
    }
    return runs.stream().map(r -> reports.get(r.run().id())).toList();
  }

  private static int level(ActivityRunId id, Map<ActivityRunId, BoundRun> byId,
      Map<ActivityRunId, Integer> level, Set<ActivityRunId> visiting) {
    Integer known = level.get(id);
    if (known != null) {
      return known;
    }
    visiting.add(id);
    int l = 0;
    for (ActivityRunId dep : byId.get(id).run().dependsOn()) {
      if (byId.containsKey(dep) && !visiting.contains(dep)) {
        l = Math.max(l, level(dep, byId, level, visiting) + 1);
      }
    }
    visiting.remove(id);
    level.put(id, l);
    return l;
  }

  static ActivityRunReport report(BoundRun r, String status, CopyJob.Counts c,
      List<String> outputs, List<String> errors) {
    CopyJob.Counts counts = c != null ? c : new CopyJob.Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    if (!status.equals("Succeeded")) {
      // What a failed run wrote was removed: report only what it read.
      counts = new CopyJob.Counts(counts.filesTotal(), counts.bytesTotal(), counts.filesRead(), 0,
          counts.dataRead(), 0, counts.rowsRead(), 0, counts.rowsSkipped(), counts.copyMillis());
    }
    double seconds = counts.copyMillis() / 1000.0;
    double throughput = seconds > 0 ? counts.dataRead() / 1024.0 / seconds : 0;
    return new ActivityRunReport(r.run().pipeline(), r.run().activity(),
        AdfDateTimes.format(r.run().slice().start()), AdfDateTimes.format(r.run().slice().end()),
        status, counts.dataRead(), counts.dataWritten(), counts.filesRead(), counts.filesWritten(),
        counts.rowsRead(), counts.rowsCopied(), counts.rowsSkipped(),
        counts.rowsSkipped() > 0 ? CopyFiles.redirectFolder(r.task()) : null,
        seconds, Math.round(throughput * 10) / 10.0, outputs == null ? List.of() : outputs, errors);
  }
}
