package io.adfbeam.runners.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adfbeam.runners.ledger.Ledger;
import io.adfbeam.runners.ledger.LedgerEntry;
import io.adfbeam.runners.ledger.RunState;
import io.adfbeam.translator.plan.ActivityRun;
import io.adfbeam.translator.plan.Plan;
import io.adfbeam.translator.plan.PlanRequest;
import io.adfbeam.translator.plan.Planner;
import io.adfbeam.translator.plan.SliceWindow;
import io.adfbeam.translator.time.AdfDateTimes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code adf-beam status PATH [--pipeline NAME] [--window START/END] [--state DIR] [--json]}: the
 * planned slices of each pipeline and activity with their state from the run ledger, like ADF's
 * monitoring grid, then the failed runs with their errors. Slices the ledger has never seen are
 * Waiting. Reads the ledger without locking it, so it works while a run is going.
 */
@Command(name = "status", sortOptions = false,
    description = "Show the activity runs' states from the run ledger, per pipeline and activity.")
final class StatusCommand implements Callable<Integer> {
  @Parameters(paramLabel = "PATH", description = "The factory (as for run).")
  Path path;

  @Option(names = "--pipeline", paramLabel = "NAME", description = "Only this pipeline.")
  String pipeline;

  @Option(names = "--window", paramLabel = "START/END", converter = PlanCommand.WindowConverter.class,
      description = "Only the slices in this UTC window. Default: each pipeline's active period.")
  SliceWindow window;

  @Option(names = "--state", paramLabel = "DIR",
      description = "The state folder. Default: PATH.adf-beam-state beside the factory.")
  Path stateFolder;

  @Option(names = "--json", description = "One JSON document instead of the text grid.")
  boolean json;

  @ParentCommand AdfBeamCommand root;

  @Spec CommandSpec spec;

  /** One row of the grid: a planned slice and its ledger entry (null: never run). */
  record Row(ActivityRun run, LedgerEntry entry) {
    String state() {
      return entry == null ? RunState.WAITING.adfName() : entry.state().adfName();
    }
  }

  @Override
  public Integer call() throws IOException {
    CheckedFactory checked = CheckedFactory.load(path, root, spec);
    if (checked.hasErrors()) {
      checked.console.err(checked.report.summary());
      return ExitCodes.INVALID_INPUT;
    }
    checked.requirePipeline(pipeline);
    Plan plan = Planner.plan(checked.factory,
        new PlanRequest(Optional.ofNullable(pipeline), Optional.ofNullable(window)));
    plan.diagnostics().forEach(d -> checked.console.err(d.toString()));
    Path state = RunSession.stateFolder(path, stateFolder);
    Map<String, LedgerEntry> ledger = Ledger.read(state);
    Map<String, Map<String, List<Row>>> grid = new TreeMap<>();
    for (ActivityRun run : plan.runs()) {
      grid.computeIfAbsent(run.pipeline(), k -> new TreeMap<>())
          .computeIfAbsent(run.activity(), k -> new ArrayList<>())
          .add(new Row(run, ledger.get(run.id().toString())));
    }
    grid.values().forEach(a -> a.values().forEach(rows ->
        rows.sort(java.util.Comparator.comparing(r -> r.run().slice().start()))));
    checked.console.out(json ? json(state, grid) : text(state, grid));
    return ExitCodes.OK;
  }

  static String text(Path state, Map<String, Map<String, List<Row>>> grid) {
    StringBuilder sb = new StringBuilder();
    String format = "    %-20s  %-10s  %-22s  %8s  %-24s  %s%n";
    List<Row> failed = new ArrayList<>();
    for (var p : grid.entrySet()) {
      sb.append("pipeline ").append(p.getKey()).append('\n');
      for (var a : p.getValue().entrySet()) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        a.getValue().forEach(r -> counts.merge(r.state(), 1, Integer::sum));
        StringBuilder summary = new StringBuilder();
        counts.forEach((s, n) -> summary.append(summary.length() == 0 ? "" : ", ").append(n).append(' ').append(s));
        sb.append("  activity ").append(a.getKey()).append(": ").append(summary).append('\n');
        sb.append(String.format(Locale.ROOT, format, "slice start", "state", "substate", "attempts",
            "started", "ended"));
        for (Row r : a.getValue()) {
          LedgerEntry e = r.entry();
          sb.append(String.format(Locale.ROOT, format, AdfDateTimes.format(r.run().slice().start()),
              r.state(), e == null || e.substate() == null ? "" : e.substate(),
              e == null ? "0" : String.valueOf(e.attempts()), e == null || e.start() == null ? "" : e.start(),
              e == null || e.end() == null ? "" : e.end()));
          if (e != null && (e.state().unsuccessful() || !e.errors().isEmpty() && !e.state().finished())) {
            failed.add(r);
          }
        }
      }
    }
    if (!failed.isEmpty()) {
      sb.append("errors:\n");
      for (Row r : failed) {
        for (String error : r.entry().errors()) {
          sb.append("  ").append(r.run().id()).append(" ").append(r.state()).append(": ").append(error).append('\n');
        }
      }
    }
    sb.append("ledger: ").append(state.toAbsolutePath());
    return sb.toString();
  }

  static String json(Path state, Map<String, Map<String, List<Row>>> grid) throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("stateFolder", state.toAbsolutePath().toString());
    ArrayNode pipelines = root.putArray("pipelines");
    for (var p : grid.entrySet()) {
      ObjectNode po = pipelines.addObject();
      po.put("name", p.getKey());
      ArrayNode activities = po.putArray("activities");
      for (var a : p.getValue().entrySet()) {
        ObjectNode ao = activities.addObject();
        ao.put("name", a.getKey());
        ArrayNode slices = ao.putArray("slices");
        for (Row r : a.getValue()) {
          ObjectNode so = slices.addObject();
          LedgerEntry e = r.entry();
          so.put("sliceStart", AdfDateTimes.format(r.run().slice().start()));
          so.put("sliceEnd", AdfDateTimes.format(r.run().slice().end()));
          so.put("state", r.state());
          if (e != null) {
            so.put("substate", e.substate());
            so.put("attempts", e.attempts());
            so.put("start", e.start());
            so.put("end", e.end());
            ArrayNode errors = so.putArray("errors");
            e.errors().forEach(errors::add);
            if (e.output() != null) {
              so.set("output", mapper.valueToTree(e.output()));
            }
          } else {
            so.put("attempts", 0);
          }
        }
      }
    }
    return mapper.writeValueAsString(root);
  }
}
