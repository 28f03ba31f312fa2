package io.adfbeam.runners.cli;

import io.adfbeam.runners.run.ActivityRunReport;
import io.adfbeam.runners.run.CopyJob;
import io.adfbeam.runners.run.Orchestrator;
import io.adfbeam.runners.run.RunReports;
import io.adfbeam.transforms.copy.StoreFiles;
import io.adfbeam.translator.bind.BoundRun;
import io.adfbeam.translator.bind.CopyBinder;
import io.adfbeam.translator.bind.SecretValues;
import io.adfbeam.translator.bind.StoreConnections;
import io.adfbeam.translator.bind.StoreMapping;
import io.adfbeam.translator.json.Diagnostic;
import io.adfbeam.translator.model.Factory;
import io.adfbeam.translator.plan.ActivityRun;
import io.adfbeam.translator.plan.Plan;
import io.adfbeam.translator.plan.PlanRequest;
import io.adfbeam.translator.plan.Planner;
import io.adfbeam.translator.plan.SliceWindow;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.sdk.options.PipelineOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code adf-beam run PATH [--pipeline NAME] [--window START/END] [--store LS=URI ...]
 * [--stores FILE] [--report FILE] [Beam options]}: validates and plans the factory, then copies
 * the planned Copy activity runs on a Beam runner (the Direct runner unless {@code --runner=...}
 * says otherwise). Beam options pass through untouched.
 */
@Command(
    name = "run",
    sortOptions = false,
    description = {
      "Run the Copy activities of a factory on Apache Beam.",
      "Plans the window's activity runs, then copies them, the runs of a wave as one Beam job."
          + " Every option this command does not know is a Beam pipeline option"
          + " (--runner=FlinkRunner, --targetParallelism=4, ...)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every activity run succeeded",
      "1:an activity run failed (see the report), or an internal failure",
      "2:invalid factory, store mapping, pipeline or window"
    })
final class RunCommand implements Callable<Integer> {

  @Parameters(paramLabel = "PATH",
      description = "A resource JSON file, a v1 project folder, a folder in ADF's Git layout, or an"
          + " ARM template.")
  Path path;

  @Option(names = "--pipeline", paramLabel = "NAME",
      description = "Run only this pipeline (name matched ignoring case). Default: all.")
  String pipeline;

  @Option(names = "--window", paramLabel = "START/END",
      converter = PlanCommand.WindowConverter.class,
      description = "Run the slices in this UTC window. Default: each pipeline's start and end.")
  SliceWindow window;

  @Option(names = "--store", paramLabel = "LINKEDSERVICE=URI",
      description = "Map a linked service to another store root, e.g."
          + " AzureStorageLinkedService=file:///tmp/blob (repeatable). For Blob storage the"
          + " container is the first segment of folderPath.")
  List<String> stores = new ArrayList<>();

  @Option(names = "--stores", paramLabel = "FILE",
      description = "A file of LINKEDSERVICE=URI lines (# comments allowed), for many mappings.")
  Path storesFile;

  @Option(names = "--secret", paramLabel = "NAME=env:VAR|file:PATH",
      description = "A credential from an environment variable or a file (repeatable). NAME is"
          + " LINKEDSERVICE.PROPERTY (accountKey, sasToken, connectionString, sasUri,"
          + " servicePrincipalKey), which replaces that credential of the linked service, or the"
          + " secretName of an AzureKeyVaultSecret reference. Values are masked in all output.")
  List<String> secrets = new ArrayList<>();

  @Option(names = "--report", paramLabel = "FILE",
      description = "Write the activity runs' copy output as one JSON document.")
  Path reportFile;

  @Option(names = "--state", paramLabel = "DIR",
      description = "The state folder holding the run ledger. Default: PATH.adf-beam-state beside"
          + " the factory.")
  Path stateFolder;

  @Option(names = "--rerun", paramLabel = "all|failed",
      description = "all: run every run of the window again, Ready ones too. failed: run only the"
          + " runs the ledger has as Failed, TimedOut or Skipped. Default: every run not Ready.")
  String rerun;

  @Option(names = "--slices-per-job", paramLabel = "N",
      description = "At most N ready slices of an activity per Beam job (default: "
          + Orchestrator.RUNS_PER_JOB + "); the job keeps the activity's policy concurrency.")
  int slicesPerJob;

  @Unmatched List<String> beamArgs = new ArrayList<>();

  @ParentCommand AdfBeamCommand root;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    warmUpBeamOptions(beamArgs);
    CheckedFactory checked = CheckedFactory.load(path, root, spec);
    if (checked.hasErrors()) {
      checked.console.err(checked.report.summary());
      return ExitCodes.INVALID_INPUT;
    }
    checked.requirePipeline(pipeline);
    Factory factory = checked.factory;
    SecretValues secretValues = secretValues();
    SecretMasker givenMasker = checked.masker.withSecrets(secretValues.values());
    root.useMasker(givenMasker);
    Console console = checked.console.maskingWith(givenMasker);
    Plan plan = Planner.plan(factory,
        new PlanRequest(Optional.ofNullable(pipeline), Optional.ofNullable(window)));
    plan.diagnostics().forEach(d -> console.err(d.toString()));
    if (plan.hasErrors()) {
      return ExitCodes.INVALID_INPUT;
    }
    List<ActivityRun> copies = new ArrayList<>();
    for (ActivityRun run : plan.runs()) {
      if (run.supported()) {
        copies.add(run);
      } else {
        console.err("not run: " + run.id() + " (activity type " + run.activityType()
            + " is not run by adf-beam)");
      }
    }
    StoreMapping mapping = storeMapping();
    CopyBinder.Result bound = CopyBinder.bind(factory, copies, mapping);
    bound.diagnostics().forEach(d -> console.err(d.toString()));
    if (bound.diagnostics().stream().anyMatch(Diagnostic::isError)) {
      return ExitCodes.INVALID_INPUT;
    }
    if (bound.runs().isEmpty()) {
      console.out("no Copy activity runs in the window; nothing to copy");
      return ExitCodes.OK;
    }

    StoreConnections.Result connections;
    try {
      connections = StoreConnections.connect(factory, bound.runs(), mapping, secretValues);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(givenMasker.mask(e.getMessage()));
    }
    SecretMasker masker = givenMasker.withSecrets(connections.secrets());
    root.useMasker(masker);
    Console runConsole = console.maskingWith(masker);
    PipelineOptions options = pipelineOptions();
    connections.settings().applyTo(options);

    List<ActivityRunReport> reports;
    try {
      reports = RunSession.run(factory, RunSession.stateFolder(path, stateFolder),
          rerun, slicesPerJob, bound.runs(), Orchestrator.beam(options),
          progressPrinter(runConsole, bound.runs()), runConsole);
    } finally {
      deleteFlinkScratch();
    }
    reports = reports.stream().map(r -> withLinkedServices(r, connections)).toList();
    runConsole.out(RunReports.table(reports));
    if (reportFile != null) {
      RunReports.write(reportFile, masker.mask(RunReports.json(reports)));
      runConsole.err("report written to " + reportFile.toAbsolutePath());
    }
    return reports.stream().allMatch(r -> r.succeeded() || r.status().equals("Waiting"))
        ? ExitCodes.OK : ExitCodes.INTERNAL_ERROR;
  }

  private StoreMapping storeMapping() throws IOException {
    try {
      List<String> entries = new ArrayList<>();
      if (storesFile != null) {
        entries.addAll(StoreMapping.readFile(storesFile));
      }
      entries.addAll(stores);
      return StoreMapping.parse(entries);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new InvalidInputException("no such --stores file: " + e.getFile());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(e.getMessage());
    }
  }

  /**
   * The report with each error that names a path on a mapped store also naming the store's linked
   * service, so that "authentication failed" says whose credentials failed.
   */
  private static ActivityRunReport withLinkedServices(ActivityRunReport r,
      StoreConnections.Result connections) {
    if (r.errors().isEmpty()) {
      return r;
    }
    List<String> errors = new ArrayList<>();
    for (String error : r.errors()) {
      String annotated = error;
      for (Map.Entry<String, String> e : connections.linkedServiceByRoot().entrySet()) {
        String root = e.getKey();
        String bare = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
        boolean mentions = error.contains(bare) || root.startsWith("abfs")
            && error.contains(bare.substring(bare.indexOf("://") + 3));
        if (mentions && !annotated.contains("linked service '" + e.getValue() + "'")) {
          annotated = "linked service '" + e.getValue() + "': " + annotated;
        }
      }
      errors.add(annotated);
    }
    return new ActivityRunReport(r.pipeline(), r.activity(), r.sliceStart(), r.sliceEnd(),
        r.status(), r.dataRead(), r.dataWritten(), r.filesRead(), r.filesWritten(), r.rowsRead(),
        r.rowsCopied(), r.rowsSkipped(), r.redirectRowPath(), r.copyDuration(), r.throughput(),
        r.outputs(), errors);
  }

  /** The {@code --secret} values, read from the environment and files. */
  private SecretValues secretValues() {
    Map<String, String> values = new java.util.LinkedHashMap<>();
    for (String entry : secrets) {
      int eq = entry.indexOf('=');
      String name = eq > 0 ? entry.substring(0, eq).trim() : "";
      String ref = eq > 0 ? entry.substring(eq + 1).trim() : "";
      if (name.isEmpty() || !(ref.startsWith("env:") || ref.startsWith("file:"))) {
        throw new InvalidInputException("malformed --secret '" + (eq > 0 ? name + "=..." : "...")
            + "'; expected NAME=env:VARIABLE or NAME=file:PATH (a value itself is not accepted on"
            + " the command line, where other users of the machine can see it)");
      }
      String value;
      if (ref.startsWith("env:")) {
        value = System.getenv(ref.substring(4));
        if (value == null) {
          throw new InvalidInputException("--secret " + name + ": the environment variable "
              + ref.substring(4) + " is not set");
        }
      } else {
        Path file = Path.of(ref.substring(5));
        try {
          value = java.nio.file.Files.readString(file).strip();
        } catch (IOException e) {
          throw new InvalidInputException("--secret " + name + ": cannot read the file " + file
              + " (" + e.getClass().getSimpleName() + ")");
        }
      }
      values.put(name, value);
    }
    return SecretValues.of(values);
  }

  private static final java.util.concurrent.atomic.AtomicBoolean WARMING_UP =
      new java.util.concurrent.atomic.AtomicBoolean();

  /**
   * Starts Beam's registry of pipeline options on another thread while this one parses the
   * command line and loads, checks and plans the factory. The registry finds and checks the
   * options interfaces of the jar's modules (runners, file systems), most of a second of
   * reflection on the first use; started at once it overlaps the factory's own work on a second
   * core instead of following it, and it registers only what a run with {@code args} can use
   * ({@link BeamOptionsRegistry}). Nothing is parsed: {@link #pipelineOptions()} still reads the
   * arguments and reports their errors. Called from {@code main} when the command is {@code run},
   * and again (doing nothing the second time) when the command starts.
   */
  static void warmUpBeamOptions(List<String> args) {
    if (WARMING_UP.compareAndSet(false, true)) {
      BeamOptionsRegistry.buildInBackground(args);
    }
  }

  /** Whether the pass-through arguments set Beam option {@code name} ({@code --name} or {@code --name=...}). */
  static boolean given(List<String> args, String name) {
    return args.stream().anyMatch(a -> a.equals("--" + name) || a.startsWith("--" + name + "="));
  }

  /** Beam options from the pass-through arguments; the Direct runner by default. */
  private PipelineOptions pipelineOptions() throws IOException {
    PipelineOptions options;
    try {
      options = BeamOptionsRegistry.parse(beamArgs);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("invalid Beam pipeline option: " + e.getMessage());
    }
    if (!given(beamArgs, "jobName")) {
      // The user's --jobName passes through untouched, like every Beam option.
      options.setJobName("adf-beam-" + path.getFileName().toString().toLowerCase(Locale.ROOT)
          .replaceAll("[^a-z0-9-]", "-"));
    }
    if (options.getRunner().getSimpleName().equals("DirectRunner")) {
      directDefaults(options.as(DirectOptions.class), beamArgs);
    }
    if (options.getRunner().getSimpleName().equals("FlinkRunner")) {
      FlinkPipelineOptions flink = options.as(FlinkPipelineOptions.class);
      stageOwnJar(flink);
      flinkDefaults(flink, beamArgs);
      flinkScratch = embeddedFlinkScratch(flink, beamArgs);
    }
    return options;
  }

  /** Direct runner settings a copy wants when the user gives none. */
  static void directDefaults(DirectOptions direct, List<String> args) {
    // Return from run() at once so that progress can be shown while the job works.
    direct.setBlockOnRun(false);
    // The Direct runner's checks that user code neither mutates nor fails to encode elements
    // clone every element through its coder at every step. The copy's elements are immutable
    // records with tested coders, so the checks only cost time; a user's flag still wins.
    if (!given(args, "enforceImmutability")) {
      direct.setEnforceImmutability(false);
    }
    if (!given(args, "enforceEncodability")) {
      direct.setEnforceEncodability(false);
    }
    if (!given(args, "targetParallelism")) {
      direct.setTargetParallelism(directParallelism());
    }
  }

  /**
   * The Direct runner's worker threads when the user gives none: one per core (at least two).
   * The runner's own default is at least three, and its scheduler loop runs on a worker thread
   * whenever one is free of bundles, busy-polling for work. With more threads than cores that
   * loop takes a core's share from the copies, which are CPU-bound (Beam's issue 18070): on 2
   * cores the benchmark's GZip-to-CSV copy of 8 files took 4.7 to 5.1 s with 3 threads and 4.1
   * to 4.9 s with 2. A copy's slots take their files from a shared queue, so fewer threads leave
   * no file waiting behind a slot.
   */
  static int directParallelism() {
    return Math.max(2, Runtime.getRuntime().availableProcessors());
  }

  /**
   * Flink settings a copy wants when the user gives none. An embedded Flink gets one task slot
   * per core: without {@code --parallelism} the runner's local environment ran the copy on one
   * slot, half of a 2-core machine. {@code --fasterCopy}: the copy's elements are immutable
   * records that no step changes, so Flink's deep copy of each element between chained
   * operators is pure cost (the runner itself warns that it should be set).
   */
  static void flinkDefaults(FlinkPipelineOptions flink, List<String> args) {
    boolean embedded = embedded(flink);
    if (embedded && !given(args, "parallelism")) {
      flink.setParallelism(Runtime.getRuntime().availableProcessors());
    }
    if (!given(args, "fasterCopy")) {
      flink.setFasterCopy(true);
    }
  }

  /** Whether Flink runs inside this process: no master, {@code [local]}, {@code [auto]}, {@code [collection]}. */
  private static boolean embedded(FlinkPipelineOptions flink) {
    String master = flink.getFlinkMaster();
    return master == null || master.isBlank() || master.startsWith("[");
  }

  /** The folder an embedded Flink keeps its files in during this run, or null. */
  private Path flinkScratch;

  /**
   * For an embedded Flink without the user's {@code --flinkConfDir}: a folder of this run's own,
   * holding a Flink configuration whose {@code io.tmp.dirs} and {@code web.tmpdir} are inside it,
   * which {@link #deleteFlinkScratch} removes when the run ends. Flink extracts its RPC system (a
   * 22 MB jar) and keeps its blobs in {@code io.tmp.dirs}, {@code java.io.tmpdir} by default, and
   * left the jar there after every run (hourly runs would fill the temporary folder), and a
   * {@code flink-web-upload} folder beside it. Returns the folder,
   * or null when nothing was set.
   */
  static Path embeddedFlinkScratch(FlinkPipelineOptions flink, List<String> args) throws IOException {
    boolean embedded = embedded(flink);
    if (!embedded || given(args, "flinkConfDir")) {
      return null;
    }
    Path scratch = java.nio.file.Files.createTempDirectory("adf-beam-flink-");
    Path tmp = java.nio.file.Files.createDirectory(scratch.resolve("tmp"));
    // Flink 1.19 reads the legacy flink-conf.yaml (key: value) when there is no config.yaml.
    java.nio.file.Files.writeString(scratch.resolve("flink-conf.yaml"),
        "io.tmp.dirs: " + tmp.toAbsolutePath() + "\n" + "web.tmpdir: " + tmp.toAbsolutePath() + "\n");
    flink.setFlinkConfDir(scratch.toString());
    Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(scratch),
        "adf-beam-flink-scratch"));
    return scratch;
  }

  private void deleteFlinkScratch() {
    if (flinkScratch != null) {
      deleteTree(flinkScratch);
    }
  }

  /** Deletes a local folder and what it holds, as far as it can (a temporary folder's cleanup). */
  private static void deleteTree(Path folder) {
    try {
      StoreFiles.deleteTree(folder.toAbsolutePath().toString());
    } catch (IOException e) {
      // what is left is in the system's temporary folder
    }
  }

  /**
   * A Flink cluster elsewhere needs this program's classes: when the user names no
   * {@code --filesToStage}, the jar the command runs from (the shaded adf-beam.jar, which holds
   * everything) is staged, instead of the Flink runner's guess from the class path. Embedded
   * masters ({@code [local]}, {@code [auto]}, {@code [collection]}) need nothing staged.
   */
  static void stageOwnJar(FlinkPipelineOptions flink) {
    boolean embedded = embedded(flink);
    if (embedded || flink.getFilesToStage() != null) {
      return;
    }
    ownJar().ifPresent(jar -> flink.setFilesToStage(List.of(jar.toString())));
  }

  /** The jar holding this class, when it runs from one (not from a classes folder). */
  static Optional<Path> ownJar() {
    try {
      var source = RunCommand.class.getProtectionDomain().getCodeSource();
      if (source == null || source.getLocation() == null) {
        return Optional.empty();
      }
      Path location = Path.of(source.getLocation().toURI());
      return java.nio.file.Files.isRegularFile(location)
          && location.getFileName().toString().endsWith(".jar")
          ? Optional.of(location.toAbsolutePath()) : Optional.empty();
    } catch (java.net.URISyntaxException | SecurityException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** A progress line per activity on standard error, when its counts change. */
  private static CopyJob.Progress progressPrinter(Console console, List<BoundRun> runs) {
    Map<String, String> activityOf = new HashMap<>();
    runs.forEach(r -> activityOf.put(r.task().runId(), r.run().pipeline() + "/" + r.run().activity()));
    Map<String, String> last = new HashMap<>();
    long started = System.nanoTime();
    return counts -> {
      Map<String, long[]> byActivity = new java.util.TreeMap<>();
      counts.forEach((runId, c) -> {
        long[] a = byActivity.computeIfAbsent(activityOf.getOrDefault(runId, runId), k -> new long[4]);
        a[0] += c.filesRead();
        a[1] += c.filesTotal();
        a[2] += c.dataRead();
        a[3] += c.bytesTotal();
      });
      double seconds = Math.max(0.001, (System.nanoTime() - started) / 1e9);
      byActivity.forEach((activity, a) -> {
        String line = String.format(Locale.ROOT, "%s: %d/%d files, %s of %s, %s/s", activity, a[0],
            a[1], RunReports.formatBytes(a[2]), RunReports.formatBytes(a[3]),
            RunReports.formatBytes((long) (a[2] / seconds)));
        String key = a[0] + "/" + a[2];
        if (!key.equals(last.put(activity, key))) {
          console.err(line);
        }
      });
    };
  }

}
