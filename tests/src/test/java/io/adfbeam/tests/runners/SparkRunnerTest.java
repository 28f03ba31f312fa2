package io.adfbeam.tests.runners;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another Beam runner, added as the README says: Beam's Spark 3 runner and Spark 3.5 on the class
 * path beside the shaded jar ({@code java -cp adf-beam.jar:SPARK... AdfBeamCommand run ...
 * --runner=SparkRunner --sparkMaster=local[2]}), the runner option passed through untouched.
 * The class path comes from the {@code tests/spark-runner} module.
 */
class SparkRunnerTest {
  /** The module flags Spark 3.5 needs on Java 17 (its launcher's JavaModuleOptions). */
  private static final List<String> SPARK_OPENS = List.of(
      "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
      "--add-opens=java.base/java.io=ALL-UNNAMED", "--add-opens=java.base/java.net=ALL-UNNAMED",
      "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/java.util=ALL-UNNAMED",
      "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
      "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED", "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
      "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED");

  @TempDir Path temp;

  @Test
  void theCopyRunsOnSparkWithTheSameOutputAndReportAsOnDirect() throws Exception {
    Path factory = CopyFactory.write(temp.resolve("factory"), List.of("Reformat", "Compress"));
    CopyFactory.csv(temp.resolve("in"), 3, 500);
    Map<String, Map<String, byte[]>> outputs = new java.util.HashMap<>();
    Map<String, JsonNode> reports = new java.util.HashMap<>();
    for (String runner : List.of("DirectRunner", "SparkRunner")) {
      Path out = temp.resolve("out-" + runner);
      List<String> command = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g"));
      command.addAll(SPARK_OPENS);
      command.addAll(List.of("-cp", System.getProperty("adfbeam.jar") + java.io.File.pathSeparator
              + Files.readString(Path.of(System.getProperty("adfbeam.sparkClasspath"))).strip(),
          "io.adfbeam.runners.cli.AdfBeamCommand", "run", factory.toString(),
          "--window", CopyFactory.WINDOW, "--state", temp.resolve("state-" + runner).toString(),
          "--store", "In=" + temp.resolve("in"),
          "--store", "Out=" + out, "--report", temp.resolve(runner + ".json").toString(),
          "--runner=" + runner));
      if (runner.equals("SparkRunner")) {
        command.add("--sparkMaster=local[2]");
      }
      Path log = temp.resolve(runner + ".log");
      Process p = new ProcessBuilder(command).directory(temp.toFile()).redirectErrorStream(true)
          .redirectOutput(log.toFile()).start();
      if (!p.waitFor(300, TimeUnit.SECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
      }
      assertThat(p.waitFor()).as(runner + ":\n" + Files.readString(log)).isZero();
      outputs.put(runner, CopyFactory.visibleFiles(out.resolve("out")));
      JsonNode report = new ObjectMapper().readTree(temp.resolve(runner + ".json").toFile());
      report.path("activityRuns").forEach(r -> ((com.fasterxml.jackson.databind.node.ObjectNode) r)
          .remove(List.of("copyDuration", "throughput", "outputs")));
      reports.put(runner, report);
    }
    Map<String, byte[]> direct = outputs.get("DirectRunner");
    Map<String, byte[]> spark = outputs.get("SparkRunner");
    assertThat(direct).hasSize(6);
    assertThat(spark.keySet()).isEqualTo(direct.keySet());
    direct.forEach((path, bytes) -> assertThat(spark.get(path)).as(path).isEqualTo(bytes));
    assertThat(new String(direct.get("gz/part-000.csv.gz"), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo(Files.readString(temp.resolve("in/data/csv/part-000.csv")));
    assertThat(reports.get("SparkRunner")).isEqualTo(reports.get("DirectRunner"));
  }
}
