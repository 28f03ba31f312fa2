package io.adfbeam.transforms.copy;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Distribution;
import org.apache.beam.sdk.metrics.Gauge;
import org.apache.beam.sdk.metrics.MetricName;
import org.apache.beam.sdk.metrics.MetricsContainer;
import org.apache.beam.sdk.metrics.MetricsEnvironment;
import org.apache.beam.sdk.metrics.StringSet;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.joda.time.Instant;

/**
 * The ready runs of one activity as one job, keeping ADF's {@code concurrency}: at most that many
 * runs are between start and commit at any moment. One {@link RunEvent} per run out (how it
 * ended); each start and end is also told to a {@link RunEvent.Sink} as it happens, so a caller
 * can record the runs' real times while the job goes on.
 *
 * <p>When every run fits in the concurrency, the runs go through {@link CopyFiles} as they are:
 * all files of all runs spread over the workers, all runs started with the job. Otherwise the
 * runs, given in priority order (OldestFirst or NewestFirst), are dealt round-robin into {@code
 * concurrency} lanes; a lane is one element, and its worker takes its runs one after the other,
 * each through the same steps as {@link CopyFiles} (list, copy the files into staging, commit
 * with the run's manifest), so that at most {@code concurrency} runs are in flight whatever the
 * runner's parallelism.
 *
 * <p>A timeout is per run: a run past its deadline is abandoned (its staging removed, nothing
 * committed) and ends {@code TimedOut} while the others go on. In a lane the worker checks the
 * run's deadline before each share of files and once more before the commit; in the fan-out the
 * deadline (the job's start plus the timeout) is checked as the run's commit is about to begin
 * ({@link CopyFiles.CommitGate}). Once the commit has begun, the run completes. A file being
 * copied when the deadline passes is finished first (its copy is not interrupted).
 */
public final class CopyRuns extends PTransform<PBegin, PCollection<RunEvent>> {
  private final List<CopyTask> tasks;
  private final int concurrency;
  private final Duration timeout;
  private final RunEvent.Sink sink;
  private final RunEvent.Clock clock;
  private final boolean oneProcess;

  private CopyRuns(List<CopyTask> tasks, int concurrency, Duration timeout, RunEvent.Sink sink,
      RunEvent.Clock clock, boolean oneProcess) {
    this.oneProcess = oneProcess;
    this.tasks = List.copyOf(tasks);
    this.concurrency = Math.max(1, concurrency);
    this.timeout = timeout;
    this.sink = sink;
    this.clock = clock;
  }

  /** The runs in priority order, at most {@code concurrency} in flight at once. */
  public static CopyRuns of(List<CopyTask> tasks, int concurrency) {
    return new CopyRuns(tasks, concurrency, null, event -> { }, System::currentTimeMillis, false);
  }

  /** Each run is abandoned (TimedOut, nothing committed) when it runs longer than {@code limit}. */
  public CopyRuns withTimeout(Duration limit) {
    return new CopyRuns(tasks, concurrency, limit, sink, clock, oneProcess);
  }

  /** Tells each run's start and end to {@code sink} as it happens, on the worker. */
  public CopyRuns reportingTo(RunEvent.Sink sink) {
    return new CopyRuns(tasks, concurrency, timeout, sink, clock, oneProcess);
  }

  /** The clock the workers time runs with (the system's by default). */
  public CopyRuns withClock(RunEvent.Clock clock) {
    return new CopyRuns(tasks, concurrency, timeout, sink, clock, oneProcess);
  }

  /**
   * Every worker runs in this JVM: runs copied side by side share their files between slots in
   * memory ({@link CopyFiles#inOneProcess()}).
   */
  public CopyRuns inOneProcess() {
    return new CopyRuns(tasks, concurrency, timeout, sink, clock, true);
  }

  @Override
  public PCollection<RunEvent> expand(PBegin begin) {
    if (tasks.size() <= concurrency) {
      CopyFiles copy = oneProcess ? CopyFiles.create().inOneProcess() : CopyFiles.create();
      if (timeout != null) {
        copy = copy.withCommitGate(new Deadline(clock.millis() + timeout.toMillis(), clock,
            timedOut(timeout)));
      }
      return begin
          .apply("ActivityRuns", Create.of(tasks).withCoder(SerializableCoder.of(CopyTask.class)))
          .apply("Start", ParDo.of(new StartFn(sink, clock)))
          .setCoder(SerializableCoder.of(CopyTask.class))
          .apply("Copy", copy)
          .apply("End", ParDo.of(new EndFn(sink, clock, timeout == null ? null : timedOut(timeout))))
          .setCoder(SerializableCoder.of(RunEvent.class));
    }
    int count = Math.min(concurrency, tasks.size());
    List<List<CopyTask>> dealt = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      dealt.add(new ArrayList<>());
    }
    for (int i = 0; i < tasks.size(); i++) {
      dealt.get(i % count).add(tasks.get(i));
    }
    List<KV<Integer, List<CopyTask>>> lanes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      lanes.add(KV.of(i, dealt.get(i)));
    }
    return begin
        .apply("Lanes", Create.of(lanes).withCoder(
            KvCoder.of(VarIntCoder.of(), ListCoder.of(SerializableCoder.of(CopyTask.class)))))
        // one group per lane, so that the runner gives each lane to a worker of its own
        .apply("SpreadLanes", GroupByKey.create())
        .apply("CopyLanes", ParDo.of(new LaneFn(timeout, sink, clock)))
        .setCoder(SerializableCoder.of(RunEvent.class));
  }

  /** Why a run past its timeout ended. */
  static String timedOut(Duration timeout) {
    return "the run took longer than its timeout " + timeout
        + " and was abandoned; nothing of it was committed";
  }

  /** Refuses every commit once the fan-out's shared deadline has passed. */
  record Deadline(long millis, RunEvent.Clock clock, String reason) implements CopyFiles.CommitGate {
    @Override
    public String refuse(CopyTask task) {
      return clock.millis() >= millis ? reason : null;
    }
  }

  /** Tells that each run has started; the runs of the fan-out start together. */
  static final class StartFn extends DoFn<CopyTask, CopyTask> {
    private final RunEvent.Sink sink;
    private final RunEvent.Clock clock;

    StartFn(RunEvent.Sink sink, RunEvent.Clock clock) {
      this.sink = sink;
      this.clock = clock;
    }

    @ProcessElement
    public void process(@Element CopyTask task, OutputReceiver<CopyTask> out) {
      sink.accept(RunEvent.started(task.runId(), clock.millis()));
      out.output(task);
    }
  }

  /**
   * Tells how each run of the fan-out ended; its counts are in the job's metrics. A run the
   * deadline refused to commit ended TimedOut.
   */
  static final class EndFn extends DoFn<RunOutcome, RunEvent> {
    private final RunEvent.Sink sink;
    private final RunEvent.Clock clock;
    private final String timedOut;

    EndFn(RunEvent.Sink sink, RunEvent.Clock clock, String timedOut) {
      this.sink = sink;
      this.clock = clock;
      this.timedOut = timedOut;
    }

    @ProcessElement
    public void process(@Element RunOutcome outcome, OutputReceiver<RunEvent> out) {
      RunEvent end = RunEvent.ended(outcome, clock.millis(), null);
      if (timedOut != null && !outcome.succeeded() && outcome.errors().equals(List.of(timedOut))) {
        end = new RunEvent(end.runId(), RunEvent.TIMED_OUT, end.millis(), List.of(), end.errors(), null);
      }
      sink.accept(end);
      out.output(end);
    }
  }

  /** Copies a lane's runs one after the other, each start to end. */
  static final class LaneFn extends DoFn<KV<Integer, Iterable<List<CopyTask>>>, RunEvent> {
    private final Duration timeout;
    private final RunEvent.Sink sink;
    private final RunEvent.Clock clock;

    LaneFn(Duration timeout, RunEvent.Sink sink, RunEvent.Clock clock) {
      this.timeout = timeout;
      this.sink = sink;
      this.clock = clock;
    }

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<List<CopyTask>>> lane, OutputReceiver<RunEvent> out)
        throws IOException {
      for (List<CopyTask> runs : lane.getValue()) {
        for (CopyTask task : runs) {
          long start = clock.millis();
          sink.accept(RunEvent.started(task.runId(), start));
          BooleanSupplier late = () -> timeout != null && clock.millis() - start >= timeout.toMillis();
          RunTally tally = new RunTally(MetricsEnvironment.getCurrentContainer());
          Optional<RunOutcome> outcome;
          try (Closeable scope = MetricsEnvironment.scopedMetricsContainer(tally)) {
            outcome = copyRun(task, late);
          }
          RunEvent end = outcome.isPresent()
              ? RunEvent.ended(outcome.get(), clock.millis(), tally.counts(task.runId()))
              : new RunEvent(task.runId(), RunEvent.TIMED_OUT, clock.millis(), List.of(),
                  List.of(timedOut(timeout)), tally.counts(task.runId()));
          sink.accept(end);
          out.output(end);
        }
      }
    }
  }

  /**
   * One run on this thread through {@link CopyFiles}'s own steps (listing and dealing into slots,
   * copying each slot into staging, committing); empty when {@code late} said so before the commit
   * began, the run's staging then removed.
   */
  static Optional<RunOutcome> copyRun(CopyTask task, BooleanSupplier late) throws IOException {
    List<KV<String, CopyFiles.Slot>> slots = new ArrayList<>();
    // one thread copies the run's slots one after the other: nothing to share between them
    new CopyFiles.ListFn(false).process(task, receiver(slots::add));
    List<CopyFiles.SlotResult> results = new ArrayList<>();
    CopyFiles.CopySlotFn copier = new CopyFiles.CopySlotFn();
    for (KV<String, CopyFiles.Slot> slot : slots) {
      if (late.getAsBoolean()) {
        CopyFiles.removeStaging(task);
        return Optional.empty();
      }
      copier.process(slot, receiver(r -> results.add(r.getValue())));
    }
    if (late.getAsBoolean()) {
      CopyFiles.removeStaging(task);
      return Optional.empty();
    }
    List<RunOutcome> outcome = new ArrayList<>();
    new CopyFiles.CommitFn(null).process(KV.<String, Iterable<CopyFiles.SlotResult>>of(task.runId(), results), receiver(outcome::add));
    return Optional.of(outcome.get(0));
  }

  /** An output receiver that hands each output to {@code consumer}: for calling a DoFn's method directly. */
  static <T> DoFn.OutputReceiver<T> receiver(Consumer<T> consumer) {
    return new DoFn.OutputReceiver<>() {
      @Override
      public void output(T output) {
        consumer.accept(output);
      }

      @Override
      public void outputWithTimestamp(T output, Instant timestamp) {
        consumer.accept(output);
      }
    };
  }

  /**
   * The metrics container of a run copied on one thread: every update goes on to the runner's
   * container, and the copy's counters are also added up here, so the run's end event carries its
   * counts (ADF's copy output) without waiting for the runner's metrics, which some runners
   * publish only when the whole lane is done.
   */
  static final class RunTally implements MetricsContainer {
    private static final long serialVersionUID = 1L;
    private final transient MetricsContainer runner;
    private final Map<String, AtomicLong> totals = new ConcurrentHashMap<>();

    RunTally(MetricsContainer runner) {
      this.runner = runner;
    }

    /** The counters of run {@code runId} by metric name; the copy time is the longest share's. */
    Map<String, Long> counts(String runId) {
      Map<String, Long> counts = new HashMap<>();
      String prefix = runId + "/";
      totals.forEach((name, total) -> {
        if (name.startsWith(prefix)) {
          counts.put(name.substring(prefix.length()), total.get());
        }
      });
      return counts;
    }

    private AtomicLong total(MetricName name) {
      return CopyMetrics.NAMESPACE.equals(name.getNamespace())
          ? totals.computeIfAbsent(name.getName(), n -> new AtomicLong()) : new AtomicLong();
    }

    @Override
    public Counter getCounter(MetricName name) {
      AtomicLong total = total(name);
      Counter next = runner == null ? null : runner.getCounter(name);
      return new Counter() {
        @Override
        public void inc() {
          inc(1);
        }

        @Override
        public void inc(long n) {
          total.addAndGet(n);
          if (next != null) {
            next.inc(n);
          }
        }

        @Override
        public void dec() {
          inc(-1);
        }

        @Override
        public void dec(long n) {
          inc(-n);
        }

        @Override
        public MetricName getName() {
          return name;
        }
      };
    }

    @Override
    public Distribution getDistribution(MetricName name) {
      AtomicLong max = total(name);
      Distribution next = runner == null ? null : runner.getDistribution(name);
      return new Distribution() {
        @Override
        public void update(long value) {
          max.accumulateAndGet(value, Math::max);
          if (next != null) {
            next.update(value);
          }
        }

        @Override
        public void update(long sum, long count, long min, long maxValue) {
          max.accumulateAndGet(maxValue, Math::max);
          if (next != null) {
            next.update(sum, count, min, maxValue);
          }
        }

        @Override
        public MetricName getName() {
          return name;
        }
      };
    }

    @Override
    public Gauge getGauge(MetricName name) {
      return runner == null ? new Gauge() {
        @Override
        public void set(long value) {}

        @Override
        public MetricName getName() {
          return name;
        }
      } : runner.getGauge(name);
    }

    @Override
    public StringSet getStringSet(MetricName name) {
      return runner == null ? new StringSet() {
        @Override
        public void add(String value) {}

        @Override
        public MetricName getName() {
          return name;
        }
      } : runner.getStringSet(name);
    }
  }
}
