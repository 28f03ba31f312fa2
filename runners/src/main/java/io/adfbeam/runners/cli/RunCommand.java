package io.adfbeam.runners.cli;

import io.adfbeam.runners.run.ActivityRunReport;
import io.adfbeam.runners.run.CopyRunner;
import io.adfbeam.runners.run.RunReports;
import io.adfbeam.translator.bind.BoundRun;
import io.adfbeam.translator.bind.CopyBinder;
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
import org.apache.beam.sdk.options.PipelineOptionsFactory;
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

  @Option(names = "--report", paramLabel = "FILE",
      description = "Write the activity runs' copy output as one JSON document.")
  Path reportFile;

  @Unmatched List<String> beamArgs = new ArrayList<>();

  @ParentCommand AdfBeamCommand root;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    CheckedFactory checked = CheckedFactory.load(path, root, spec);
    Console console = checked.console;
    if (checked.hasErrors()) {
      console.err(checked.report.summary());
      return ExitCodes.INVALID_INPUT;
    }
    checked.requirePipeline(pipeline);
    Factory factory = checked.factory;
    SecretMasker masker = checked.masker;
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

    List<ActivityRunReport> reports = new CopyRunner(pipelineOptions())
        .run(bound.runs(), progressPrinter(console, bound.runs()));
    console.out(RunReports.table(reports));
    if (reportFile != null) {
      RunReports.write(reportFile, masker.mask(RunReports.json(reports)));
      console.err("report written to " + reportFile.toAbsolutePath());
    }
    return reports.stream().allMatch(ActivityRunReport::succeeded)
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

  /** Beam options from the pass-through arguments; the Direct runner by default. */
  private PipelineOptions pipelineOptions() {
    PipelineOptions options;
    try {
      options = PipelineOptionsFactory.fromArgs(beamArgs.toArray(String[]::new)).withValidation().create();
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("invalid Beam pipeline option: " + e.getMessage());
    }
    if (beamArgs.stream().noneMatch(a -> a.startsWith("--jobName"))) {
      // The user's --jobName passes through untouched, like every Beam option.
      options.setJobName("adf-beam-" + path.getFileName().toString().toLowerCase(Locale.ROOT)
          .replaceAll("[^a-z0-9-]", "-"));
    }
    if (options.getRunner().getSimpleName().equals("DirectRunner")) {
      // Return from run() at once so that progress can be shown while the job works.
      options.as(DirectOptions.class).setBlockOnRun(false);
    }
    if (options.getRunner().getSimpleName().equals("FlinkRunner")) {
      stageOwnJar(options.as(FlinkPipelineOptions.class));
    }
    return options;
  }

  /**
   * A Flink cluster elsewhere needs this program's classes: when the user names no
   * {@code --filesToStage}, the jar the command runs from (the shaded adf-beam.jar, which holds
   * everything) is staged, instead of the Flink runner's guess from the class path. Embedded
   * masters ({@code [local]}, {@code [auto]}, {@code [collection]}) need nothing staged.
   */
  static void stageOwnJar(FlinkPipelineOptions flink) {
    String master = flink.getFlinkMaster();
    boolean embedded = master == null || master.isBlank() || master.startsWith("[");
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
  private static CopyRunner.Progress progressPrinter(Console console, List<BoundRun> runs) {
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
