package io.adfbeam.runners.cli;

import io.adfbeam.translator.json.Diagnostic;
import io.adfbeam.translator.model.Factory;
import io.adfbeam.translator.plan.Plan;
import io.adfbeam.translator.plan.PlanRequest;
import io.adfbeam.translator.plan.Planner;
import io.adfbeam.translator.plan.SliceWindow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code adf-beam plan PATH [--pipeline NAME] [--window START/END] [--json]}: validates the
 * factory, then lists the activity runs of the window in the order they would run. Text goes to
 * standard output (see {@link PlanText}), or with {@code --json} one JSON document (see {@link
 * PlanJson}); diagnostics go to standard error.
 */
@Command(
    name = "plan",
    sortOptions = false,
    description = {
      "Validate a factory, then list the activity runs of a window.",
      "Lists the activity runs in the order they would run: each activity slice with the dataset"
          + " slices it reads and writes (folderPath and fileName resolved) and the runs it waits"
          + " for. Diagnostics go to standard error."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:planned (warnings allowed)",
      "1:internal failure",
      "2:invalid factory, unknown pipeline or bad window"
    })
final class PlanCommand implements Callable<Integer> {

  @Parameters(
      paramLabel = "PATH",
      description = "A resource JSON file, a v1 project folder, a folder in ADF's Git layout, or an"
          + " ARM template.")
  Path path;

  @Option(
      names = "--pipeline",
      paramLabel = "NAME",
      description = "Plan only this pipeline (name matched ignoring case). Default: all.")
  String pipeline;

  @Option(
      names = "--window",
      paramLabel = "START/END",
      converter = WindowConverter.class,
      description = "Plan the slices in this UTC window, e.g."
          + " 2014-06-01T18:00:00Z/2014-06-01T21:00:00Z. Default: each pipeline's start and end.")
  SliceWindow window;

  @Option(names = "--json", description = "Print one JSON document instead of text.")
  boolean json;

  @ParentCommand AdfBeamCommand root;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    CheckedFactory checked = CheckedFactory.load(path, root, spec);
    Console console = checked.console;
    List<Diagnostic> validation = checked.validation;
    if (checked.hasErrors()) {
      console.err(checked.report.summary());
      if (json) {
        console.out(PlanJson.render(List.of(), validation, checked.masker));
      }
      return ExitCodes.INVALID_INPUT;
    }
    checked.requirePipeline(pipeline);
    Factory factory = checked.factory;
    SecretMasker masker = checked.masker;

    Plan plan = Planner.plan(
        factory, new PlanRequest(Optional.ofNullable(pipeline), Optional.ofNullable(window)));
    for (Diagnostic diagnostic : plan.diagnostics()) {
      console.err(diagnostic.toString());
    }
    if (json) {
      List<Diagnostic> all = new ArrayList<>(validation);
      all.addAll(plan.diagnostics());
      all.sort(Diagnostic.ORDER);
      console.out(PlanJson.render(plan.runs(), all, masker));
    } else {
      console.out(PlanText.render(plan.runs()));
    }
    return plan.hasErrors() ? ExitCodes.INVALID_INPUT : ExitCodes.OK;
  }

  /** Parses {@code --window}; a bad one is a usage error (exit 2) with SliceWindow's message. */
  static final class WindowConverter implements CommandLine.ITypeConverter<SliceWindow> {
    @Override
    public SliceWindow convert(String value) {
      try {
        return SliceWindow.parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}
