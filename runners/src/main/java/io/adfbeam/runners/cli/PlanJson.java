package io.adfbeam.runners.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.adfbeam.translator.json.Diagnostic;
import io.adfbeam.translator.plan.ActivityRun;
import io.adfbeam.translator.plan.ActivityRunId;
import io.adfbeam.translator.plan.ResolvedDataset;
import io.adfbeam.translator.time.AdfDateTimes;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A plan as one pretty-printed JSON document:
 *
 * <pre>{@code
 * {
 *   "activityRuns" : [ {
 *     "pipeline", "activity", "activityType", "supported",
 *     "sliceStart", "sliceEnd", "scheduledTime",
 *     "inputs" : [ { "dataset", "sliceStart", "sliceEnd", "folderPath", "fileName" } ],
 *     "outputs" : [ ... ],
 *     "dependsOn" : [ "pipeline/activity@2014-06-01T18:00:00Z" ]
 *   } ],
 *   "diagnostics" : [ { "severity", "file", "line", "column", "pointer", "message" } ]
 * }
 * }</pre>
 *
 * <p>Times are UTC, written like {@code 2014-06-01T18:00:00Z}; a folderPath or fileName the
 * dataset does not have is {@code null}; severity is {@code error} or {@code warning}. Every string
 * is masked by the {@link SecretMasker}.
 */
final class PlanJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private PlanJson() {}

  static String render(List<ActivityRun> runs, List<Diagnostic> diagnostics, SecretMasker masker) {
    Masked m = new Masked(masker);
    ObjectNode root = MAPPER.createObjectNode();
    ArrayNode runNodes = root.putArray("activityRuns");
    for (ActivityRun run : runs) {
      ObjectNode r = runNodes.addObject();
      r.put("pipeline", m.s(run.pipeline()));
      r.put("activity", m.s(run.activity()));
      r.put("activityType", m.s(run.activityType()));
      r.put("supported", run.supported());
      r.put("sliceStart", AdfDateTimes.format(run.slice().start()));
      r.put("sliceEnd", AdfDateTimes.format(run.slice().end()));
      r.put("scheduledTime", AdfDateTimes.format(run.scheduledTime()));
      datasets(r.putArray("inputs"), run.inputs(), m);
      datasets(r.putArray("outputs"), run.outputs(), m);
      ArrayNode dependsOn = r.putArray("dependsOn");
      for (ActivityRunId id : run.dependsOn()) {
        dependsOn.add(m.s(id.toString()));
      }
    }
    ArrayNode diagnosticNodes = root.putArray("diagnostics");
    for (Diagnostic d : diagnostics) {
      ObjectNode n = diagnosticNodes.addObject();
      n.put("severity", d.severity().name().toLowerCase(Locale.ROOT));
      n.put("file", m.s(d.location().file()));
      n.put("line", d.location().line());
      n.put("column", d.location().column());
      n.put("pointer", m.s(d.location().pointer()));
      n.put("message", m.s(d.message()));
    }
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void datasets(ArrayNode array, List<ResolvedDataset> datasets, Masked m) {
    for (ResolvedDataset dataset : datasets) {
      ObjectNode d = array.addObject();
      d.put("dataset", m.s(dataset.dataset()));
      d.put("sliceStart", AdfDateTimes.format(dataset.slice().start()));
      d.put("sliceEnd", AdfDateTimes.format(dataset.slice().end()));
      d.put("folderPath", m.s(dataset.folderPath()));
      d.put("fileName", m.s(dataset.fileName()));
    }
  }

  private record Masked(SecretMasker masker) {
    String s(String value) {
      return masker.mask(value);
    }

    String s(Optional<String> value) {
      return value.map(masker::mask).orElse(null);
    }
  }
}
