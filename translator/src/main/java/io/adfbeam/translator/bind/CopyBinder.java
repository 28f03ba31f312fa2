package io.adfbeam.translator.bind;

import io.adfbeam.translator.json.Diagnostic;
import io.adfbeam.translator.json.Diagnostics;
import io.adfbeam.translator.model.Activity;
import io.adfbeam.translator.model.AdfString;
import io.adfbeam.translator.model.Dataset;
import io.adfbeam.translator.model.Factory;
import io.adfbeam.translator.model.Pipeline;
import io.adfbeam.translator.plan.ActivityRun;
import io.adfbeam.translator.plan.PathResolver;
import io.adfbeam.translator.plan.ResolvedDataset;
import io.adfbeam.transforms.copy.ColumnMap;
import io.adfbeam.transforms.copy.CopyBehavior;
import io.adfbeam.transforms.copy.CopySettings;
import io.adfbeam.transforms.copy.CopyTask;
import io.adfbeam.transforms.copy.FileSink;
import io.adfbeam.transforms.copy.FileSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Binds planned Copy activity runs to concrete copies: each dataset's store root (from the store
 * mapping, or the linked service itself where it names a local folder), its folder and file
 * resolved for the run's slice, and its format and compression as codec settings. Pure: no I/O.
 */
public final class CopyBinder {
  private final Factory factory;
  private final StoreLocator stores;
  private final Diagnostics diagnostics = new Diagnostics();

  /** The bound runs and what stopped any run from being bound. */
  public record Result(List<BoundRun> runs, List<Diagnostic> diagnostics) {}

  private CopyBinder(Factory factory, StoreMapping stores) {
    this.factory = factory;
    this.stores = new StoreLocator(stores);
  }

  public static Result bind(Factory factory, List<ActivityRun> runs, StoreMapping stores) {
    CopyBinder binder = new CopyBinder(factory, stores);
    List<BoundRun> bound = new ArrayList<>();
    for (ActivityRun run : runs) {
      binder.bind(run).ifPresent(task -> bound.add(new BoundRun(run, task)));
    }
    return new Result(bound, binder.diagnostics.sorted());
  }

  private Optional<CopyTask> bind(ActivityRun run) {
    Pipeline pipeline = factory.pipeline(run.pipeline()).orElseThrow();
    Activity.CopyActivity copy = (Activity.CopyActivity) pipeline.activity(run.activity()).orElseThrow();
    Optional<Dataset.FileDataset> in = fileDataset(copy.inputs().get(0).name(), copy);
    Optional<Dataset.FileDataset> out = fileDataset(copy.outputs().get(0).name(), copy);
    if (in.isEmpty() || out.isEmpty()) {
      return Optional.empty();
    }
    // The input is read for the activity's own window, as ADF evaluates SliceStart for a copy.
    ResolvedDataset inResolved = PathResolver.resolve(in.get(), run.slice());
    ResolvedDataset outResolved = PathResolver.resolve(out.get(), run.slice());
    Optional<String> inFolder = folder(in.get(), inResolved);
    Optional<String> outFolder = folder(out.get(), outResolved);
    if (inFolder.isEmpty() || outFolder.isEmpty()) {
      return Optional.empty();
    }
    if (in.get().format().isPresent() != out.get().format().isPresent()) {
      Dataset.FileDataset missing = in.get().format().isEmpty() ? in.get() : out.get();
      diagnostics.error(missing.location(), "Copy activity '" + copy.name() + "' reads and writes"
          + " with a format on one side only: dataset '" + missing.name() + "' has no format;"
          + " give both datasets a format, or neither for a binary copy");
      return Optional.empty();
    }
    FileSource source = new FileSource(in.get().name(), inFolder.get(),
        inResolved.fileName().orElse(null), in.get().fileFilter().map(AdfString::text).orElse(null),
        copy.source().isRecursive(), in.get().compression().map(c -> c.type()).orElse(null),
        in.get().format().map(DataFormats::of).orElse(null), DataFormats.structure(in.get()));
    FileSink sink = new FileSink(out.get().name(), outFolder.get(),
        outResolved.fileName().orElse(null),
        out.get().compression().map(c -> c.type()).orElse(null),
        out.get().compression().flatMap(c -> c.level()).orElse(null),
        out.get().format().map(DataFormats::of).orElse(null), DataFormats.structure(out.get()),
        behavior(copy.sink().behavior()));
    Optional<CopySettings> settings = settings(copy);
    if (settings.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new CopyTask(run.id().toString(), source, sink,
        copy.parallelCopies().orElse(0), settings.get()));
  }

  /** Column mappings, skipping and the redirect folder of a copy's rows. */
  private Optional<CopySettings> settings(Activity.CopyActivity copy) {
    List<ColumnMap> mappings = copy.translator().map(t -> t.mappings().stream()
        .map(m -> new ColumnMap(m.source(), m.sink())).toList()).orElse(List.of());
    String redirect = null;
    if (copy.redirectIncompatibleRowSettings().isPresent()) {
      var r = copy.redirectIncompatibleRowSettings().get();
      try {
        String root = stores.locate(r.linkedService().name(), factory);
        String path = r.path().orElse("").replace('\\', '/');
        while (path.startsWith("/")) {
          path = path.substring(1);
        }
        redirect = root + (path.isEmpty() || path.endsWith("/") ? path : path + "/");
      } catch (StoreLocator.UnmappedStoreException e) {
        diagnostics.error(r.linkedService().location(), e.getMessage());
        return Optional.empty();
      }
    }
    return Optional.of(new CopySettings(mappings, copy.enableSkipIncompatibleRow(), redirect));
  }

  private Optional<Dataset.FileDataset> fileDataset(String name, Activity.CopyActivity copy) {
    Optional<Dataset> d = factory.dataset(name);
    if (d.isPresent() && d.get() instanceof Dataset.FileDataset f) {
      for (Optional<AdfString> value : List.of(f.folderPath(), f.fileName(), f.fileFilter())) {
        if (value.isPresent() && value.get().isExpression()) {
          diagnostics.error(f.location(), "dataset '" + f.name() + "' uses the v2 expression '"
              + value.get().text() + "', which adf-beam does not evaluate yet; give a literal path");
          return Optional.empty();
        }
      }
      return Optional.of(f);
    }
    return Optional.empty(); // reported by validation
  }

  /** The dataset's folder as a Beam path under its store root, ending in '/'. */
  private Optional<String> folder(Dataset.FileDataset dataset, ResolvedDataset resolved) {
    Optional<String> root = root(dataset);
    if (root.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(StoreLocator.folder(root.get(), resolved.folderPath().orElse("")));
  }

  private Optional<String> root(Dataset.FileDataset dataset) {
    try {
      return Optional.of(stores.locate(dataset.linkedService().name(), factory));
    } catch (StoreLocator.UnmappedStoreException e) {
      diagnostics.error(dataset.linkedService().location(), e.getMessage());
      return Optional.empty();
    }
  }

  private static CopyBehavior behavior(Activity.CopyBehavior b) {
    return switch (b) {
      case PRESERVE_HIERARCHY -> CopyBehavior.PRESERVE_HIERARCHY;
      case FLATTEN_HIERARCHY -> CopyBehavior.FLATTEN_HIERARCHY;
      case MERGE_FILES -> CopyBehavior.MERGE_FILES;
    };
  }
}
