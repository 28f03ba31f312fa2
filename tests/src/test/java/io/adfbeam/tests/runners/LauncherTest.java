package io.adfbeam.tests.runners;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./adf-beam} launcher, run as users run it, from a copy of the repository's layout
 * ({@code adf-beam} beside {@code runners/target/adf-beam.jar}): its class-data-sharing archive
 * (made by the first run, mapped by the next ones, extended by the first run on Flink, made
 * again for another JVM, and safe with a JFR recording) and the JVM options it adds unless {@code JAVA_OPTS} gives its own.
 */
class LauncherTest {
  @TempDir Path dir;

  private Path install;
  private Path target;
  private Path factory;

  @BeforeEach
  void install() throws IOException {
    Path jar = Path.of(System.getProperty("adfbeam.jar")).toAbsolutePath();
    Path repository = jar.getParent().getParent().getParent();
    install = dir.resolve("install");
    target = Files.createDirectories(install.resolve("runners/target"));
    Files.copy(repository.resolve("adf-beam"), install.resolve("adf-beam"),
        StandardCopyOption.COPY_ATTRIBUTES);
    Files.createSymbolicLink(target.resolve("adf-beam.jar"), jar);
    factory = CopyFactory.write(dir.resolve("factory"), List.of("Compress"));
    CopyFactory.csv(dir, 3, 200);
  }

  @Test
  void theFirstRunWritesTheArchiveTheNextOnesMapItAndTheFirstFlinkRunAddsFlinksClasses()
      throws Exception {
    Path jsa = target.resolve("adf-beam.jsa");
    Path archived = target.resolve("adf-beam.jsa.classlist");
    Launch first = launch("", copy());
    assertThat(first.exitCode()).as(first.output()).isZero();
    assertThat(first.output()).contains("adf-beam: saving the classes this run loaded");
    assertCopied();
    assertThat(jsa).isNotEmptyFile();
    assertThat(Files.readAllLines(archived)).contains("io/adfbeam/runners/cli/AdfBeamCommand",
        "net/bytebuddy/ByteBuddy", "picocli/CommandLine")
        .noneMatch(l -> l.startsWith("@lambda-form-invoker") || l.contains(" id: "));
    FileTime dumped = Files.getLastModifiedTime(jsa);

    // Mapped: adf-beam's classes and Byte Buddy's (class files of Java 5) come from the archive.
    Path classes = dir.resolve("classes.log");
    Launch second = launch("-Xlog:class+load=info:file=" + classes, copy());
    assertThat(second.exitCode()).as(second.output()).isZero();
    assertThat(second.output()).doesNotContain("saving the classes");
    assertCopied();
    String loaded = Files.readString(classes);
    assertThat(loaded).contains("io.adfbeam.runners.cli.AdfBeamCommand source: shared objects file",
        "net.bytebuddy.ByteBuddy source: shared objects file");
    assertThat(Files.getLastModifiedTime(jsa)).isEqualTo(dumped);

    // A JFR recording (a class-file-load hook) with the archive mapped.
    Path recording = dir.resolve("run.jfr");
    Launch recorded = launch("-XX:StartFlightRecording=filename=" + recording, copy());
    assertThat(recorded.exitCode()).as(recorded.output()).isZero();
    assertThat(recorded.output()).doesNotContain("fatal error");
    assertThat(recording).isNotEmptyFile();
    assertCopied();

    List<String> flink = new ArrayList<>(copy());
    flink.addAll(List.of("--runner=FlinkRunner", "--flinkMaster=[local]"));
    Launch learning = launch("", flink);
    assertThat(learning.exitCode()).as(learning.output()).isZero();
    assertCopied();
    assertThat(Files.readAllLines(archived))
        .contains("org/apache/beam/runners/flink/FlinkPipelineExecutionEnvironment",
            "io/adfbeam/runners/cli/AdfBeamCommand");
    assertThat(Files.getLastModifiedTime(jsa)).isNotEqualTo(dumped);
    FileTime withFlink = Files.getLastModifiedTime(jsa);

    Path flinkClasses = dir.resolve("flink-classes.log");
    Launch mapped = launch("-Xlog:class+load=info:file=" + flinkClasses, flink);
    assertThat(mapped.exitCode()).as(mapped.output()).isZero();
    assertCopied();
    assertThat(Files.readString(flinkClasses)).contains(
        "org.apache.flink.runtime.minicluster.MiniCluster source: shared objects file");
    assertThat(Files.getLastModifiedTime(jsa)).isEqualTo(withFlink);

    // An archive another JVM dumped is dumped again for this one, Flink's classes kept.
    Path dumpedBy = target.resolve("adf-beam.jsa.java");
    assertThat(Files.readString(dumpedBy).strip())
        .isEqualTo(Path.of(System.getProperty("java.home"), "bin", "java").toRealPath().toString());
    String java = Files.readString(dumpedBy);
    Files.writeString(dumpedBy, "/another/jdk/bin/java\n");
    Launch otherJvm = launch("", copy());
    assertThat(otherJvm.exitCode()).as(otherJvm.output()).isZero();
    assertCopied();
    assertThat(Files.getLastModifiedTime(jsa)).isNotEqualTo(withFlink);
    assertThat(Files.readString(dumpedBy)).isEqualTo(java);
    assertThat(Files.readAllLines(archived))
        .contains("org/apache/beam/runners/flink/FlinkPipelineExecutionEnvironment");
  }

  @Test
  void aRunThatFailsLeavesNoArchive() throws Exception {
    List<String> args = new ArrayList<>(copy());
    args.set(1, dir.resolve("no-such-factory").toString());
    Launch failed = launch("", args);
    assertThat(failed.exitCode()).isEqualTo(2);
    try (var files = Files.list(target)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("adf-beam.jar");
    }
  }

  @Test
  void theLauncherAddsItsCollectorAndCompilerThresholdsUnlessJavaOptsNameTheirOwn()
      throws Exception {
    String flags = launch("-XX:+PrintFlagsFinal", List.of("--version")).output();
    assertThat(flag(flags, "UseParallelGC")).isEqualTo("true");
    assertThat(flag(flags, "NewSize")).isEqualTo(Long.toString(128L << 20));
    assertThat(flag(flags, "Tier4InvocationThreshold")).isEqualTo("50000");
    assertThat(flag(flags, "Tier4BackEdgeThreshold")).isEqualTo("400000");

    String own = launch("-XX:+PrintFlagsFinal -XX:+UseSerialGC -XX:Tier4InvocationThreshold=7000",
        List.of("--version")).output();
    assertThat(flag(own, "UseParallelGC")).isEqualTo("false");
    assertThat(flag(own, "UseSerialGC")).isEqualTo("true");
    assertThat(flag(own, "Tier4InvocationThreshold")).isEqualTo("7000");
    assertThat(flag(own, "Tier4BackEdgeThreshold")).isEqualTo("40000"); // the JVM's default
  }

  private List<String> copy() {
    return List.of("run", factory.toString(), "--window", CopyFactory.WINDOW, "--rerun", "all",
        "--store", "In=" + dir.toUri(), "--store", "Out=" + dir.toUri());
  }

  /** The copy's output: the input CSV files, GZip-compressed under the same names. */
  private void assertCopied() throws IOException {
    var in = CopyFactory.visibleFiles(dir.resolve("data/csv"));
    var out = CopyFactory.visibleFiles(dir.resolve("out/gz"));
    assertThat(out.keySet()).containsExactly("part-000.csv.gz", "part-001.csv.gz", "part-002.csv.gz");
    for (var e : in.entrySet()) {
      assertThat(new String(out.get(e.getKey() + ".gz"), StandardCharsets.UTF_8))
          .isEqualTo(new String(e.getValue(), StandardCharsets.UTF_8));
    }
  }

  /** A flag's value in {@code -XX:+PrintFlagsFinal} output. */
  private static String flag(String printed, String name) {
    return printed.lines().map(String::strip).filter(l -> l.matches("\\S+ " + name + " += .*"))
        .map(l -> l.replaceAll(".*= *", "").replaceAll("\\s.*", "")).findFirst()
        .orElseThrow(() -> new AssertionError("no flag " + name + " in:\n" + printed));
  }

  record Launch(int exitCode, String output) {}

  /** Runs the installed launcher with {@code JAVA_OPTS} set to {@code javaOpts}. */
  private Launch launch(String javaOpts, List<String> args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(install.resolve("adf-beam").toString()));
    command.addAll(args);
    Path log = Files.createTempFile(dir, "launch-", ".log");
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    Map<String, String> env = pb.environment();
    env.put("JAVA_OPTS", javaOpts);
    env.remove("ADF_BEAM_CDS");
    env.remove("ADF_BEAM_REBUILD");
    // the launcher runs the java on the PATH: this JVM's, whose archive it dumps and maps
    env.put("PATH", Path.of(System.getProperty("java.home"), "bin") + File.pathSeparator
        + env.getOrDefault("PATH", ""));
    Process p = pb.start();
    try {
      if (!p.waitFor(300, TimeUnit.SECONDS)) {
        throw new AssertionError("the launcher did not end in 300 s:\n" + Files.readString(log));
      }
    } finally {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
    return new Launch(p.exitValue(), Files.readString(log));
  }
}
