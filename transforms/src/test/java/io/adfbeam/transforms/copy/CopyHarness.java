package io.adfbeam.transforms.copy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.metrics.DistributionResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;

/**
 * Runs {@link CopyFiles} on the Direct runner and gives back each run's {@link RunOutcome} and
 * committed metrics; plus file helpers to lay out sources and read back what a sink holds.
 */
final class CopyHarness {
  private static final Map<String, Map<String, RunOutcome>> COLLECTED = new ConcurrentHashMap<>();

  private CopyHarness() {}

  /** A finished job: outcomes by run id and the job's metrics. */
  record Job(Map<String, RunOutcome> outcomes, MetricQueryResults metrics) {
    RunOutcome outcome(String runId) {
      assertThat(outcomes).containsKey(runId);
      return outcomes.get(runId);
    }

    /** A committed counter of a run, 0 when the run never incremented it. */
    long counter(String runId, String metric) {
      String name = CopyMetrics.name(runId, metric);
      long sum = 0;
      for (MetricResult<Long> c : metrics.getCounters()) {
        if (c.getName().getName().equals(name)) {
          sum += c.getCommitted();
        }
      }
      return sum;
    }

    /** How many slots (units of parallel work) copied a run's files. */
    long slots(String runId) {
      String name = CopyMetrics.name(runId, CopyMetrics.COPY_MILLIS);
      long count = 0;
      for (MetricResult<DistributionResult> d : metrics.getDistributions()) {
        if (d.getName().getName().equals(name)) {
          count += d.getCommitted().getCount();
        }
      }
      return count;
    }
  }

  /** Runs one job of copy runs to completion on the Direct runner. */
  static Job run(CopyTask... tasks) {
    return run(CopyFiles.create(), tasks);
  }

  /** Runs one job of copy runs through {@code copy} to completion on the Direct runner. */
  static Job run(CopyFiles copy, CopyTask... tasks) {
    String key = UUID.randomUUID().toString();
    COLLECTED.put(key, new ConcurrentHashMap<>());
    try {
      PipelineOptions options = PipelineOptionsFactory.create();
      options.setRunner(DirectRunner.class);
      Pipeline pipeline = Pipeline.create(options);
      pipeline
          .apply("Tasks", Create.of(List.of(tasks)).withCoder(SerializableCoder.of(CopyTask.class)))
          .apply("Copy", copy)
          .apply("Collect", ParDo.of(new CollectFn(key)));
      PipelineResult result = pipeline.run();
      assertThat(result.waitUntilFinish()).isEqualTo(PipelineResult.State.DONE);
      MetricQueryResults metrics =
          result
              .metrics()
              .queryMetrics(
                  MetricsFilter.builder()
                      .addNameFilter(MetricNameFilter.inNamespace(CopyMetrics.NAMESPACE))
                      .build());
      Map<String, RunOutcome> outcomes = Map.copyOf(COLLECTED.get(key));
      assertThat(outcomes.keySet())
          .as("one outcome per run")
          .containsExactlyInAnyOrder(Stream.of(tasks).map(CopyTask::runId).toArray(String[]::new));
      return new Job(outcomes, metrics);
    } finally {
      COLLECTED.remove(key);
    }
  }

  /** Runs one copy run and checks that it succeeded. */
  static Job runOk(CopyTask task) {
    Job job = run(task);
    RunOutcome o = job.outcome(task.runId());
    assertThat(o.errors()).as("errors of " + task.runId()).isEmpty();
    assertThat(o.succeeded()).isTrue();
    return job;
  }

  static final class CollectFn extends DoFn<RunOutcome, Void> {
    private final String key;

    CollectFn(String key) {
      this.key = key;
    }

    @ProcessElement
    public void process(@Element RunOutcome outcome) {
      RunOutcome earlier = COLLECTED.get(key).putIfAbsent(outcome.runId(), outcome);
      if (earlier != null) {
        throw new IllegalStateException("two outcomes for run " + outcome.runId());
      }
    }
  }

  static CopyTask task(String runId, FileSource source, FileSink sink) {
    return new CopyTask(runId, source, sink, 0);
  }

  /** A Beam folder path for a local folder. */
  static String folder(Path dir) {
    return dir.toString() + "/";
  }

  static void write(Path file, byte[] content) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void write(Path file, String content) {
    write(file, content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String readUtf8(Path file) {
    return new String(read(file), java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Every file under {@code root} by its '/'-separated relative path, hidden ones included. */
  static Map<String, byte[]> tree(Path root) {
    Map<String, byte[]> files = new TreeMap<>();
    if (!Files.exists(root)) {
      return files;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(p).toString().replace('\\', '/'), read(p));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  /** The files readers see in a sink folder: all but adf-beam's hidden folder. */
  static Map<String, byte[]> dataFiles(Path root) {
    Map<String, byte[]> files = tree(root);
    files.keySet().removeIf(StoreFiles::isHidden);
    return files;
  }

  /** Every path (folders too, with a trailing '/') under {@code root}, relative to it. */
  static List<String> entries(Path root) {
    if (!Files.exists(root)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> !p.equals(root))
          .map(
              p ->
                  root.relativize(p).toString().replace('\\', '/')
                      + (Files.isDirectory(p) ? "/" : ""))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** SHA-256 of every file under {@code root}, to prove sources are never modified. */
  static Map<String, String> digests(Path root) {
    Map<String, String> digests = new TreeMap<>();
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      tree(root).forEach((k, v) -> digests.put(k, HexFormat.of().formatHex(sha.digest(v))));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    return digests;
  }

  /**
   * {@code size} bytes that are no valid text in any encoding: every byte value, NULs and lone
   * UTF-8 continuation bytes among lines of text, fixed by the seed.
   */
  static byte[] binaryBlob(int size, long seed) {
    Random random = new Random(seed);
    byte[] out = new byte[size];
    int i = 0;
    while (i < size) {
      if (random.nextInt(2) == 0) {
        for (int k = 0; k < 64 && i < size; k++) {
          out[i++] = (byte) random.nextInt(256);
        }
      } else {
        byte[] line =
            ("line " + i + ",value " + random.nextInt(1000) + "\r\n")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (int k = 0; k < line.length && i < size; k++) {
          out[i++] = line[k];
        }
      }
    }
    if (size >= 256) {
      for (int b = 0; b < 256; b++) {
        out[b] = (byte) (0xff - b);
      }
    }
    return out;
  }
}
