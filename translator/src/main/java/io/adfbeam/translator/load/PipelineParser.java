package io.adfbeam.translator.load;

import io.adfbeam.translator.json.JsonValue;
import io.adfbeam.translator.json.JsonValue.JsonObject;
import io.adfbeam.translator.json.SourceLocation;
import io.adfbeam.translator.model.Activity;
import io.adfbeam.translator.model.Activity.ColumnMapping;
import io.adfbeam.translator.model.Activity.CopyBehavior;
import io.adfbeam.translator.model.Activity.CopySink;
import io.adfbeam.translator.model.Activity.CopySource;
import io.adfbeam.translator.model.Activity.RedirectIncompatibleRowSettings;
import io.adfbeam.translator.model.Activity.TabularTranslator;
import io.adfbeam.translator.model.ActivityPolicy;
import io.adfbeam.translator.model.AdfVersion;
import io.adfbeam.translator.model.Availability;
import io.adfbeam.translator.model.DatasetRef;
import io.adfbeam.translator.model.Pipeline;
import io.adfbeam.translator.model.Reference;
import io.adfbeam.translator.time.AdfDateTimes;
import io.adfbeam.translator.time.TimeSpans;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** Parses a pipeline's {@code properties} and its activities. */
final class PipelineParser {
  /** Members of a copy source or sink that have their own model fields. */
  private static final Set<String> MODELLED = Set.of("type", "recursive", "copybehavior", "storesettings");

  private PipelineParser() {}

  static Pipeline parse(String name, Props properties) {
    List<Activity> activities = new ArrayList<>();
    Optional<JsonValue.JsonArray> array = properties.array("activities");
    if (array.isEmpty() && !properties.has("activities")) {
      properties.diagnostics().error(properties.location(),
          "missing required property 'activities'; a pipeline holds a list of activities");
    }
    array.ifPresent(a -> {
      for (JsonValue item : a.items()) {
        if (item instanceof JsonObject o) {
          activity(new Props(o, properties.diagnostics())).ifPresent(activities::add);
        } else {
          properties.diagnostics().error(item.location(), "an activity must be an object, not " + item.kind());
        }
      }
    });
    boolean v2 = properties.has("parameters") || properties.has("variables")
        || activities.stream().anyMatch(act -> !act.dependsOn().isEmpty())
        || !properties.has("start") && !properties.has("end")
            && activities.stream().allMatch(act -> act.scheduler().isEmpty());
    return new Pipeline(
        name,
        v2 ? AdfVersion.V2 : AdfVersion.V1,
        properties.string("description"),
        properties.parsed("start", AdfDateTimes::parse),
        properties.parsed("end", AdfDateTimes::parse),
        properties.bool("isPaused").orElse(false),
        properties.enumValue("pipelineMode", Pipeline.PipelineMode.class, "pipelineMode")
            .orElse(Pipeline.PipelineMode.SCHEDULED),
        activities,
        ParameterParser.parameters(properties),
        properties.location());
  }

  private static Optional<Activity> activity(Props a) {
    Optional<String> name = a.requiredString("name", "");
    Optional<String> type = a.requiredString("type", "");
    if (name.isEmpty() || type.isEmpty()) {
      return Optional.empty();
    }
    List<DatasetRef> inputs = refs(a, "inputs");
    List<DatasetRef> outputs = refs(a, "outputs");
    Optional<Availability> scheduler = a.object("scheduler").flatMap(AvailabilityParser::parse);
    ActivityPolicy policy = a.object("policy").map(PipelineParser::policy).orElse(ActivityPolicy.DEFAULTS);
    List<Reference> dependsOn = dependsOn(a);
    String t = type.get().trim();
    if (!t.equalsIgnoreCase("Copy")) {
      String reason = t.equalsIgnoreCase("CopyActivity")
          ? "'CopyActivity' is the 2014 preview syntax of Copy, which adf-beam does not read;"
              + " use type 'Copy' with typeProperties.source and typeProperties.sink"
          : "activity type '" + t + "' is not run by adf-beam, which runs Copy activities";
      return Optional.of(new Activity.Unsupported(name.get().trim(), t, reason, inputs, outputs,
          scheduler, policy, dependsOn, a.location()));
    }
    Props tp = a.object("typeProperties").orElse(Props.empty(a.location(), a.diagnostics()));
    if (!a.has("typeProperties")) {
      a.diagnostics().error(a.location(),
          "missing required property 'typeProperties'; a Copy activity needs a source and a sink");
    }
    CopySource source = tp.object("source").map(PipelineParser::source)
        .orElseGet(() -> {
          if (!tp.has("source")) {
            tp.diagnostics().error(tp.location(), "missing required property 'source'; e.g."
                + " {\"type\": \"BlobSource\"}");
          }
          return new CopySource("", Optional.empty(), Map.of(), tp.location());
        });
    CopySink sink = tp.object("sink").map(PipelineParser::sink)
        .orElseGet(() -> {
          if (!tp.has("sink")) {
            tp.diagnostics().error(tp.location(), "missing required property 'sink'; e.g."
                + " {\"type\": \"BlobSink\"}");
          }
          return new CopySink("", Optional.empty(), Map.of(), tp.location());
        });
    Optional<TabularTranslator> translator = tp.object("translator").flatMap(PipelineParser::translator);
    Optional<RedirectIncompatibleRowSettings> redirect =
        tp.object("redirectIncompatibleRowSettings").map(r -> new RedirectIncompatibleRowSettings(
            r.string("linkedServiceName").map(n -> new Reference(n.trim(), r.at("linkedServiceName")))
                .or(() -> r.object("linkedServiceName").flatMap(o -> o.string("referenceName"))
                    .map(n -> new Reference(n.trim(), r.at("linkedServiceName"))))
                .orElseGet(() -> {
                  r.diagnostics().error(r.location(), "missing required property 'linkedServiceName';"
                      + " the store skipped rows are written to");
                  return new Reference("", r.location());
                }),
            r.string("path"), r.location()));
    OptionalInt parallelCopies = tp.integer("parallelCopies", 1, 256)
        .map(v -> OptionalInt.of(v.intValue())).orElse(OptionalInt.empty());
    return Optional.of(new Activity.CopyActivity(name.get().trim(), inputs, outputs, source, sink,
        translator, tp.bool("enableSkipIncompatibleRow").orElse(false), redirect, parallelCopies,
        scheduler, policy, dependsOn, a.location()));
  }

  private static List<DatasetRef> refs(Props a, String member) {
    List<DatasetRef> refs = new ArrayList<>();
    a.array(member).ifPresent(array -> {
      for (JsonValue item : array.items()) {
        if (item instanceof JsonValue.JsonString s) { // a bare dataset name
          refs.add(new DatasetRef(s.value().trim(), Optional.empty(), Optional.empty(), Map.of(), s.location()));
          continue;
        }
        if (!(item instanceof JsonObject o)) {
          a.diagnostics().error(item.location(), "an " + member + " entry must be an object such as"
              + " {\"name\": \"MyDataset\"}");
          continue;
        }
        Props r = new Props(o, a.diagnostics());
        Optional<String> name = r.string("name").or(() -> r.string("referenceName"));
        if (name.isEmpty()) {
          a.diagnostics().error(o.location(), "missing required property 'name' (v1) or"
              + " 'referenceName' (v2): the dataset this " + member.substring(0, member.length() - 1)
              + " refers to");
          continue;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        r.object("parameters").ifPresent(ps -> ps.json().members()
            .forEach(m -> parameters.put(m.name(), ParameterParser.text(m.value()))));
        refs.add(new DatasetRef(name.get().trim(), r.string("startTime"), r.string("endTime"),
            parameters, o.location()));
      }
    });
    return refs;
  }

  private static List<Reference> dependsOn(Props a) {
    List<Reference> deps = new ArrayList<>();
    a.array("dependsOn").ifPresent(array -> {
      for (JsonValue item : array.items()) {
        if (item instanceof JsonObject o) {
          new Props(o, a.diagnostics()).requiredString("activity", "")
              .ifPresent(n -> deps.add(new Reference(n.trim(), o.location())));
        } else {
          a.diagnostics().error(item.location(), "a dependsOn entry must be an object such as"
              + " {\"activity\": \"Previous\", \"dependencyConditions\": [\"Succeeded\"]}");
        }
      }
    });
    return deps;
  }

  private static ActivityPolicy policy(Props p) {
    ActivityPolicy d = ActivityPolicy.DEFAULTS;
    Optional<Duration> timeout = p.parsed("timeout", TimeSpans::parse).filter(t -> !t.isZero());
    return new ActivityPolicy(
        p.integer("concurrency", 1, 10).map(Long::intValue).orElse(d.concurrency()),
        p.enumValue("executionPriorityOrder", ActivityPolicy.ExecutionPriorityOrder.class,
            "executionPriorityOrder").orElse(d.executionPriorityOrder()),
        p.integer("retry", 0, 10).map(Long::intValue).orElse(d.retry()),
        timeout,
        p.parsed("delay", TimeSpans::parse).orElse(d.delay()),
        p.integer("longRetry", 0, 10).map(Long::intValue).orElse(d.longRetry()),
        p.parsed("longRetryInterval", TimeSpans::parse),
        Optional.of(p.location()));
  }

  private static CopySource source(Props s) {
    Optional<Props> store = s.object("storeSettings");
    Optional<Boolean> recursive = s.bool("recursive").or(() -> store.flatMap(st -> st.bool("recursive")));
    return new CopySource(typeOf(s), recursive, settings(s, store), s.location());
  }

  private static CopySink sink(Props s) {
    Optional<Props> store = s.object("storeSettings");
    Optional<CopyBehavior> behavior = s.has("copyBehavior")
        ? s.enumValue("copyBehavior", CopyBehavior.class, "copyBehavior")
        : store.flatMap(st -> st.enumValue("copyBehavior", CopyBehavior.class, "copyBehavior"));
    return new CopySink(typeOf(s), behavior, settings(s, store), s.location());
  }

  private static String typeOf(Props s) {
    Optional<String> type = s.requiredString("type", "");
    return type.map(String::trim).orElse("");
  }

  /** Settings the model has no field for, kept as text (v2 storeSettings flattened in). */
  private static Map<String, String> settings(Props s, Optional<Props> store) {
    Map<String, String> settings = new LinkedHashMap<>();
    store.ifPresent(st -> st.json().members().stream()
        .filter(m -> !MODELLED.contains(m.name().toLowerCase(java.util.Locale.ROOT)))
        .forEach(m -> settings.put(m.name(), ParameterParser.text(m.value()))));
    s.json().members().stream()
        .filter(m -> !MODELLED.contains(m.name().toLowerCase(java.util.Locale.ROOT)))
        .forEach(m -> settings.put(m.name(), ParameterParser.text(m.value())));
    return settings;
  }

  private static Optional<TabularTranslator> translator(Props t) {
    List<ColumnMapping> mappings = new ArrayList<>();
    Optional<String> columnMappings = t.string("columnMappings");
    if (columnMappings.isPresent()) {
      SourceLocation at = t.at("columnMappings");
      for (String pair : columnMappings.get().split(",")) {
        if (pair.isBlank()) {
          continue;
        }
        String[] parts = pair.split(":", -1);
        if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
          t.error("columnMappings", "malformed column mapping '" + pair.trim()
              + "'; expected 'SourceColumn: SinkColumn' pairs separated by commas");
          continue;
        }
        mappings.add(new ColumnMapping(parts[0].trim(), parts[1].trim(), at));
      }
    }
    t.array("mappings").ifPresent(array -> {
      for (JsonValue item : array.items()) {
        if (!(item instanceof JsonObject o)) {
          t.diagnostics().error(item.location(), "a mapping must be an object with 'source' and 'sink'");
          continue;
        }
        Props m = new Props(o, t.diagnostics());
        Optional<String> source = m.object("source").flatMap(x -> x.string("name").or(() -> x.string("path")));
        Optional<String> sink = m.object("sink").flatMap(x -> x.string("name").or(() -> x.string("path")));
        if (source.isEmpty() || sink.isEmpty()) {
          t.diagnostics().error(o.location(), "a mapping needs source.name and sink.name");
          continue;
        }
        mappings.add(new ColumnMapping(source.get().trim(), sink.get().trim(), o.location()));
      }
    });
    if (mappings.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new TabularTranslator(mappings, t.location()));
  }
}
