package io.adfbeam.runners.cli;

import io.adfbeam.runners.ledger.Ledger;
import io.adfbeam.runners.ledger.LedgerEntry;
import io.adfbeam.runners.ledger.RunState;
import io.adfbeam.runners.ledger.StateBusyException;
import io.adfbeam.runners.run.ActivityRunReport;
import io.adfbeam.runners.run.Clock;
import io.adfbeam.runners.run.CopyJob;
import io.adfbeam.runners.run.Orchestrator;
import io.adfbeam.runners.run.ScheduledRun;
import io.adfbeam.translator.bind.BoundRun;
import io.adfbeam.translator.model.Activity;
import io.adfbeam.translator.model.ActivityPolicy;
import io.adfbeam.translator.model.Dataset;
import io.adfbeam.translator.model.DatasetPolicy;
import io.adfbeam.translator.model.Factory;
import io.adfbeam.translator.model.Pipeline;
import io.adfbeam.translator.plan.ActivityRunId;
import io.adfbeam.translator.plan.ResolvedDataset;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code run} does between binding and reporting: opens the run ledger in the state folder
 * (refusing when another run holds it), leaves out the runs the ledger has as Ready (unless
 * {@code --rerun all}; {@code --rerun failed} runs only the Failed, TimedOut and Skipped ones), redoes the runs a killed process left InProgress, and hands the rest to the
 * {@link Orchestrator}, which records every state change in the ledger.
 */
final class RunSession {
  /** Where tests put their clock; the system clock otherwise. */
  static Clock clock = Clock.system();

  private RunSession() {}

  /** The state folder beside the factory: {@code PATH.adf-beam-state} (PATH without .json). */
  static Path defaultStateFolder(Path factoryPath) {
    Path absolute = factoryPath.toAbsolutePath().normalize();
    String name = absolute.getFileName().toString().replaceFirst("(?i)\\.json$", "");
    Path parent = absolute.getParent() == null ? absolute : absolute.getParent();
    return parent.resolve(name + ".adf-beam-state");
  }

  static Path stateFolder(Path factoryPath, Path state) {
    return state != null ? state : defaultStateFolder(factoryPath);
  }

  static List<ActivityRunReport> run(Factory factory, Path stateFolder, String rerun, int slicesPerJob,
      List<BoundRun> bound, Orchestrator.Jobs jobs, CopyJob.Progress progress, Console console)
      throws IOException {
    if (rerun != null && !rerun.equals("all") && !rerun.equals("failed")) {
      throw new InvalidInputException("--rerun must be all or failed, not '" + rerun + "'");
    }
    if (slicesPerJob < 0) {
      throw new InvalidInputException("--slices-per-job must be 1 or more");
    }
    Ledger ledger;
    try {
      ledger = Ledger.open(stateFolder);
    } catch (StateBusyException e) {
      throw new InvalidInputException(e.getMessage());
    }
    try (ledger) {
      Map<String, LedgerEntry> entries = ledger.entries();
      List<ScheduledRun> toRun = new ArrayList<>();
      Set<ActivityRunId> readyBefore = new HashSet<>();
      int done = 0;
      int interrupted = 0;
      for (BoundRun b : bound) {
        LedgerEntry e = entries.get(b.run().id().toString());
        RunState state = e == null ? RunState.WAITING : e.state();
        boolean again = "all".equals(rerun)
            || ("failed".equals(rerun) ? state.unsuccessful() : state != RunState.READY);
        if (!again) {
          if (state == RunState.READY) {
            done++;
          }
          if (state == RunState.READY) {
            readyBefore.add(b.run().id());
          }
          continue;
        }
        if (state == RunState.IN_PROGRESS) {
          interrupted++;
        }
        toRun.add(scheduled(factory, b));
      }
      if (interrupted > 0) {
        console.err(String.format(Locale.ROOT, "redoing %d activity run%s left InProgress by a run"
            + " process that ended", interrupted, interrupted == 1 ? "" : "s"));
      }
      if (done > 0) {
        console.err(String.format(Locale.ROOT, "%d activity run%s not run: Ready in the ledger %s"
            + " (not run again; --rerun all to redo)", done, done == 1 ? "" : "s",
            stateFolder.toAbsolutePath()));
      }
      Orchestrator orchestrator = new Orchestrator(clock, jobs, ledger::record, slicesPerJob);
      try {
        return orchestrator.run(toRun, readyBefore, progress);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
    }
  }

  /** The run with its activity's policy, its pipeline's pause, and the external inputs to check. */
  static ScheduledRun scheduled(Factory factory, BoundRun b) {
    Optional<Pipeline> pipeline = factory.pipeline(b.run().pipeline());
    ActivityPolicy policy = pipeline.flatMap(p -> p.activity(b.run().activity()))
        .map(Activity::policy).orElse(ActivityPolicy.DEFAULTS);
    boolean paused = pipeline.map(Pipeline::isPaused).orElse(false);
    List<ScheduledRun.ExternalInput> external = new ArrayList<>();
    for (ResolvedDataset input : b.run().inputs()) {
      Optional<Dataset> dataset = factory.dataset(input.dataset());
      if (dataset.isEmpty() || !dataset.get().external()) {
        continue;
      }
      DatasetPolicy p = dataset.get().policy();
      Optional<Double> minimum = p.validation()
          .filter(v -> v.minimumSizeMB().isPresent()).map(v -> v.minimumSizeMB().getAsDouble());
      if (p.externalData().isPresent() || minimum.isPresent()) {
        external.add(new ScheduledRun.ExternalInput(dataset.get().name(), p.externalData(), minimum));
      }
    }
    return new ScheduledRun(b, policy, paused, external);
  }
}
