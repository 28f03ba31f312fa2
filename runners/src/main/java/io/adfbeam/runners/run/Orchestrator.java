package io.adfbeam.runners.run;

import io.adfbeam.runners.ledger.LedgerEntry;
import io.adfbeam.runners.ledger.RunState;
import io.adfbeam.translator.bind.BoundRun;
import io.adfbeam.translator.model.ActivityPolicy;
import io.adfbeam.translator.model.DatasetPolicy;
import io.adfbeam.translator.plan.ActivityRunId;
import io.adfbeam.translator.time.AdfDateTimes;
import io.adfbeam.transforms.copy.CopyFiles;
import io.adfbeam.transforms.copy.CopyTask;
import io.adfbeam.transforms.copy.RunEvent;
import io.adfbeam.transforms.copy.StoreFiles;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Executes scheduled activity runs the way ADF does: a run starts when its scheduled time has come
 * (slice end or start, plus the policy's delay), every run it depends on is Ready, and its external
 * inputs are there (checked per {@code policy.externalData} and {@code policy.validation}). The
 * ready runs of one activity go to the runner together as one Beam job (up to {@value
 * #RUNS_PER_JOB} runs, or {@code slicesPerJob} when set), in the policy's executionPriorityOrder
 * (OldestFirst or NewestFirst); the job keeps at most the policy's {@code concurrency} of them in
 * flight at once ({@link io.adfbeam.transforms.copy.CopyRuns}). An activity has one job at a time;
 * jobs of different activities run side by side. The job tells each run's start and end as they
 * happen, and those are the times in the ledger: a run is InProgress from when the job began it,
 * not from when the job was submitted, and runs waiting in the job for a free place are Waiting
 * (ConcurrentRunLimit). A failed run is retried at once {@code retry} times, then, {@code
 * longRetry} times, after {@code longRetryInterval}, each time in a later job; a run that runs
 * longer than the policy's {@code timeout} is abandoned by the job and is TimedOut. Runs of paused
 * pipelines stay Waiting. Every state change is handed to the {@link Recorder} (the ledger) before
 * the orchestrator acts on it.
 */
public final class Orchestrator {
  private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");

  /**
   * At most this many runs in one job unless {@code slicesPerJob} says otherwise: a job's runs are
   * held in its graph, and each run has its own counters in the job's metrics.
   */
  public static final int RUNS_PER_JOB = 1000;

  /** How long run starts and ends are gathered into one ledger batch while jobs run. */
  static final long BATCH_MILLIS = 200;

  /** Runs one job of copy tasks; never throws: failures are outcomes. */
  public interface Jobs {
    /**
     * Runs {@code tasks} (in priority order) with at most {@code concurrency} of them in flight at
     * once, each abandoned at {@code timeout}; tells {@code events} each run's start and end as
     * they happen. Returns each run's outcome, with its counts.
     */
    Map<String, JobOutcome> run(List<CopyTask> tasks, int concurrency, Optional<Duration> timeout,
        Events events);
  }

  /** What a running job tells as it goes: each run's start and end, and the counts so far. */
  public interface Events extends CopyJob.Progress {
    void started(String runId, LocalDateTime at);

    /** A run ended; {@code outcome.counts()} is null when they are known only at the job's end. */
    void ended(String runId, JobOutcome outcome, LocalDateTime at);
  }

  /** What a job did for one run: Succeeded, Failed or TimedOut. */
  public record JobOutcome(String status, CopyJob.Counts counts, List<String> outputs, List<String> errors) {}

  /** Receives each batch of ledger changes; durable when it returns. */
  public interface Recorder {
    void record(List<LedgerEntry> changes) throws IOException;
  }

  private final Clock clock;
  private final Jobs jobs;
  private final Recorder recorder;
  private final int slicesPerJob;
  private final long owner = ProcessHandle.current().pid();

  /**
   * @param slicesPerJob at most this many slices of an activity per job; 0: {@value #RUNS_PER_JOB}
   */
  public Orchestrator(Clock clock, Jobs jobs, Recorder recorder, int slicesPerJob) {
    this.clock = clock;
    this.jobs = jobs;
    this.recorder = recorder;
    this.slicesPerJob = slicesPerJob;
  }

  private static final Object SERIAL_JOBS = new Object();

  /** Jobs on Beam: one {@link CopyJob} per call, its runs timed by the system's clock. */
  public static Jobs beam(PipelineOptions options) {
    return beam(options, System::currentTimeMillis);
  }

  /** Jobs on Beam whose workers time the runs (start, end, timeout) with {@code workerClock}. */
  public static Jobs beam(PipelineOptions options, RunEvent.Clock workerClock) {
    // Spark allows one SparkContext per JVM: its jobs run one after the other.
    boolean oneAtATime = options.getRunner().getSimpleName().equals("SparkRunner");
    return (tasks, concurrency, timeout, events) -> {
      Map<String, JobOutcome> outcomes = new HashMap<>();
      try {
        CopyJob job = new CopyJob(options, tasks, concurrency, timeout.orElse(null), workerClock);
        java.util.function.Consumer<RunEvent> told = e -> {
          LocalDateTime at = LocalDateTime.ofInstant(Instant.ofEpochMilli(e.millis()), ZoneOffset.UTC);
          if (e.isStart()) {
            events.started(e.runId(), at);
          } else {
            events.ended(e.runId(), new JobOutcome(e.status(),
                e.counts() == null ? null : CopyJob.Counts.of(e.counts()), e.outputs(), e.errors()), at);
          }
        };
        CopyJob.Result result;
        if (oneAtATime) {
          synchronized (SERIAL_JOBS) {
            result = job.run(told, events);
          }
        } else {
          result = job.run(told, events);
        }
        for (CopyTask t : tasks) {
          RunEvent end = result.ends().get(t.runId());
          CopyJob.Counts c = result.counts().get(t.runId());
          outcomes.put(t.runId(), end == null
              ? new JobOutcome("Failed", c, List.of(), List.of(result.failure() != null
                  ? result.failure() : "the job recorded no outcome for this run"))
              : new JobOutcome(end.status(), c, end.outputs(), end.errors()));
        }
      } catch (Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        tasks.forEach(t -> outcomes.put(t.runId(), new JobOutcome("Failed", null, List.of(), List.of(m))));
      }
      return outcomes;
    };
  }

  private static final class Slot {
    final ScheduledRun run;
    RunState state = RunState.WAITING;
    String substate;
    int attempts;
    int roundAttempts;
    int longRetries;
    LocalDateTime notBefore;
    int checks;
    LocalDateTime nextCheck;
    boolean validated;
    String start;
    String end;
    ActivityRunReport output;
    List<String> errors = List.of();
    /** In a job that has not ended it yet. */
    boolean inJob;
    /** Ended in its job without counts: when, and how; completed when the job ends. */
    LocalDateTime endedAt;
    JobOutcome endedAs;

    Slot(ScheduledRun run) {
      this.run = run;
      this.validated = run.externalInputs().isEmpty();
    }

    BoundRun bound() {
      return run.bound();
    }

    String activityKey() {
      return bound().run().pipeline() + "/" + bound().run().activity();
    }
  }

  /** What the jobs tell the orchestrator's loop, in order. */
  private sealed interface Told permits Started, Ended, Done {}

  private record Started(String runId, LocalDateTime at) implements Told {}

  private record Ended(String runId, JobOutcome outcome, LocalDateTime at) implements Told {}

  private record Done(String activity, List<Slot> slots, Map<String, JobOutcome> outcomes) implements Told {}

  /**
   * Runs everything that can run; returns one report per run, in the order given. Runs in
   * {@code readyBefore} (Ready in the ledger and not run again) count as Ready for their
   * dependants.
   */
  public List<ActivityRunReport> run(List<ScheduledRun> runs, Set<ActivityRunId> readyBefore,
      CopyJob.Progress progress) throws IOException, InterruptedException {
    Map<ActivityRunId, Slot> byId = new LinkedHashMap<>();
    runs.forEach(r -> byId.put(r.bound().run().id(), new Slot(r)));
    Map<String, Slot> byRunId = new HashMap<>();
    byId.values().forEach(s -> byRunId.put(s.bound().task().runId(), s));
    List<LedgerEntry> changes = new ArrayList<>();
    for (Slot s : byId.values()) {
      s.substate = s.run.paused() ? "PipelinePaused" : "ScheduledTime";
      changes.add(entry(s));
    }
    recorder.record(changes);
    LinkedBlockingQueue<Told> told = new LinkedBlockingQueue<>();
    Events events = new Events() {
      @Override
      public void started(String runId, LocalDateTime at) {
        told.add(new Started(runId, at));
      }

      @Override
      public void ended(String runId, JobOutcome outcome, LocalDateTime at) {
        told.add(new Ended(runId, outcome, at));
      }

      @Override
      public void accept(Map<String, CopyJob.Counts> counts) {
        synchronized (Orchestrator.this) {
          progress.accept(counts);
        }
      }
    };

    ExecutorService pool = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "adf-beam-job");
      t.setDaemon(true);
      return t;
    });
    Set<String> inFlight = new HashSet<>();
    try {
      while (true) {
        changes = new ArrayList<>();
        for (Told t; (t = told.poll()) != null; ) {
          apply(t, byRunId, inFlight, changes);
        }
        LocalDateTime now = clock.now();
        LocalDateTime next = null;
        Map<String, List<Slot>> eligible = new LinkedHashMap<>();
        for (Slot s : byId.values()) {
          if (s.state != RunState.WAITING || s.run.paused() || s.inJob) {
            continue;
          }
          List<String> failedDeps = new ArrayList<>();
          boolean blocked = false;
          for (ActivityRunId dep : s.bound().run().dependsOn()) {
            Slot d = byId.get(dep);
            if (d == null || readyBefore.contains(dep)) {
              continue;
            }
            if (d.state.unsuccessful()) {
              failedDeps.add(dep.toString());
            } else if (d.state != RunState.READY) {
              blocked = true;
            }
          }
          if (!failedDeps.isEmpty()) {
            s.state = RunState.SKIPPED;
            s.substate = null;
            s.end = MILLIS.format(now);
            s.errors = List.of("not run: the runs producing its input failed: " + String.join(", ", failedDeps));
            changes.add(entry(s));
            continue;
          }
          if (blocked) {
            setSubstate(s, "UpstreamInProgress", changes);
            continue;
          }
          LocalDateTime due = s.bound().run().scheduledTime();
          if (s.notBefore != null && s.notBefore.isAfter(due)) {
            due = s.notBefore;
          }
          if (now.isBefore(due)) {
            next = earliest(next, due);
            continue;
          }
          if (!s.validated) {
            LocalDateTime checkAt = s.nextCheck != null ? s.nextCheck
                : due.plus(s.run.externalInputs().stream()
                    .map(i -> i.externalData().map(DatasetPolicy.ExternalData::dataDelay).orElse(Duration.ZERO))
                    .max(Comparator.naturalOrder()).orElse(Duration.ZERO));
            if (now.isBefore(checkAt)) {
              setSubstate(s, "Validation", changes);
              next = earliest(next, checkAt);
              continue;
            }
            String missing = checkExternal(s, pool);
            s.checks++;
            if (missing == null) {
              s.validated = true;
            } else {
              int maximumRetry = s.run.externalInputs().stream()
                  .map(i -> i.externalData().map(DatasetPolicy.ExternalData::maximumRetry).orElse(0))
                  .max(Comparator.naturalOrder()).orElse(0);
              if (s.checks > maximumRetry) {
                s.state = RunState.FAILED;
                s.substate = "ValidationFailed";
                s.end = MILLIS.format(now);
                s.errors = List.of(missing + " after " + s.checks + " check" + (s.checks == 1 ? "" : "s"));
                changes.add(entry(s));
              } else {
                Duration interval = s.run.externalInputs().stream()
                    .map(i -> i.externalData().map(DatasetPolicy.ExternalData::retryInterval)
                        .orElse(DatasetPolicy.DEFAULT_RETRY_INTERVAL))
                    .min(Comparator.naturalOrder()).orElse(DatasetPolicy.DEFAULT_RETRY_INTERVAL);
                s.nextCheck = now.plus(interval);
                s.substate = "ValidationRetry";
                s.errors = List.of(missing + " (check " + s.checks + ")");
                changes.add(entry(s));
                next = earliest(next, s.nextCheck);
              }
              continue;
            }
          }
          eligible.computeIfAbsent(s.activityKey(), k -> new ArrayList<>()).add(s);
        }
        recorder.record(changes);

        boolean launched = false;
        for (Map.Entry<String, List<Slot>> e : eligible.entrySet()) {
          if (inFlight.contains(e.getKey())) {
            continue;
          }
          List<Slot> ready = new ArrayList<>(e.getValue());
          ActivityPolicy policy = ready.get(0).run.policy();
          Comparator<Slot> order = Comparator.comparing(s -> s.bound().run().slice().start());
          if (policy.executionPriorityOrder() == ActivityPolicy.ExecutionPriorityOrder.NEWEST_FIRST) {
            order = order.reversed();
          }
          ready.sort(order);
          int cap = slicesPerJob > 0 ? slicesPerJob : RUNS_PER_JOB;
          List<Slot> batch = ready.subList(0, Math.min(cap, ready.size()));
          launch(e.getKey(), List.copyOf(batch), policy, pool, told, events);
          inFlight.add(e.getKey());
          launched = true;
        }
        if (launched) {
          continue;
        }
        if (!inFlight.isEmpty()) {
          Told t = told.poll(next == null ? 1000 : 50, TimeUnit.MILLISECONDS);
          if (t != null) {
            // What comes in meanwhile goes into the same ledger batch: one forced write per
            // batch, not per run start or end, which a thousand short runs would otherwise pay
            // for many times over (and a forced write holds up the copy's own file operations).
            changes = new ArrayList<>();
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(BATCH_MILLIS);
            while (t != null) {
              apply(t, byRunId, inFlight, changes);
              if (t instanceof Done) {
                break; // a job ended: its activity may go on at once
              }
              t = told.poll(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            recorder.record(changes);
          }
          continue;
        }
        if (next == null) {
          break;
        }
        clock.sleep(Duration.between(now, next));
      }
    } finally {
      pool.shutdownNow();
    }
    List<ActivityRunReport> reports = new ArrayList<>();
    for (Slot s : byId.values()) {
      reports.add(report(s));
    }
    return reports;
  }

  private void setSubstate(Slot s, String substate, List<LedgerEntry> changes) {
    if (!substate.equals(s.substate)) {
      s.substate = substate;
      changes.add(entry(s));
    }
  }

  /**
   * Submits one job. Its runs stay Waiting until the job tells that it began them; those beyond
   * the first {@code concurrency} wait for a free place (ConcurrentRunLimit).
   */
  private void launch(String activity, List<Slot> batch, ActivityPolicy policy, ExecutorService pool,
      LinkedBlockingQueue<Told> told, Events events) throws IOException {
    int concurrency = Math.max(1, policy.concurrency());
    List<LedgerEntry> changes = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      Slot s = batch.get(i);
      s.inJob = true;
      s.endedAt = null;
      s.endedAs = null;
      if (i >= concurrency) {
        setSubstate(s, "ConcurrentRunLimit", changes);
      }
    }
    recorder.record(changes);
    Optional<Duration> timeout = policy.timeout().filter(t -> !t.isZero() && !t.isNegative());
    List<CopyTask> tasks = batch.stream().map(s -> s.bound().task()).toList();
    pool.submit(() -> {
      Map<String, JobOutcome> outcomes;
      try {
        outcomes = jobs.run(tasks, concurrency, timeout, events);
      } catch (RuntimeException | Error e) {
        outcomes = Map.of();
      }
      told.add(new Done(activity, batch, outcomes));
    });
  }

  /** Applies what a job told: a run began, a run ended, or the job ended. */
  private void apply(Told t, Map<String, Slot> byRunId, Set<String> inFlight, List<LedgerEntry> changes) {
    if (t instanceof Started st) {
      Slot s = byRunId.get(st.runId());
      if (s != null && s.inJob && s.state == RunState.WAITING) {
        begin(s, st.at());
        changes.add(entry(s));
      }
    } else if (t instanceof Ended en) {
      Slot s = byRunId.get(en.runId());
      if (s != null && s.inJob) {
        if (en.outcome().counts() == null) {
          s.endedAt = en.at();
          s.endedAs = en.outcome();
        } else {
          finish(s, en.outcome(), en.at(), changes);
        }
      }
    } else if (t instanceof Done d) {
      inFlight.remove(d.activity());
      for (Slot s : d.slots()) {
        if (!s.inJob) {
          continue;
        }
        JobOutcome o = d.outcomes().get(s.bound().task().runId());
        if (o == null) {
          o = s.endedAs != null ? s.endedAs
              : new JobOutcome("Failed", null, List.of(), List.of("the job recorded no outcome for this run"));
        }
        finish(s, o, s.endedAt != null ? s.endedAt : clock.now(), changes);
      }
    }
  }

  private static void begin(Slot s, LocalDateTime at) {
    s.state = RunState.IN_PROGRESS;
    s.substate = null;
    s.attempts++;
    s.roundAttempts++;
    s.start = MILLIS.format(at);
    s.end = null;
    s.errors = List.of();
    s.output = null;
  }

  /** A run's attempt ended at {@code at}: Ready, or Waiting for a retry, or Failed or TimedOut. */
  private void finish(Slot s, JobOutcome o, LocalDateTime at, List<LedgerEntry> changes) {
    s.inJob = false;
    s.endedAt = null;
    s.endedAs = null;
    if (s.state != RunState.IN_PROGRESS) {
      begin(s, at); // the job ended it without beginning it (the whole job failed)
    }
    LocalDateTime now = clock.now();
    s.output = ActivityRunReport.of(s.bound(), o.status(), o.counts(), o.outputs(), o.errors());
    s.errors = o.errors();
    if (o.status().equals("Succeeded")) {
      s.state = RunState.READY;
      s.end = MILLIS.format(at);
    } else {
      ActivityPolicy p = s.run.policy();
      if (s.roundAttempts < 1 + p.retry()) {
        s.state = RunState.WAITING;
        s.substate = "Retry";
        s.notBefore = now;
      } else if (s.longRetries < p.longRetry()) {
        s.longRetries++;
        s.roundAttempts = 0;
        s.state = RunState.WAITING;
        s.substate = "LongRetry";
        s.notBefore = now.plus(p.longRetryInterval().orElse(Duration.ZERO));
      } else {
        s.state = o.status().equals("TimedOut") ? RunState.TIMED_OUT : RunState.FAILED;
        s.end = MILLIS.format(at);
      }
    }
    changes.add(entry(s));
  }

  /**
   * Null when every external input of the run is there; otherwise what is missing. Each check
   * runs on a thread of {@code pool} (so that a store that does not answer is given up after the
   * retryTimeout): a thread made and ended per check was a cost per slice of a backfill.
   */
  private static String checkExternal(Slot s, ExecutorService pool) {
    CopyTask task = s.bound().task();
    for (ScheduledRun.ExternalInput input : s.run.externalInputs()) {
      Duration limit = input.externalData().map(DatasetPolicy.ExternalData::retryTimeout)
          .orElse(DatasetPolicy.DEFAULT_RETRY_TIMEOUT);
      long bytes;
      int files;
      Future<List<StoreFiles.Listed>> listing = pool.submit(() -> CopyFiles.sourceFiles(task.source()));
      try {
        List<StoreFiles.Listed> listed = listing.get(Math.max(1, limit.toMillis()), TimeUnit.MILLISECONDS);
        files = listed.size();
        bytes = listed.stream().mapToLong(StoreFiles.Listed::size).sum();
      } catch (TimeoutException e) {
        return "external data of dataset '" + input.dataset() + "': a check took longer than the"
            + " retryTimeout " + limit;
      } catch (java.util.concurrent.ExecutionException e) {
        if (!(e.getCause() instanceof CopyFiles.MissingInputException)) {
          // The store cannot be reached (credentials, network): waiting will not help; the copy
          // runs and fails with the store's own error, naming the linked service.
          return null;
        }
        files = 0;
        bytes = 0;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return "interrupted while checking the external data of dataset '" + input.dataset() + "'";
      } finally {
        listing.cancel(true); // a check given up on: its thread is interrupted
      }
      if (files == 0) {
        return "external data of dataset '" + input.dataset() + "' for the slice "
            + AdfDateTimes.format(s.bound().run().slice().start()) + " did not arrive";
      }
      if (input.minimumSizeMB().isPresent() && bytes < input.minimumSizeMB().get() * 1024 * 1024) {
        return "dataset '" + input.dataset() + "' failed validation: the slice has " + bytes
            + " bytes, less than minimumSizeMB " + input.minimumSizeMB().get();
      }
    }
    return null;
  }

  private static LocalDateTime earliest(LocalDateTime a, LocalDateTime b) {
    return a == null || b.isBefore(a) ? b : a;
  }

  private LedgerEntry entry(Slot s) {
    BoundRun b = s.bound();
    return new LedgerEntry(b.run().id().toString(), b.run().pipeline(), b.run().activity(),
        AdfDateTimes.format(b.run().slice().start()), AdfDateTimes.format(b.run().slice().end()),
        s.state, s.substate, s.attempts, s.start, s.end, owner, s.output, s.errors);
  }

  private static ActivityRunReport report(Slot s) {
    String status = switch (s.state) {
      case READY -> "Succeeded";
      case FAILED -> "Failed";
      case TIMED_OUT -> "TimedOut";
      case SKIPPED -> "Skipped";
      default -> "Waiting";
    };
    if (s.output != null && status.equals(s.output.status())) {
      return s.output;
    }
    List<String> errors = new ArrayList<>(s.errors);
    if (s.state == RunState.WAITING && s.run.paused()) {
      errors.add("not run: the pipeline is paused");
    }
    ActivityRunReport base = s.output != null ? s.output
        : ActivityRunReport.of(s.bound(), status, null, null, errors);
    return new ActivityRunReport(base.pipeline(), base.activity(), base.sliceStart(), base.sliceEnd(),
        status, base.dataRead(), base.dataWritten(), base.filesRead(), base.filesWritten(),
        base.rowsRead(), base.rowsCopied(), base.rowsSkipped(), base.redirectRowPath(),
        base.copyDuration(), base.throughput(), base.outputs(), errors);
  }
}
