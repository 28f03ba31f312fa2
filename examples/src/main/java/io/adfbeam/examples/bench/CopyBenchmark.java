package io.adfbeam.examples.bench;

import io.adfbeam.formats.columnar.ColumnarFormat;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times {@code adf-beam run} on the default (Direct) runner against single-core command-line
 * baselines, start-up included, over deterministic data:
 *
 * <ul>
 *   <li>(a) CSV to CSV GZip, level Fastest, against {@code gzip -1 -c} over the same files one
 *       after the other; target: 1.5 times its throughput.
 *   <li>(b) CSV GZip to CSV, against {@code gzip -d -c}; target: its throughput.
 *   <li>(c) CSV with commas to CSV with tabs and a header row (every row parsed and rewritten);
 *       target: 40 MB/s.
 *   <li>(d) a binary copy of many small files, against {@code cp -r}; target: a quarter of its files
 *       per second.
 *   <li>(e) CSV to Parquet with a {@code structure} typing the 16 columns, against DuckDB
 *       converting the same files with the same types on as many threads as there are cores;
 *       target: half its throughput.
 *   <li>(f) Parquet to ORC and (g) JSON (setOfObjects) to Avro, over typed copies of the same data
 *       made once, untimed; no target.
 * </ul>
 *
 * <p>Each case writes a real ADF factory, runs {@code java -jar adf-beam.jar run FACTORY --store
 * ...} as a child process, and reads its output back to check it against the input (file count,
 * lengths and CRC-32 of the uncompressed content, row count; for (e) to (g), the rows and a CRC-32 of
 * their values read back with the formats module's readers). MB are 10<sup>6</sup> bytes of
 * uncompressed CSV, whatever format a case reads. Arguments: see {@link #USAGE}.
 */
public final class CopyBenchmark {
  static final String USAGE = """
      usage: CopyBenchmark [--work DIR] [--size-mb N] [--files N] [--small N] [--cases a,b,...]
                           [--keep] [--out FILE] [--jar FILE | --classpath CP] [--seed N]
                           [--duckdb-jar FILE] [--threads N]
                           [--java-opt OPT]... [--beam-arg ARG]...
        --work DIR       data, factories, outputs and logs (default: $TMPDIR/adf-beam-bench);
                         generated data is reused when its marker matches
        --size-mb N      total size of the CSV input in MB (default 1024)
        --files N        number of CSV files (default 8)
        --small N        number of small files for case d (default 100000)
        --cases LIST     which cases to run, of a to g (default: all)
        --keep           keep every case's output (default: deleted once verified)
        --out FILE       also write the results as Markdown to FILE
        --jar FILE       the adf-beam jar (default runners/target/adf-beam.jar)
        --classpath CP   run adf-beam's main class on this class path instead of the jar
        --seed N         data seed (default 20240101)
        --duckdb-jar F   DuckDB's JDBC jar for case e's baseline (default: the duckdb_jdbc jar
                         on this class path, else the Maven local repository's)
        --threads N      DuckDB's threads in case e (default: the number of cores)
        --java-opt OPT   a JVM option for adf-beam (repeatable)
        --beam-arg ARG   a Beam pipeline option for adf-beam, e.g. --targetParallelism=4 (repeatable)
        --runners LIST   run every case on each: direct (default), flink (embedded,
                         --flinkMaster=[local]); e.g. direct,flink prints both and their ratio
      """;

  private static final String MAIN_CLASS = "io.adfbeam.runners.cli.AdfBeamCommand";
  /** The duckdb_jdbc version the root pom pins (duckdb.version), looked up in ~/.m2. */
  static final String DUCKDB_VERSION = "1.3.2.0";

  private CopyBenchmark() {}

  /** The parsed arguments. */
  record Options(Path work, int sizeMb, int files, int small, List<Character> cases, boolean keep,
      Path out, Path jar, String classpath, long seed, Path duckdbJar, int threads,
      List<String> javaOpts, List<String> beamArgs, List<String> args, List<String> runners) {

    /** The Beam options that select each runner {@code --runners} names. */
    static final java.util.Map<String, List<String>> RUNNER_ARGS = java.util.Map.of(
        "direct", List.of(),
        "flink", List.of("--runner=FlinkRunner", "--flinkMaster=[local]"));

    /** These options with {@code runner}'s Beam options added to the user's. */
    Options forRunner(String runner) {
      List<String> beam = new ArrayList<>(RUNNER_ARGS.get(runner));
      beam.addAll(beamArgs);
      return new Options(work, sizeMb, files, small, cases, keep, out, jar, classpath, seed,
          duckdbJar, threads, javaOpts, List.copyOf(beam), args, List.of(runner));
    }

    static Options parse(String... args) {
      Path work = Path.of(System.getProperty("java.io.tmpdir"), "adf-beam-bench");
      int sizeMb = 1024;
      int files = 8;
      int small = 100_000;
      List<Character> cases = List.of('a', 'b', 'c', 'd', 'e', 'f', 'g');
      boolean keep = false;
      Path out = null;
      Path jar = null;
      String classpath = null;
      long seed = 20240101L;
      Path duckdbJar = null;
      int threads = Runtime.getRuntime().availableProcessors();
      List<String> javaOpts = new ArrayList<>();
      List<String> beamArgs = new ArrayList<>();
      List<String> runners = List.of("direct");
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        switch (a) {
          case "--keep" -> keep = true;
          case "--help", "-h" -> throw new IllegalArgumentException("");
          case "--work", "--size-mb", "--files", "--small", "--cases", "--out", "--jar",
              "--classpath", "--seed", "--duckdb-jar", "--threads", "--java-opt",
              "--beam-arg", "--runners" -> {
            if (i + 1 >= args.length) {
              throw new IllegalArgumentException(a + " needs a value");
            }
            String v = args[++i];
            switch (a) {
              case "--work" -> work = Path.of(v);
              case "--size-mb" -> sizeMb = positive(a, v);
              case "--files" -> files = positive(a, v);
              case "--small" -> small = positive(a, v);
              case "--cases" -> cases = cases(v);
              case "--out" -> out = Path.of(v);
              case "--jar" -> jar = Path.of(v);
              case "--classpath" -> classpath = v;
              case "--seed" -> seed = Long.parseLong(v);
              case "--duckdb-jar" -> duckdbJar = Path.of(v);
              case "--threads" -> threads = positive(a, v);
              case "--java-opt" -> javaOpts.add(v);
              case "--runners" -> runners = runners(v);
              default -> beamArgs.add(v);
            }
          }
          default -> throw new IllegalArgumentException("unknown argument '" + a + "'");
        }
      }
      if (jar == null && classpath == null) {
        jar = defaultJar();
      }
      return new Options(work.toAbsolutePath(), sizeMb, files, small, cases, keep, out,
          jar == null ? null : jar.toAbsolutePath(),
          classpath, seed, duckdbJar == null ? null : duckdbJar.toAbsolutePath(), threads,
          List.copyOf(javaOpts), List.copyOf(beamArgs), List.of(args), runners);
    }

    private static List<String> runners(String value) {
      Set<String> set = new LinkedHashSet<>();
      for (String s : value.split(",")) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        if (!RUNNER_ARGS.containsKey(t)) {
          throw new IllegalArgumentException("--runners takes a list of direct and flink, not '"
              + value + "'");
        }
        set.add(t);
      }
      return List.copyOf(set);
    }

    private static int positive(String name, String value) {
      int n;
      try {
        n = Integer.parseInt(value);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(name + " needs a number, not '" + value + "'");
      }
      if (n <= 0) {
        throw new IllegalArgumentException(name + " must be positive");
      }
      return n;
    }

    private static List<Character> cases(String value) {
      Set<Character> set = new LinkedHashSet<>();
      for (String s : value.split(",")) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        if (t.length() != 1 || "abcdefg".indexOf(t.charAt(0)) < 0) {
          throw new IllegalArgumentException("--cases takes a list of letters a to g, not '"
              + value + "'");
        }
        set.add(t.charAt(0));
      }
      return List.copyOf(set);
    }

    /** runners/target/adf-beam.jar in the working directory or the one above it. */
    private static Path defaultJar() {
      Path here = Path.of("runners/target/adf-beam.jar").toAbsolutePath();
      Path above = Path.of("../runners/target/adf-beam.jar").toAbsolutePath().normalize();
      return Files.exists(here) || !Files.exists(above) ? here : above;
    }

    long bytesPerFile() {
      return sizeMb * 1_000_000L / files;
    }
  }

  public static void main(String[] args) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      if (!e.getMessage().isEmpty()) {
        System.err.println("CopyBenchmark: " + e.getMessage());
      }
      System.err.print(USAGE);
      System.exit(e.getMessage().isEmpty() ? 0 : 2);
      return;
    }
    try {
      List<BenchReport> reports = new ArrayList<>();
      StringBuilder markdown = new StringBuilder();
      for (String runner : options.runners()) {
        BenchReport report = run(options.forRunner(runner), StatusLog.stderr());
        reports.add(report);
        if (options.runners().size() > 1) {
          System.out.println("runner: " + runner);
          markdown.append("Runner: ").append(runner).append("\n\n");
        }
        System.out.print(report.table());
        markdown.append(report.markdown()).append('\n');
      }
      if (reports.size() > 1) {
        String comparison = BenchReport.compareRunners(options.runners(), reports);
        System.out.print(comparison);
        markdown.append(comparison);
      }
      if (options.out() != null) {
        Files.writeString(options.out(), markdown.toString());
        System.err.println("bench: results written to " + options.out().toAbsolutePath());
      }
      System.exit(reports.stream().allMatch(BenchReport::allVerified) ? 0 : 1);
    } catch (IOException | UncheckedIOException e) {
      System.err.println("CopyBenchmark: " + e);
      System.exit(1);
    }
  }

  /** Generates (or reuses) the data, then times and verifies each case. */
  static BenchReport run(Options o, StatusLog log) throws IOException {
    if (o.jar() != null && !Files.isRegularFile(o.jar())) {
      throw new IOException("no adf-beam jar at " + o.jar() + "; build it with"
          + " mvn -B -q -DskipTests install (or pass --jar)");
    }
    Files.createDirectories(o.work());
    BenchData data = new BenchData(o.work());
    List<BenchData.CsvFile> csv = null;
    List<String> gz = null;
    List<BenchData.TypedFile> typed = null;
    BenchData.TreeDigest small = null;
    boolean anyTyped = o.cases().stream().anyMatch(c -> c >= 'e');
    Path duckdb = o.cases().contains('e') ? duckdbJar(o) : null;
    if (o.cases().stream().anyMatch(c -> c != 'd')) {
      csv = data.csv(o.files(), o.bytesPerFile(), o.seed(), log);
    }
    if (o.cases().contains('b')) {
      gz = data.gz(csv, log);
    }
    if (anyTyped) {
      typed = data.typed(csv, log);
    }
    if (o.cases().contains('d')) {
      small = data.small(o.small(), o.seed(), log);
    }
    long csvBytes = csv == null ? 0 : csv.stream().mapToLong(BenchData.CsvFile::length).sum();

    warmUp(o, log);
    List<BenchReport.CaseResult> results = new ArrayList<>();
    for (char c : o.cases()) {
      Path out = o.work().resolve("out/" + c);
      Path baseline = o.work().resolve("baseline/" + c);
      BenchData.deleteTree(out);
      BenchData.deleteTree(baseline);
      Files.createDirectories(baseline);
      Path factory = BenchFactories.write(o.work().resolve("factories/" + c), c);

      BenchReport.CaseResult.Builder r = new BenchReport.CaseResult.Builder(c);
      r.load(ChildCpu.loadAverage());
      // Baseline first, each timed step after a sync so that no earlier write-back competes.
      switch (c) {
        case 'a' -> {
          log.info("(a) baseline: gzip -1 -c over " + csv.size() + " files");
          List<List<String>> commands = new ArrayList<>();
          List<Path> outputs = new ArrayList<>();
          for (BenchData.CsvFile f : csv) {
            commands.add(List.of("gzip", "-1", "-c", data.csvFolder().resolve(f.name()).toString()));
            outputs.add(baseline.resolve(f.name() + ".gz"));
          }
          r.baseline("gzip -1", timeSequence(commands, outputs));
          r.size(csvBytes, csv.size());
        }
        case 'b' -> {
          log.info("(b) baseline: gzip -d -c over " + gz.size() + " files");
          List<List<String>> commands = new ArrayList<>();
          List<Path> outputs = new ArrayList<>();
          for (String name : gz) {
            commands.add(List.of("gzip", "-d", "-c", data.gzFolder().resolve(name).toString()));
            outputs.add(baseline.resolve(name.substring(0, name.length() - 3)));
          }
          r.baseline("gzip -d", timeSequence(commands, outputs));
          r.size(csvBytes, gz.size());
        }
        case 'c' -> r.size(csvBytes, csv.size());
        case 'd' -> {
          log.info("(d) baseline: cp -r of " + small.files() + " files");
          List<String> cp = List.of("cp", "-r", data.smallFolder().toString(),
              baseline.resolve("small").toString());
          r.baseline("cp -r", timeSequence(List.of(cp), List.of()));
          r.size(small.bytes(), small.files());
        }
        case 'e' -> {
          log.info("(e) baseline: DuckDB CSV to Parquet on " + o.threads() + " threads");
          r.baseline("duckdb " + o.threads() + " threads",
              runDuckDb(o, duckdb, data, csv, baseline, false));
          log.info("(e) for comparison: DuckDB with TPC-H's types (DECIMAL(15,2), DATE)");
          BenchData.deleteTree(baseline);
          Files.createDirectories(baseline);
          r.comparison("duckdb " + o.threads() + " threads, TPC-H types",
              runDuckDb(o, duckdb, data, csv, baseline, true));
          r.size(csvBytes, csv.size());
        }
        case 'f' -> {
          r.size(csvBytes, csv.size());
          r.input("Parquet", typed.stream().mapToLong(BenchData.TypedFile::parquetBytes).sum());
        }
        case 'g' -> {
          r.size(csvBytes, csv.size());
          r.input("JSON", typed.stream().mapToLong(BenchData.TypedFile::jsonBytes).sum());
        }
        default -> throw new AssertionError(c);
      }

      log.info("(" + c + ") adf-beam run " + factory);
      AdfBeamRun run = runAdfBeam(o, data, factory, out, c);
      r.adfBeam(run.timing(), run.copyDuration());
      Path written = out.resolve(BenchFactories.OUTPUT_FOLDER);
      if (run.exitCode() != 0) {
        List<String> lines = Files.readAllLines(run.log());
        r.verification(false, "adf-beam exited " + run.exitCode() + "; see " + run.log()
            + "; it ends: " + String.join(" | ",
                lines.subList(Math.max(1, lines.size() - 5), lines.size())));
      } else {
        log.info("(" + c + ") verifying " + written);
        String problem = switch (c) {
          case 'a' -> BenchVerify.gzipCsv(written, csv);
          case 'b' -> BenchVerify.plainCsv(written, csv);
          case 'c' -> BenchVerify.tabWithHeader(written, csv);
          case 'd' -> BenchVerify.tree(written, small);
          // PreserveHierarchy keeps each source file's name, whatever the format
          case 'e' -> BenchVerify.typed(written, typed,
              csv.stream().map(BenchData.CsvFile::name).toList(), ColumnarFormat.PARQUET);
          case 'f' -> BenchVerify.typed(written, typed,
              typed.stream().map(BenchData.TypedFile::parquetName).toList(), ColumnarFormat.ORC);
          case 'g' -> BenchVerify.typed(written, typed,
              typed.stream().map(BenchData.TypedFile::jsonName).toList(), ColumnarFormat.AVRO);
          default -> throw new AssertionError(c);
        };
        r.verification(problem == null, problem == null ? "output read back and matches" : problem);
      }
      BenchReport.CaseResult result = r.build();
      log.info(result.summary());
      results.add(result);
      if (!o.keep()) {
        BenchData.deleteTree(out);
        BenchData.deleteTree(baseline);
      }
    }
    return new BenchReport(o, results);
  }

  /**
   * One untimed run of a tiny copy before the timed ones, on the runner the cases run on, as a
   * user's second run: the launcher's first run after a build writes its class-data-sharing
   * archive, which later runs map, and its first run on Flink adds Flink's classes to it.
   */
  private static void warmUp(Options o, StatusLog log) throws IOException {
    if (launcher(o) == null) {
      return;
    }
    Path warm = o.work().resolve("warm-up");
    BenchData.deleteTree(warm);
    // Tiny inputs of every format the row cases read, so that the archive holds their classes.
    BenchData tiny = new BenchData(warm);
    StatusLog quiet = message -> { };
    tiny.typed(tiny.csv(1, 2_000, o.seed(), quiet), quiet);
    Path factory = BenchFactories.write(warm.resolve("factory"), List.of('c', 'e', 'f', 'g'), true);
    List<String> command = new ArrayList<>(List.of(launcher(o).toString(), "run",
        factory.toString(), "--rerun", "all",
        "--store", BenchFactories.INPUT_SERVICE + "=" + tiny.storeRoot().toUri(),
        "--store", BenchFactories.OUTPUT_SERVICE + "=" + warm.resolve("out").toUri()));
    command.addAll(o.beamArgs());
    log.info("warm-up: one untimed run of tiny copies (CSV to TSV, Parquet, ORC, Avro)");
    Process p = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(warm.resolve("log.txt").toFile())).start();
    waitFor(p);
  }

  /**
   * The repository's {@code adf-beam} launcher when the jar is the repository's own build
   * ({@code <root>/runners/target/adf-beam.jar}), else null (the jar runs with plain java).
   */
  private static Path launcher(Options o) {
    if (o.jar() == null || o.classpath() != null) {
      return null;
    }
    Path target = o.jar().getParent();
    Path root = target == null || target.getParent() == null ? null : target.getParent().getParent();
    Path script = root == null ? null : root.resolve("adf-beam");
    return script != null && Files.isExecutable(script)
        && o.jar().equals(root.resolve("runners/target/adf-beam.jar")) ? script : null;
  }

  /**
   * The DuckDB JDBC jar: {@code --duckdb-jar}, else the duckdb_jdbc jar on this class path (as in
   * the tests), else the one in the Maven local repository.
   */
  static Path duckdbJar(Options o) throws IOException {
    Path jar = o.duckdbJar();
    if (jar == null) {
      for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
        Path p = Path.of(entry);
        if (p.getFileName() != null && p.getFileName().toString().startsWith("duckdb_jdbc")) {
          jar = p;
          break;
        }
      }
    }
    if (jar == null) {
      String repo = System.getProperty("maven.repo.local",
          Path.of(System.getProperty("user.home"), ".m2", "repository").toString());
      jar = Path.of(repo, "org", "duckdb", "duckdb_jdbc", DUCKDB_VERSION,
          "duckdb_jdbc-" + DUCKDB_VERSION + ".jar");
    }
    if (!Files.isRegularFile(jar)) {
      throw new IOException("no DuckDB JDBC jar at " + jar + "; case e's baseline needs it: build"
          + " once with mvn -B -pl examples -am install (examples' tests depend on it), or pass"
          + " --duckdb-jar FILE");
    }
    return jar;
  }

  /**
   * Case (e)'s baseline: {@link DuckDbCsvToParquet} in a child JVM (start-up included, as for
   * adf-beam), one Parquet file per CSV file into {@code folder}; checks the rows it wrote.
   */
  private static Timing runDuckDb(Options o, Path duckdb, BenchData data,
      List<BenchData.CsvFile> csv, Path folder, boolean tpch) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", duckdb + File.pathSeparator + System.getProperty("java.class.path"),
        DuckDbCsvToParquet.class.getName(), Integer.toString(o.threads()),
        tpch ? "tpch" : "structure", folder.toString()));
    for (BenchData.CsvFile f : csv) {
      command.add(data.csvFolder().resolve(f.name()).toString());
    }
    Path log = Files.createDirectories(o.work().resolve("logs")).resolve(tpch ? "e.duckdb-tpch.log" : "e.duckdb.log");
    sync();
    ChildCpu cpu = ChildCpu.start();
    int exit = waitFor(new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start());
    Timing timing = cpu.stop();
    String out = Files.readString(log);
    long expected = csv.stream().mapToLong(BenchData.CsvFile::rows).sum();
    Matcher rows = Pattern.compile("(?m)^rows (\\d+)$").matcher(out);
    if (exit != 0 || !rows.find() || Long.parseLong(rows.group(1)) != expected) {
      throw new IOException("the DuckDB baseline failed (exit " + exit + ", " + expected
          + " rows expected); see " + log);
    }
    return timing;
  }

  /** One timed adf-beam run: wall-clock and CPU seconds, the report's copyDuration, the exit code. */
  record AdfBeamRun(Timing timing, double copyDuration, int exitCode, Path log) {}

  private static AdfBeamRun runAdfBeam(Options o, BenchData data, Path factory, Path out, char c)
      throws IOException {
    Path logs = Files.createDirectories(o.work().resolve("logs"));
    Path log = logs.resolve(c + ".log");
    Path report = logs.resolve(c + ".report.json");
    Files.deleteIfExists(report);
    List<String> command = new ArrayList<>();
    Path launcher = launcher(o);
    if (launcher != null) {
      // The way users start it: the ./adf-beam launcher, with its class-data-sharing archive.
      command.add(launcher.toString());
    } else {
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(o.javaOpts());
    }
    if (launcher != null) {
      // the launcher finds its own jar
    } else if (o.classpath() != null) {
      command.add("-cp");
      command.add(o.classpath());
      command.add(MAIN_CLASS);
    } else {
      command.add("-jar");
      command.add(o.jar().toString());
    }
    command.addAll(List.of("run", factory.toString(), "--rerun", "all",
        "--store", BenchFactories.INPUT_SERVICE + "=" + data.storeRoot().toUri(),
        "--store", BenchFactories.OUTPUT_SERVICE + "=" + out.toUri(),
        "--report", report.toString()));
    command.addAll(o.beamArgs());
    Files.writeString(log, String.join(" ", command) + "\n");
    sync();
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    if (launcher != null && !o.javaOpts().isEmpty()) {
      pb.environment().put("JAVA_OPTS", String.join(" ", o.javaOpts()));
    }
    ChildCpu cpu = ChildCpu.start();
    int exit = waitFor(pb.start());
    Timing timing = cpu.stop();
    double copyDuration = Double.NaN;
    if (Files.exists(report)) {
      Matcher m = Pattern.compile("\"copyDuration\"\\s*:\\s*([0-9.Ee+-]+)")
          .matcher(Files.readString(report));
      if (m.find()) {
        copyDuration = Double.parseDouble(m.group(1));
      }
    }
    return new AdfBeamRun(timing, copyDuration, exit, log);
  }

  /**
   * Runs the commands one after the other (the i-th one's standard output into the i-th file, if
   * given) and returns the wall-clock and CPU seconds they took together.
   */
  private static Timing timeSequence(List<List<String>> commands, List<Path> outputs)
      throws IOException {
    sync();
    ChildCpu cpu = ChildCpu.start();
    for (int i = 0; i < commands.size(); i++) {
      ProcessBuilder pb = new ProcessBuilder(commands.get(i))
          .redirectError(ProcessBuilder.Redirect.INHERIT);
      if (i < outputs.size()) {
        pb.redirectOutput(outputs.get(i).toFile());
      }
      int exit = waitFor(pb.start());
      if (exit != 0) {
        throw new IOException(String.join(" ", commands.get(i)) + " exited " + exit);
      }
    }
    return cpu.stop();
  }

  /** Flushes written data to disk so that the next timed step does not pay for the last one's. */
  private static void sync() throws IOException {
    try {
      waitFor(new ProcessBuilder("sync").start());
    } catch (IOException e) {
      // no sync command: nothing to flush with
    }
  }

  private static int waitFor(Process p) throws IOException {
    try {
      return p.waitFor();
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
