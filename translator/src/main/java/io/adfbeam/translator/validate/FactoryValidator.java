package io.adfbeam.translator.validate;

import io.adfbeam.translator.json.Diagnostic;
import io.adfbeam.translator.json.Diagnostics;
import io.adfbeam.translator.model.Activity;
import io.adfbeam.translator.model.Availability;
import io.adfbeam.translator.model.Column;
import io.adfbeam.translator.model.Dataset;
import io.adfbeam.translator.model.DatasetRef;
import io.adfbeam.translator.model.Factory;
import io.adfbeam.translator.model.LinkedService;
import io.adfbeam.translator.model.Partition;
import io.adfbeam.translator.model.Pipeline;
import io.adfbeam.translator.model.Reference;
import io.adfbeam.translator.model.Resource;
import io.adfbeam.translator.time.DotNetDateFormat;
import io.adfbeam.translator.time.V1Expressions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a loaded factory as a whole: references, duplicate names, schedules, cycles, and the
 * values whose meaning needs more than one resource. Returns the loader's diagnostics together
 * with its own, every problem at once, in file order. (Problems inside one resource's JSON, such
 * as an unknown compression type, are found by the loader where the JSON is at hand.)
 */
public final class FactoryValidator {
  /** Which linked service types each file dataset type can live in. */
  private static final Map<String, Set<String>> STORES = Map.of(
      "azureblob", Set.of("azurestorage", "azureblobstorage", "azurestoragesas"),
      "azuredatalakestore", Set.of("azuredatalakestore"),
      "fileshare", Set.of("onpremisesfileserver", "fileserver"));
  private static final String FILE_DATASETS = "AzureBlob, AzureDataLakeStore and FileShare (v1);"
      + " DelimitedText, Json, Avro, Orc, Parquet and Binary (v2)";

  private final Factory factory;
  private final Diagnostics d = new Diagnostics();

  private FactoryValidator(Factory factory) {
    this.factory = factory;
  }

  public static List<Diagnostic> validate(Factory factory) {
    FactoryValidator v = new FactoryValidator(factory);
    v.d.addAll(factory.diagnostics());
    v.duplicates("linked service", factory.linkedServices());
    v.duplicates("dataset", factory.datasets());
    v.duplicates("pipeline", factory.pipelines());
    v.duplicates("trigger", factory.triggers());
    factory.datasets().forEach(v::dataset);
    factory.pipelines().forEach(v::pipeline);
    v.cycles();
    return v.d.sorted();
  }

  private void duplicates(String kind, List<? extends Resource> resources) {
    Map<String, Resource> first = new HashMap<>();
    for (Resource r : resources) {
      Resource earlier = first.putIfAbsent(r.name().toLowerCase(Locale.ROOT), r);
      if (earlier != null) {
        d.error(r.location(), "duplicate " + kind + " name '" + r.name() + "' (names are not case"
            + " sensitive); also defined at " + earlier.location());
      }
    }
  }

  private void dataset(Dataset dataset) {
    Reference ls = dataset.linkedService();
    if (ls.name().isEmpty()) {
      return; // reported by the loader
    }
    Optional<LinkedService> linked = factory.linkedService(ls.name());
    if (linked.isEmpty()) {
      d.error(ls.location(), "dataset '" + dataset.name() + "' refers to linked service '"
          + ls.name() + "', which is not defined" + known(factory.linkedServices()));
      return;
    }
    if (dataset instanceof Dataset.FileDataset file) {
      Set<String> allowed = STORES.get(file.type().toLowerCase(Locale.ROOT));
      String lsType = linked.get().type().toLowerCase(Locale.ROOT);
      if (allowed != null && !allowed.contains(lsType)) {
        d.error(ls.location(), withArticle(file.type()) + " dataset cannot live in linked service '"
            + ls.name() + "' of type " + linked.get().type() + "; expected a linked service of type "
            + String.join(" or ", allowed.stream().sorted().map(FactoryValidator::display).toList()));
      }
      for (Partition p : file.partitionedBy()) {
        if (!p.format().isEmpty()) {
          DotNetDateFormat.problem(p.format()).ifPresent(problem ->
              d.error(p.location(), "partitionedBy '" + p.name() + "' has an invalid format: " + problem));
        }
      }
    }
  }

  private static String withArticle(String word) {
    return (!word.isEmpty() && "AEIOUaeiou".indexOf(word.charAt(0)) >= 0 ? "an " : "a ") + word;
  }

  private static String display(String lower) {
    return switch (lower) {
      case "azurestorage" -> "AzureStorage";
      case "azureblobstorage" -> "AzureBlobStorage";
      case "azurestoragesas" -> "AzureStorageSas";
      case "azuredatalakestore" -> "AzureDataLakeStore";
      case "onpremisesfileserver" -> "OnPremisesFileServer";
      case "fileserver" -> "FileServer";
      default -> lower;
    };
  }

  private void pipeline(Pipeline pipeline) {
    Map<String, Activity> names = new HashMap<>();
    for (Activity a : pipeline.activities()) {
      Activity earlier = names.putIfAbsent(a.name().toLowerCase(Locale.ROOT), a);
      if (earlier != null) {
        d.error(a.location(), "duplicate activity name '" + a.name() + "' in pipeline '"
            + pipeline.name() + "'; also at " + earlier.location());
      }
    }
    for (Activity a : pipeline.activities()) {
      refs(pipeline, a, a.inputs(), "input");
      refs(pipeline, a, a.outputs(), "output");
      for (Reference dep : a.dependsOn()) {
        if (pipeline.activity(dep.name()).isEmpty()) {
          d.error(dep.location(), "activity '" + a.name() + "' depends on activity '" + dep.name()
              + "', which pipeline '" + pipeline.name() + "' does not have");
        }
      }
      scheduler(a);
      if (a instanceof Activity.Unsupported u) {
        d.warning(a.location(), u.reason() + "; it is kept for planning but will not run");
      } else if (a instanceof Activity.CopyActivity copy) {
        copy(copy);
      }
    }
  }

  private void refs(Pipeline pipeline, Activity a, List<DatasetRef> refs, String role) {
    for (DatasetRef ref : refs) {
      if (factory.dataset(ref.name()).isEmpty()) {
        d.error(ref.location(), "activity '" + a.name() + "' of pipeline '" + pipeline.name()
            + "' has " + role + " dataset '" + ref.name() + "', which is not defined"
            + known(factory.datasets()));
      }
      for (Optional<String> time : List.of(ref.startTime(), ref.endTime())) {
        time.flatMap(V1Expressions::problem).ifPresent(problem -> d.error(ref.location(),
            "invalid dependency window expression '" + time.get() + "': " + problem));
      }
    }
  }

  private void scheduler(Activity a) {
    if (a.scheduler().isEmpty() || a.outputs().isEmpty()) {
      return;
    }
    Availability scheduler = a.scheduler().get();
    Optional<Availability> output = factory.dataset(a.outputs().get(0).name()).flatMap(Dataset::availability);
    if (output.isPresent() && !scheduler.sameScheduleAs(output.get())) {
      d.error(scheduler.location(), "activity '" + a.name() + "' has scheduler "
          + scheduler.describe() + " but its output dataset '" + a.outputs().get(0).name()
          + "' has availability " + output.get().describe()
          + "; an activity's scheduler must equal its output dataset's availability");
    }
  }

  private void copy(Activity.CopyActivity copy) {
    if (copy.inputs().isEmpty() || copy.outputs().size() != 1) {
      d.error(copy.location(), "Copy activity '" + copy.name() + "' has " + copy.inputs().size()
          + " inputs and " + copy.outputs().size() + " outputs; a Copy activity must have one"
          + " output dataset and at least one input (the first is copied, further inputs only"
          + " make it wait for their slices)");
    }
    for (DatasetRef ref : concat(copy.inputs().stream().limit(1).toList(), copy.outputs())) {
      factory.dataset(ref.name()).ifPresent(ds -> {
        if (ds instanceof Dataset.Unsupported) {
          d.error(ref.location(), "Copy activity '" + copy.name() + "' uses dataset '" + ds.name()
              + "' of type " + (ds.type().isEmpty() ? "(none)" : ds.type())
              + ", which adf-beam does not copy; it copies file datasets: " + FILE_DATASETS);
        } else {
          factory.linkedService(ds.linkedService().name())
              .filter(ls -> ls instanceof LinkedService.Unsupported)
              .ifPresent(ls -> d.error(ref.location(), "Copy activity '" + copy.name()
                  + "' uses dataset '" + ds.name() + "' in linked service '" + ls.name()
                  + "' of type " + ls.type() + ", which adf-beam does not support; supported:"
                  + " AzureStorage, AzureBlobStorage, AzureDataLakeStore, AzureBlobFS,"
                  + " OnPremisesFileServer, FileServer, Hdfs"));
        }
      });
    }
    copy.translator().ifPresent(t -> columnMappings(copy, t));
    copy.redirectIncompatibleRowSettings().map(r -> r.linkedService())
        .filter(ls -> !ls.name().isEmpty() && factory.linkedService(ls.name()).isEmpty())
        .ifPresent(ls -> d.error(ls.location(), "redirectIncompatibleRowSettings refers to linked"
            + " service '" + ls.name() + "', which is not defined" + known(factory.linkedServices())));
  }

  /**
   * A TabularTranslator's mappings against the datasets' structures: every sink column mapped
   * once (all source columns to all sink columns, or a subset of the source to all of the sink),
   * no column mapped twice, and no mapping naming a column the structure lacks. Names match
   * ignoring case.
   */
  private void columnMappings(Activity.CopyActivity copy, Activity.TabularTranslator translator) {
    List<Column> source = copy.inputs().isEmpty() ? List.of()
        : factory.dataset(copy.inputs().get(0).name()).map(Dataset::structure).orElse(List.of());
    Optional<Dataset> sinkDataset = copy.outputs().isEmpty() ? Optional.empty()
        : factory.dataset(copy.outputs().get(0).name());
    List<Column> sink = sinkDataset.map(Dataset::structure).orElse(List.of());
    Set<String> sources = new HashSet<>();
    Set<String> sinks = new HashSet<>();
    for (Activity.ColumnMapping m : translator.mappings()) {
      if (!sources.add(m.source().toLowerCase(Locale.ROOT))) {
        d.error(m.location(), "column '" + m.source() + "' is mapped more than once; map each"
            + " source column to one sink column");
      }
      if (!sinks.add(m.sink().toLowerCase(Locale.ROOT))) {
        d.error(m.location(), "sink column '" + m.sink() + "' is the target of more than one"
            + " mapping; map each sink column once");
      }
      if (!source.isEmpty() && source.stream().noneMatch(c -> c.name().equalsIgnoreCase(m.source()))) {
        d.error(m.location(), "column mapping '" + m.source() + ": " + m.sink() + "' names source"
            + " column '" + m.source() + "', which the structure of dataset '"
            + copy.inputs().get(0).name() + "' does not have; its columns: " + names(source));
      }
      if (!sink.isEmpty() && sink.stream().noneMatch(c -> c.name().equalsIgnoreCase(m.sink()))) {
        d.error(m.location(), "column mapping '" + m.source() + ": " + m.sink() + "' names sink"
            + " column '" + m.sink() + "', which the structure of dataset '"
            + copy.outputs().get(0).name() + "' does not have; its columns: " + names(sink));
      }
    }
    if (!sink.isEmpty() && translator.mappings().size() != sink.size()) {
      d.error(translator.location(), "the translator maps " + translator.mappings().size()
          + " columns but the structure of sink dataset '" + copy.outputs().get(0).name()
          + "' has " + sink.size() + " (" + names(sink) + "); map every sink column exactly once");
    }
  }

  private static String names(List<Column> columns) {
    return String.join(", ", columns.stream().map(Column::name).toList());
  }

  /**
   * Activities that wait on each other in a circle, through datasets (one writes what the next
   * reads) or v2 dependsOn. An input read with a shifted window (startTime/endTime) is an earlier
   * slice, not a cycle.
   */
  private void cycles() {
    Map<String, List<String>> writers = new HashMap<>();
    Map<String, Activity> activities = new LinkedHashMap<>();
    Map<String, Pipeline> pipelineOf = new HashMap<>();
    for (Pipeline p : factory.pipelines()) {
      for (Activity a : p.activities()) {
        String id = p.name() + "/" + a.name();
        activities.put(id, a);
        pipelineOf.put(id, p);
        a.outputs().forEach(o -> writers.computeIfAbsent(o.name().toLowerCase(Locale.ROOT),
            k -> new ArrayList<>()).add(id));
      }
    }
    Map<String, List<String>> edges = new HashMap<>(); // activity -> activities it waits for
    activities.forEach((id, a) -> {
      List<String> waits = new ArrayList<>();
      for (DatasetRef in : a.inputs()) {
        if (in.startTime().isEmpty() && in.endTime().isEmpty()) {
          waits.addAll(writers.getOrDefault(in.name().toLowerCase(Locale.ROOT), List.of()));
        }
      }
      a.dependsOn().forEach(dep -> waits.add(pipelineOf.get(id).name() + "/" + dep.name()));
      edges.put(id, waits);
    });
    Set<String> done = new HashSet<>();
    Set<String> reported = new HashSet<>();
    for (String id : activities.keySet()) {
      List<String> path = new ArrayList<>();
      visit(id, edges, done, new HashSet<>(), path, activities, reported);
    }
  }

  private void visit(String id, Map<String, List<String>> edges, Set<String> done, Set<String> onPath,
      List<String> path, Map<String, Activity> activities, Set<String> reported) {
    if (done.contains(id) || !activities.containsKey(id)) {
      return;
    }
    if (onPath.contains(id)) {
      List<String> cycle = new ArrayList<>(path.subList(path.indexOf(id), path.size()));
      cycle.add(id);
      if (reported.add(String.join(",", cycle.stream().sorted().toList()))) {
        d.error(activities.get(id).location(), "activities wait on each other in a cycle: "
            + String.join(" -> ", cycle) + "; no slice of them could ever start");
      }
      return;
    }
    onPath.add(id);
    path.add(id);
    for (String next : edges.getOrDefault(id, List.of())) {
      visit(next, edges, done, onPath, path, activities, reported);
    }
    path.remove(path.size() - 1);
    onPath.remove(id);
    done.add(id);
  }

  private static String known(List<? extends Resource> resources) {
    if (resources.isEmpty()) {
      return "";
    }
    List<String> names = resources.stream().map(Resource::name).sorted(String.CASE_INSENSITIVE_ORDER).toList();
    return "; defined: " + String.join(", ", names.size() > 12 ? names.subList(0, 12) : names)
        + (names.size() > 12 ? ", ..." : "");
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
