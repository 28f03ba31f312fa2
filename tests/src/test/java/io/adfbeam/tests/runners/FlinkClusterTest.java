package io.adfbeam.tests.runners;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code adf-beam run} on three Beam runners: the Direct runner, an embedded Flink
 * ({@code --flinkMaster=[local]}) and a real Flink 1.19 standalone session cluster (a JobManager
 * and a TaskManager JVM from Maven Central jars, bound to 127.0.0.1, started once for the class and
 * stopped at the end, pass or fail). Each run is a separate JVM from the shaded jar, as users run
 * it; the cluster gets the jar staged by adf-beam itself (no --filesToStage).
 */
class FlinkClusterTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Path work;
  private static FlinkCluster cluster;

  @BeforeAll
  static void startCluster() throws Exception {
    work = Path.of("target", "flink-cluster-test").toAbsolutePath();
    deleteTree(work);
    Files.createDirectories(work);
    cluster = FlinkCluster.start(work.resolve("cluster"), 2);
    JsonNode overview = cluster.get("/overview");
    assertThat(overview.path("flink-version").asText()).isEqualTo("1.19.0");
    assertThat(overview.path("slots-total").asInt()).isEqualTo(2);
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.close();
      assertThat(cluster.stopped()).as("every cluster process ended").isTrue();
    }
  }

  @Test
  void theSameCopyGivesTheSameOutputOnDirectEmbeddedFlinkAndTheCluster() throws Exception {
    Path dir = Files.createDirectories(work.resolve("same"));
    Path factory = CopyFactory.write(dir.resolve("factory"), List.of("Reformat", "Compress"));
    CopyFactory.csv(dir.resolve("in"), 6, 3000);

    Map<String, List<String>> runners = new java.util.LinkedHashMap<>();
    runners.put("direct", List.of());
    runners.put("embedded", List.of("--runner=FlinkRunner", "--flinkMaster=[local]", "--parallelism=2"));
    runners.put("cluster", List.of("--runner=FlinkRunner", "--flinkMaster=" + cluster.master(),
        "--parallelism=2", "--jobName=adf-beam-same-copy"));
    Map<String, Map<String, byte[]>> outputs = new java.util.LinkedHashMap<>();
    Map<String, JsonNode> reports = new java.util.LinkedHashMap<>();
    for (var e : runners.entrySet()) {
      Path out = dir.resolve("out-" + e.getKey());
      List<String> args = new ArrayList<>(List.of("run", factory.toString(), "--window",
          CopyFactory.WINDOW, "--state", dir.resolve("state-" + e.getKey()).toString(),
          "--store", "In=" + dir.resolve("in"), "--store", "Out=" + out,
          "--report", dir.resolve(e.getKey() + ".json").toString()));
      args.addAll(e.getValue());
      CopyFactory.Run run = CopyFactory.adfBeam(dir, args, 300);
      assertThat(run.exitCode()).as("%s run:\n%s", e.getKey(), run.output()).isZero();
      assertThat(run.output()).contains("2 of 2 activity runs succeeded");
      outputs.put(e.getKey(), CopyFactory.visibleFiles(out.resolve("out")));
      reports.put(e.getKey(), comparable(JSON.readTree(dir.resolve(e.getKey() + ".json").toFile())));
    }

    // Exact against the input: GZip holds the same bytes; TSV has a header, then the same rows.
    Map<String, byte[]> direct = outputs.get("direct");
    assertThat(direct).hasSize(12);
    for (int f = 0; f < 6; f++) {
      String name = String.format("part-%03d.csv", f);
      String input = Files.readString(dir.resolve("in/data/csv").resolve(name));
      assertThat(new String(direct.get("gz/" + name + ".gz"), StandardCharsets.UTF_8)).isEqualTo(input);
      String tsv = new String(direct.get("tsv/" + name), StandardCharsets.UTF_8);
      assertThat(tsv).startsWith("Prop_0\tProp_1\tProp_2\tProp_3\tProp_4\tProp_5\tProp_6\n");
      assertThat(tsv.substring(tsv.indexOf('\n') + 1).replace('\t', ',')).isEqualTo(input);
    }
    // Byte-identical across the runners (the order within each file is defined).
    for (String runner : List.of("embedded", "cluster")) {
      Map<String, byte[]> other = outputs.get(runner);
      assertThat(other.keySet()).as(runner).isEqualTo(direct.keySet());
      direct.forEach((path, bytes) -> assertThat(other.get(path)).as(runner + ": " + path).isEqualTo(bytes));
      // The reports' counts agree too: Flink's metrics give the same numbers as the Direct runner's.
      assertThat(reports.get(runner)).as(runner + " report").isEqualTo(reports.get("direct"));
    }
    assertThat(reports.get("direct").path("activityRuns").get(0).path("rowsCopied").asLong())
        .isEqualTo(6 * 3000);

    // Flink's REST API: the job ran on the cluster, and FINISHED.
    assertThat(cluster.jobs()).anySatisfy(job -> {
      assertThat(job.path("name").asText()).isEqualTo("adf-beam-same-copy");
      assertThat(job.path("state").asText()).isEqualTo("FINISHED");
    });
  }

  @Test
  void anEmbeddedFlinkLeavesNothingInTheTemporaryFolder() throws Exception {
    Path dir = Files.createDirectories(work.resolve("temp"));
    Path factory = CopyFactory.write(dir.resolve("factory"), List.of("Compress"));
    CopyFactory.csv(dir.resolve("in"), 2, 100);
    Path tmp = Files.createDirectories(dir.resolve("java-tmp"));
    Path out = dir.resolve("out");
    CopyFactory.Run run = CopyFactory.adfBeam(dir, List.of("-Djava.io.tmpdir=" + tmp),
        List.of("run", factory.toString(), "--window", CopyFactory.WINDOW,
            "--state", dir.resolve("state").toString(),
            "--store", "In=" + dir.resolve("in"), "--store", "Out=" + out,
            "--runner=FlinkRunner", "--flinkMaster=[local]", "--parallelism=2"), 300);
    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(CopyFactory.visibleFiles(out.resolve("out"))).hasSize(2);
    // Flink's RPC jar, its blobs and web uploads went to this run's own folder, now removed.
    try (var left = Files.list(tmp)) {
      assertThat(left.map(p -> p.getFileName().toString()).toList()).isEmpty();
    }
  }

  @Test
  void aTaskManagerLostMidJobFailsTheRunWithoutOutputAndARerunCopiesExactly() throws Exception {
    Path dir = Files.createDirectories(work.resolve("fault"));
    Path factory = CopyFactory.write(dir.resolve("factory"), List.of("Compress"));
    CopyFactory.csv(dir.resolve("in"), 16, 100_000); // about 150 MB to GZip: several seconds
    Path out = dir.resolve("out");
    List<String> args = List.of("run", factory.toString(), "--window", CopyFactory.WINDOW,
        "--state", dir.resolve("state").toString(),
        "--store", "In=" + dir.resolve("in"), "--store", "Out=" + out,
        "--report", dir.resolve("report.json").toString(),
        "--runner=FlinkRunner", "--flinkMaster=" + cluster.master(), "--parallelism=2",
        "--jobName=adf-beam-fault-copy");

    Path log = dir.resolve("killed-run.log");
    Process run = CopyFactory.start(dir, args, log);
    Path staging = out.resolve("out/gz/.adf-beam");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    while (!hasFiles(staging)) {
      assertThat(run.isAlive()).as("the run ended before any copy began:\n%s",
          Files.exists(log) ? Files.readString(log) : "").isTrue();
      assertThat(System.nanoTime()).as("no copy began in 180 s").isLessThan(deadline);
      Thread.sleep(20);
    }
    cluster.killTaskManager();
    CopyFactory.Run killed = CopyFactory.finish(run, log, 300);

    assertThat(killed.exitCode()).as(killed.output()).isEqualTo(1);
    JsonNode failed = JSON.readTree(dir.resolve("report.json").toFile()).path("activityRuns").get(0);
    assertThat(failed.path("status").asText()).isEqualTo("Failed");
    assertThat(failed.path("errors").toString()).contains("the Beam job failed");
    assertThat(CopyFactory.visibleFiles(out.resolve("out"))).as("no partial output visible").isEmpty();
    assertThat(cluster.jobs()).anySatisfy(job -> {
      assertThat(job.path("name").asText()).isEqualTo("adf-beam-fault-copy");
      assertThat(job.path("state").asText()).isEqualTo("FAILED");
    });

    cluster.startTaskManager();
    CopyFactory.Run again = CopyFactory.adfBeam(dir, args, 600);
    assertThat(again.exitCode()).as(again.output()).isZero();
    Map<String, byte[]> files = CopyFactory.visibleFiles(out.resolve("out"));
    assertThat(files).hasSize(16);
    for (int f = 0; f < 16; f++) {
      String name = String.format("part-%03d.csv", f);
      assertThat(files.get("gz/" + name + ".gz")).as(name)
          .isEqualTo(Files.readAllBytes(dir.resolve("in/data/csv").resolve(name)));
    }
    assertThat(hasFiles(staging)).as("no staging left").isFalse();
    assertThat(cluster.jobs().stream().filter(j -> j.path("name").asText().equals("adf-beam-fault-copy")
        && j.path("state").asText().equals("FINISHED"))).hasSize(1);
  }

  /** A report without what differs between runs: durations, throughput. */
  private static JsonNode comparable(JsonNode report) {
    for (JsonNode run : report.path("activityRuns")) {
      ((ObjectNode) run).remove(List.of("copyDuration", "throughput", "outputs"));
    }
    return report;
  }

  /** Whether the hidden folder holds staged files (anything but run manifests). */
  private static boolean hasFiles(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return false;
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.anyMatch(p -> Files.isRegularFile(p) && !p.getFileName().toString().endsWith(".manifest"));
    } catch (java.io.UncheckedIOException e) {
      return true; // a file moved while walking: there were files
    }
  }

  private static void deleteTree(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
