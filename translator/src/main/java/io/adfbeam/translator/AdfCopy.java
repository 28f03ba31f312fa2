package io.adfbeam.translator;

import io.adfbeam.translator.bind.BoundRun;
import io.adfbeam.translator.bind.CopyBinder;
import io.adfbeam.translator.bind.StoreMapping;
import io.adfbeam.translator.json.Diagnostic;
import io.adfbeam.translator.json.SourceLocation;
import io.adfbeam.translator.model.Activity;
import io.adfbeam.translator.plan.ActivityRun;
import io.adfbeam.translator.plan.Plan;
import io.adfbeam.translator.plan.PlanRequest;
import io.adfbeam.translator.plan.Planner;
import io.adfbeam.translator.plan.SliceWindow;
import io.adfbeam.transforms.copy.CopyFiles;
import io.adfbeam.transforms.copy.CopyTask;
import io.adfbeam.transforms.copy.RunOutcome;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;

/**
 * One Copy activity of a factory over a window of slices, as a {@link PTransform} the caller
 * applies to its own pipeline: the slices travel as data into {@link CopyFiles}, and the result
 * is one {@link RunOutcome} per activity run. Translation is done when the transform is built
 * (planning and binding are pure); nothing is listed or read until the pipeline runs.
 *
 * <pre>{@code
 * PCollection<RunOutcome> outcomes = pipeline.apply(
 *     AdfCopy.of(factory, "SamplePipeline", "AzureBlobtoDataLake")
 *         .forWindow(LocalDateTime.parse("2014-06-01T18:00"), LocalDateTime.parse("2014-06-01T21:00"))
 *         .withStores(StoreMapping.parse(List.of("StorageLinkedService=/data/blob",
 *             "AzureDataLakeStoreLinkedService=/data/lake"))));
 * }</pre>
 */
public final class AdfCopy extends PTransform<PBegin, PCollection<RunOutcome>> {
  private final AdfFactory factory;
  private final String pipeline;
  private final String activity;
  private final Optional<SliceWindow> window;
  private final StoreMapping stores;

  private AdfCopy(AdfFactory factory, String pipeline, String activity,
      Optional<SliceWindow> window, StoreMapping stores) {
    super("AdfCopy:" + pipeline + "/" + activity);
    this.factory = factory;
    this.pipeline = pipeline;
    this.activity = activity;
    this.window = window;
    this.stores = stores;
  }

  /** The Copy activity {@code activity} of pipeline {@code pipeline}, over its active period. */
  public static AdfCopy of(AdfFactory factory, String pipeline, String activity) {
    return new AdfCopy(factory, pipeline, activity, Optional.empty(), StoreMapping.none());
  }

  /** Copies the slices in [start, end) (UTC) instead of the pipeline's active period. */
  public AdfCopy forWindow(LocalDateTime start, LocalDateTime end) {
    return new AdfCopy(factory, pipeline, activity, Optional.of(new SliceWindow(start, end)), stores);
  }

  /** Maps linked services to store roots (default: none; each must name a reachable store). */
  public AdfCopy withStores(StoreMapping mapping) {
    return new AdfCopy(factory, pipeline, activity, window, mapping);
  }

  /**
   * The copies this transform performs, one per slice.
   *
   * @throws InvalidFactoryException naming what cannot be planned or bound
   */
  public List<CopyTask> tasks() {
    var p = factory.model().pipeline(pipeline).orElseThrow(() -> invalid(
        "no pipeline named '" + pipeline + "'"));
    Activity a = p.activity(activity).orElseThrow(() -> invalid(
        "pipeline '" + pipeline + "' has no activity named '" + activity + "'"));
    if (!(a instanceof Activity.CopyActivity)) {
      throw invalid("activity '" + activity + "' is of type " + a.type() + ", not Copy");
    }
    Plan plan = Planner.plan(factory.model(), new PlanRequest(Optional.of(pipeline), window));
    if (plan.hasErrors()) {
      throw new InvalidFactoryException(plan.diagnostics());
    }
    List<ActivityRun> runs = plan.runs().stream()
        .filter(r -> r.activity().equalsIgnoreCase(activity)).toList();
    CopyBinder.Result bound = CopyBinder.bind(factory.model(), runs, stores);
    if (bound.diagnostics().stream().anyMatch(Diagnostic::isError)) {
      throw new InvalidFactoryException(bound.diagnostics());
    }
    return bound.runs().stream().map(BoundRun::task).toList();
  }

  @Override
  public PCollection<RunOutcome> expand(PBegin input) {
    return input
        .apply("ActivityRuns", Create.of(tasks()).withCoder(SerializableCoder.of(CopyTask.class)))
        .apply("Copy", CopyFiles.create());
  }

  private static InvalidFactoryException invalid(String message) {
    return new InvalidFactoryException(List.of(Diagnostic.error(
        new SourceLocation("<embedding>", 1, 1, ""), message)));
  }
}
