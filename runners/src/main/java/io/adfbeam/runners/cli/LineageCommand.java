package io.adfbeam.runners.cli;

import io.adfbeam.runners.ledger.Ledger;
import io.adfbeam.runners.run.RunReports;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code adf-beam lineage PATH [--html FILE] [--format mermaid|dot] [--pipeline NAME] [--state
 * DIR]}: datasets, activities and their links, like ADF's diagram view, coloured by the states in
 * the run ledger when there is one.
 */
@Command(name = "lineage", sortOptions = false,
    description = "Draw the factory's datasets and activities: a self-contained HTML page, or"
        + " Mermaid or Graphviz text on standard output.")
final class LineageCommand implements Callable<Integer> {
  @Parameters(paramLabel = "PATH", description = "The factory (as for run).")
  Path path;

  @Option(names = "--html", paramLabel = "FILE", description = "Write a self-contained HTML page.")
  Path html;

  @Option(names = "--format", paramLabel = "mermaid|dot",
      description = "Print the graph as Mermaid (default without --html) or Graphviz dot.")
  String format;

  @Option(names = "--pipeline", paramLabel = "NAME", description = "Only this pipeline.")
  String pipeline;

  @Option(names = "--state", paramLabel = "DIR",
      description = "The state folder. Default: PATH.adf-beam-state beside the factory.")
  Path stateFolder;

  @ParentCommand AdfBeamCommand root;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (format != null && !format.equals("mermaid") && !format.equals("dot")) {
      throw new InvalidInputException("--format must be mermaid or dot, not '" + format + "'");
    }
    CheckedFactory checked = CheckedFactory.load(path, root, spec);
    if (checked.hasErrors()) {
      checked.console.err(checked.report.summary());
      return ExitCodes.INVALID_INPUT;
    }
    checked.requirePipeline(pipeline);
    Lineage graph = Lineage.of(checked.factory, pipeline,
        Ledger.read(RunSession.stateFolder(path, stateFolder)));
    if (html != null) {
      RunReports.write(html, checked.masker.mask(graph.html("Lineage of "
          + path.toAbsolutePath().normalize().getFileName())));
      checked.console.err("lineage written to " + html.toAbsolutePath());
    }
    if (html == null || format != null) {
      checked.console.out("dot".equals(format) ? graph.dot() : graph.mermaid());
    }
    return ExitCodes.OK;
  }
}
