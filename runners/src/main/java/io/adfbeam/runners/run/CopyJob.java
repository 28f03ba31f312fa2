package io.adfbeam.runners.run;

import io.adfbeam.transforms.copy.CopyFiles;
import io.adfbeam.transforms.copy.CopyMetrics;
import io.adfbeam.transforms.copy.CopyTask;
import io.adfbeam.transforms.copy.RunOutcome;
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
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.metrics.DistributionResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.joda.time.Duration;

/**
 * One Beam job that copies a set of activity runs: the runs travel as data ({@code Create} of
 * {@link CopyTask}s into {@link CopyFiles}), so a thousand slices are one job on any runner. Each
 * run's outcome is written by the job to a local folder; its counts come from the job's metrics.
 */
public final class CopyJob {
  /** Progress of a running job: counts so far, by run id. */
  public interface Progress extends java.util.function.Consumer<Map<String, Counts>> {}

  /** Counts of one run, from metrics: attempted values while running, committed at the end. */
  public record Counts(long filesTotal, long bytesTotal, long filesRead, long filesWritten, long dataRead,
      long dataWritten, long rowsRead, long rowsCopied, long rowsSkipped, long copyMillis) {}

  private final PipelineOptions options;
  private final List<CopyTask> tasks;

  /** Set by {@link #withTimeout}: the job is cancelled when it runs longer. */
  private java.time.Duration timeout;

  CopyJob(PipelineOptions options, List<CopyTask> tasks) {
    this.options = options;
    this.tasks = List.copyOf(tasks);
  }

  /** Cancels the job, throwing {@link TimedOut}, when it runs longer than {@code limit}. */
  CopyJob withTimeout(java.time.Duration limit) {
    this.timeout = limit;
    return this;
  }

  /** The job ran longer than its timeout and was cancelled. */
  static final class TimedOut extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TimedOut(String message) {
      super(message);
    }
  }


  /**
   * A finished job: each run's outcome and counts, by run id, and why the job itself failed (null
   * when it ended DONE). A failed job still reports the runs it committed before it failed.
   */
  record Result(Map<String, RunOutcome> outcomes, Map<String, Counts> counts, String failure) {}

  /**
   * Runs the job, calling {@code progress} about once a second with the counts so far (runners
   * that run synchronously, such as Flink's, report only at the end). A job that fails (a worker
   * lost, a runner error) is not an exception: the runs without an outcome end Failed.
   */
  Result run(Progress progress) throws IOException {
    Path outcomes = Files.createTempDirectory("adf-beam-outcomes-");
    try {
      Pipeline pipeline = Pipeline.create(options);
      pipeline
          .apply("ActivityRuns", Create.of(tasks).withCoder(SerializableCoder.of(CopyTask.class)))
          .apply("Copy", oneProcess(options) ? CopyFiles.create().inOneProcess() : CopyFiles.create())
          .apply("RecordOutcomes", ParDo.of(new WriteOutcomeFn(outcomes.toString())));
      PipelineResult result = null;
      String failure = null;
      long started = System.nanoTime();
      try {
        result = pipeline.run();
        PipelineResult.State state;
        do {
          long wait = 1000;
          if (timeout != null) {
            wait = Math.max(1, Math.min(wait,
                timeout.minusNanos(System.nanoTime() - started).toMillis()));
          }
          state = result.waitUntilFinish(Duration.millis(wait));
          progress.accept(counts(result, false));
          if (timeout != null && (state == null || !state.isTerminal())
              && System.nanoTime() - started >= timeout.toNanos()) {
            result.cancel();
            throw new TimedOut("the run took longer than its timeout " + timeout
                + " and was cancelled");
          }
        } while (state == null || !state.isTerminal());
        if (state != PipelineResult.State.DONE) {
          failure = "the Beam job ended " + state;
        }
      } catch (TimedOut e) {
        throw e;
      } catch (RuntimeException e) {
        // Flink's runner throws from run() when the job fails; the Direct runner from waitUntilFinish.
        failure = "the Beam job failed: " + causes(e);
      }
      Map<String, Counts> counts = new HashMap<>();
      if (result != null) {
        try {
          counts = counts(result, true);
        } catch (RuntimeException e) {
          // no metrics from a failed job on some runners
        }
      }
      return new Result(readOutcomes(outcomes), counts, failure);
    } finally {
      try (Stream<Path> files = Files.walk(outcomes)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
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
      Map<String, Long> m = byRun.getOrDefault(t.runId(), Map.of());
      counts.put(t.runId(), new Counts(
          m.getOrDefault(CopyMetrics.FILES_TOTAL, 0L), m.getOrDefault(CopyMetrics.BYTES_TOTAL, 0L),
          m.getOrDefault(CopyMetrics.FILES_READ, 0L), m.getOrDefault(CopyMetrics.FILES_WRITTEN, 0L),
          m.getOrDefault(CopyMetrics.DATA_READ, 0L), m.getOrDefault(CopyMetrics.DATA_WRITTEN, 0L),
          m.getOrDefault(CopyMetrics.ROWS_READ, 0L), m.getOrDefault(CopyMetrics.ROWS_COPIED, 0L),
          m.getOrDefault(CopyMetrics.ROWS_SKIPPED, 0L), millis.getOrDefault(t.runId(), 0L)));
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

  private static Map<String, RunOutcome> readOutcomes(Path folder) throws IOException {
    Map<String, RunOutcome> outcomes = new HashMap<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".outcome")).toList()) {
        try (ObjectInputStream in = new ObjectInputStream(Files.newInputStream(f))) {
          RunOutcome o = (RunOutcome) in.readObject();
          outcomes.put(o.runId(), o);
        } catch (ClassNotFoundException e) {
          throw new IOException(e);
        }
      }
    }
    return outcomes;
  }

  /** Writes each outcome to a file of its own in a folder the launcher reads after the job. */
  static final class WriteOutcomeFn extends DoFn<RunOutcome, Void> {
    private final String folder;

    WriteOutcomeFn(String folder) {
      this.folder = folder;
    }

    @ProcessElement
    public void process(@Element RunOutcome outcome) {
      Path file = Path.of(folder, UUID.nameUUIDFromBytes(outcome.runId().getBytes(
          java.nio.charset.StandardCharsets.UTF_8)) + ".outcome");
      Path temp = Path.of(folder, file.getFileName() + ".tmp");
      try (ObjectOutputStream out = new ObjectOutputStream(Files.newOutputStream(temp))) {
        out.writeObject(outcome);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      try {
        Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
            java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  static List<String> runIds(List<CopyTask> tasks) {
    List<String> ids = new ArrayList<>();
    tasks.forEach(t -> ids.add(t.runId()));
    return ids;
  }
}
