package io.adfbeam.runners.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.adfbeam.transforms.copy.CopyMetrics;
import io.adfbeam.transforms.copy.CopyRuns;
import io.adfbeam.transforms.copy.CopyTask;
import io.adfbeam.transforms.copy.RunEvent;
import io.adfbeam.transforms.copy.StoreFiles;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.DistributionResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.util.common.ReflectHelpers;
import org.joda.time.Duration;

/**
 * One Beam job that copies the ready runs of an activity ({@link CopyRuns}): the runs travel as
 * data, so a thousand slices are one job on any runner, with at most {@code concurrency} of them
 * in flight at once. The workers write each run's start and end to a local folder as they happen;
 * the job's caller hears of them within {@value #POLL_MILLIS} ms, and of the counts so far (from
 * the job's metrics) about once a second.
 */
public final class CopyJob {
  /** How often the events folder is read while the job runs. */
  static final long POLL_MILLIS = 50;
  /** How often the metrics are queried for progress: a query goes over every run's counters. */
  static final long PROGRESS_MILLIS = 1000;

  /** Progress of a running job: counts so far, by run id. */
  public interface Progress extends java.util.function.Consumer<Map<String, Counts>> {}

  /** Counts of one run, from metrics: attempted values while running, committed at the end. */
  public record Counts(long filesTotal, long bytesTotal, long filesRead, long filesWritten, long dataRead,
      long dataWritten, long rowsRead, long rowsCopied, long rowsSkipped, long copyMillis) {

    /** Counts from {@link CopyMetrics} names and values; absent ones are 0. */
    static Counts of(Map<String, Long> m) {
      return new Counts(
          m.getOrDefault(CopyMetrics.FILES_TOTAL, 0L), m.getOrDefault(CopyMetrics.BYTES_TOTAL, 0L),
          m.getOrDefault(CopyMetrics.FILES_READ, 0L), m.getOrDefault(CopyMetrics.FILES_WRITTEN, 0L),
          m.getOrDefault(CopyMetrics.DATA_READ, 0L), m.getOrDefault(CopyMetrics.DATA_WRITTEN, 0L),
          m.getOrDefault(CopyMetrics.ROWS_READ, 0L), m.getOrDefault(CopyMetrics.ROWS_COPIED, 0L),
          m.getOrDefault(CopyMetrics.ROWS_SKIPPED, 0L), m.getOrDefault(CopyMetrics.COPY_MILLIS, 0L));
    }
  }

  private final PipelineOptions options;
  private final List<CopyTask> tasks;
  private final int concurrency;
  private final java.time.Duration timeout;
  private final RunEvent.Clock clock;

  /**
   * @param tasks the runs in priority order
   * @param timeout each run's limit, or null
   */
  CopyJob(PipelineOptions options, List<CopyTask> tasks, int concurrency, java.time.Duration timeout,
      RunEvent.Clock clock) {
    this.options = options;
    this.tasks = List.copyOf(tasks);
    this.concurrency = concurrency;
    this.timeout = timeout;
    this.clock = clock;
  }

  /**
   * A finished job: each run's end, and counts, by run id, and why the job itself failed (null
   * when it ended DONE). A failed job still reports the runs it ended before it failed.
   */
  record Result(Map<String, RunEvent> ends, Map<String, Counts> counts, String failure) {}

  /**
   * Runs the job, telling {@code events} each run's start and end as they happen and {@code
   * progress} the counts so far (runners that run synchronously, such as Flink's, tell both only at
   * the end). A job that fails (a worker lost, a runner error) is not an exception: the runs
   * without an end event end Failed.
   */
  Result run(Consumer<RunEvent> events, Progress progress) throws IOException {
    Path folder = Files.createTempDirectory("adf-beam-events-");
    Map<String, RunEvent> ends = new HashMap<>();
    Map<Path, Long> read = new HashMap<>();
    // Runs a worker copied start to end tell their counts when they end; some runners publish
    // metrics only when the whole lane is done, so progress takes those counts first.
    Map<String, Counts> endedCounts = new HashMap<>();
    Consumer<RunEvent> told = e -> {
      if (!e.isStart()) {
        ends.put(e.runId(), e);
        if (e.counts() != null) {
          endedCounts.put(e.runId(), Counts.of(e.counts()));
        }
      }
      events.accept(e);
    };
    try {
      Pipeline pipeline = Pipeline.create(jobOptions(options, tasks.size(), concurrency));
      CopyRuns copy = CopyRuns.of(tasks, concurrency).withClock(clock)
          .reportingTo(new FolderSink(folder.toString()));
      if (oneProcess(options)) {
        copy = copy.inOneProcess();
      }
      pipeline.apply("Copy", timeout == null ? copy : copy.withTimeout(timeout));
      PipelineResult result = null;
      String failure = null;
      try {
        result = pipeline.run();
        PipelineResult.State state;
        long nextProgress = System.nanoTime();
        do {
          state = result.waitUntilFinish(Duration.millis(POLL_MILLIS));
          readEvents(folder, read, told);
          if (System.nanoTime() - nextProgress >= 0) {
            Map<String, Counts> soFar = counts(result, false);
            soFar.putAll(endedCounts);
            progress.accept(soFar);
            nextProgress = System.nanoTime() + PROGRESS_MILLIS * 1_000_000;
          }
        } while (state == null || !state.isTerminal());
        if (state != PipelineResult.State.DONE) {
          failure = "the Beam job ended " + state;
        }
      } catch (RuntimeException e) {
        // Flink's runner throws from run() when the job fails; the Direct runner from waitUntilFinish.
        failure = "the Beam job failed: " + causes(e);
      }
      readEvents(folder, read, told);
      Map<String, Counts> counts = new HashMap<>();
      if (result != null) {
        try {
          counts = counts(result, true);
          progress.accept(counts);
        } catch (RuntimeException e) {
          // no metrics from a failed job on some runners
        }
      }
      return new Result(ends, counts, failure);
    } finally {
      StoreFiles.deleteTree(folder.toString());
    }
  }

  /**
   * The options of one job: {@code options} as they are, except for a Direct runner job whose
   * runs go in fewer lanes than the runner has threads, which gets one thread per lane. The Direct
   * runner's scheduler re-submits itself to its own thread pool without pause whenever a thread is
   * free, and a lane is one element that runs until the job ends: with one lane and the default
   * three threads it kept a second core busy for the whole backfill, which the lane's own file
   * operations and the rest of the process then waited for. With a thread per lane the scheduler
   * runs only between elements. A lane never waits for another element, so no thread is missed.
   * The options are copied (through JSON, as the Direct runner itself does when a job starts), so
   * the other jobs of the run keep theirs.
   */
  static PipelineOptions jobOptions(PipelineOptions options, int runs, int concurrency) {
    if (!options.getRunner().getSimpleName().equals("DirectRunner") || runs <= concurrency) {
      return options; // not a Direct runner job, or no lanes: every run's files spread at once
    }
    int threads = options.as(DirectOptions.class).getTargetParallelism();
    int lanes = Math.max(1, concurrency);
    if (lanes >= threads) {
      return options;
    }
    try {
      ObjectMapper json = OptionsJson.MAPPER;
      PipelineOptions copy = json.readValue(json.writeValueAsBytes(options), PipelineOptions.class);
      copy.as(DirectOptions.class).setTargetParallelism(lanes);
      return copy;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy the pipeline options", e);
    }
  }

  /**
   * Reads and writes pipeline options as JSON, with the modules options classes register; made
   * on first use (a backfill's lanes), not at the start of every run.
   */
  private static final class OptionsJson {
    static final ObjectMapper MAPPER = new ObjectMapper()
        .registerModules(ObjectMapper.findModules(ReflectHelpers.findClassLoader()));
  }

  /**
   * Whether every worker of a job on these options runs in this JVM: the Direct runner, a Flink
   * embedded in this process (no master, {@code [local]}, {@code [auto]}, {@code [collection]}),
   * Spark with a {@code local} master. The copy then shares each run's files between its slots
   * in memory ({@link CopyFiles#inOneProcess()}).
   */
  static boolean oneProcess(PipelineOptions options) {
    return switch (options.getRunner().getSimpleName()) {
      case "DirectRunner" -> true;
      case "FlinkRunner" -> {
        String master = options.as(FlinkPipelineOptions.class).getFlinkMaster();
        yield master == null || master.isBlank() || master.startsWith("[");
      }
      case "SparkRunner" -> sparkMaster(options).startsWith("local");
      default -> false;
    };
  }

  /**
   * The Spark runner's master, read through its options interface by name: the Spark runner is
   * not a dependency of this module (a user adds its jar to run on Spark).
   */
  private static String sparkMaster(PipelineOptions options) {
    try {
      Class<? extends PipelineOptions> spark = Class.forName(
          "org.apache.beam.runners.spark.SparkPipelineOptions", true, options.getRunner().getClassLoader())
          .asSubclass(PipelineOptions.class);
      Object master = spark.getMethod("getSparkMaster").invoke(options.as(spark));
      return master == null ? "" : master.toString();
    } catch (ReflectiveOperationException | LinkageError e) {
      return "";
    }
  }

  /** The distinct messages of an exception and its causes, outermost first. */
  static String causes(Throwable e) {
    java.util.LinkedHashSet<String> messages = new java.util.LinkedHashSet<>();
    for (Throwable t = e; t != null && messages.size() < 6; t = t.getCause() == t ? null : t.getCause()) {
      String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip();
      int newline = m.indexOf('\n');
      messages.add(newline < 0 ? m : m.substring(0, newline));
    }
    return String.join(": ", messages);
  }

  private Map<String, Counts> counts(PipelineResult result, boolean committed) {
    MetricQueryResults metrics = result.metrics().queryMetrics(MetricsFilter.builder()
        .addNameFilter(MetricNameFilter.inNamespace(CopyMetrics.NAMESPACE)).build());
    Map<String, Map<String, Long>> byRun = new HashMap<>();
    for (MetricResult<Long> c : metrics.getCounters()) {
      add(byRun, c.getName().getName(), value(c, committed));
    }
    Map<String, Long> millis = new HashMap<>();
    for (MetricResult<DistributionResult> d : metrics.getDistributions()) {
      String name = d.getName().getName();
      DistributionResult v = committed ? committedOrAttempted(d) : d.getAttempted();
      if (v != null && v.getCount() > 0) {
        if (name.endsWith("/" + CopyMetrics.COPY_MILLIS)) {
          millis.merge(name.substring(0, name.lastIndexOf('/')), v.getMax(), Math::max);
        }
      }
    }
    Map<String, Counts> counts = new HashMap<>();
    for (CopyTask t : tasks) {
      Map<String, Long> m = new HashMap<>(byRun.getOrDefault(t.runId(), Map.of()));
      m.put(CopyMetrics.COPY_MILLIS, millis.getOrDefault(t.runId(), 0L));
      counts.put(t.runId(), Counts.of(m));
    }
    return counts;
  }

  private static void add(Map<String, Map<String, Long>> byRun, String name, long value) {
    int slash = name.lastIndexOf('/');
    byRun.computeIfAbsent(name.substring(0, slash), k -> new HashMap<>())
        .merge(name.substring(slash + 1), value, Long::sum);
  }

  private static long value(MetricResult<Long> c, boolean committed) {
    if (committed) {
      try {
        return c.getCommitted();
      } catch (UnsupportedOperationException e) {
        // some runners only keep attempted values
      }
    }
    Long v = c.getAttempted();
    return v == null ? 0 : v;
  }

  private static DistributionResult committedOrAttempted(MetricResult<DistributionResult> d) {
    try {
      return d.getCommitted();
    } catch (UnsupportedOperationException e) {
      return d.getAttempted();
    }
  }

  /**
   * Tells the events the workers have appended since the last call: {@code read} holds how far
   * each file has been read. A record not wholly written yet is left for the next call.
   */
  private static void readEvents(Path folder, Map<Path, Long> read, Consumer<RunEvent> events)
      throws IOException {
    List<Path> files;
    try (Stream<Path> listed = Files.list(folder)) {
      files = listed.filter(p -> p.toString().endsWith(".events")).toList();
    }
    List<RunEvent> found = new ArrayList<>();
    for (Path f : files) {
      long from = read.getOrDefault(f, 0L);
      byte[] bytes;
      try (var channel = Files.newByteChannel(f)) {
        if (channel.size() <= from) {
          continue;
        }
        channel.position(from);
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate((int) (channel.size() - from));
        while (buffer.hasRemaining() && channel.read(buffer) > 0) {
          // read what is there
        }
        bytes = java.util.Arrays.copyOf(buffer.array(), buffer.position());
      }
      java.nio.ByteBuffer records = java.nio.ByteBuffer.wrap(bytes);
      while (records.remaining() >= 4) {
        int length = records.getInt(records.position());
        if (records.remaining() < 4 + length) {
          break;
        }
        records.getInt();
        try (ObjectInputStream in = new ObjectInputStream(
            new java.io.ByteArrayInputStream(bytes, records.position(), length))) {
          found.add((RunEvent) in.readObject());
        } catch (ClassNotFoundException e) {
          throw new IOException(e);
        }
        records.position(records.position() + length);
        from += 4 + length;
      }
      read.put(f, from);
    }
    // a run's start before its end when both came in one read
    found.sort(java.util.Comparator.comparing((RunEvent e) -> !e.isStart()).thenComparingLong(RunEvent::millis));
    found.forEach(events);
  }

  /**
   * Appends each event to a file of the worker thread's own in a folder the launcher reads while
   * the job runs (so on the launcher's machine: the Direct runner, an embedded Flink). Appending
   * to a file keeps the folder's entries still, where a file per event would add and remove two
   * entries per event for the file system to journal.
   */
  static final class FolderSink implements RunEvent.Sink {
    private static final long serialVersionUID = 1L;
    private final String folder;

    FolderSink(String folder) {
      this.folder = folder;
    }

    @Override
    public void accept(RunEvent event) {
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      bytes.write(0);
      bytes.write(0);
      bytes.write(0);
      bytes.write(0);
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(event);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      byte[] record = bytes.toByteArray();
      java.nio.ByteBuffer.wrap(record).putInt(record.length - 4);
      Path file = Path.of(folder, ProcessHandle.current().pid() + "-" + Thread.currentThread().getId() + ".events");
      try {
        // one write of the whole record: the reader takes it only once its length is all there
        Files.write(file, record, java.nio.file.StandardOpenOption.CREATE,
            java.nio.file.StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
