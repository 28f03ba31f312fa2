package io.adfbeam.runners.cli;

import io.adfbeam.translator.plan.ActivityRun;
import io.adfbeam.translator.plan.ActivityRunId;
import io.adfbeam.translator.plan.ResolvedDataset;
import io.adfbeam.translator.plan.SliceWindow;
import io.adfbeam.translator.time.AdfDateTimes;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A plan as text, one block per activity run in plan order, then a count:
 *
 * <pre>
 * SamplePipeline/AzureBlobtoDataLake  2014-06-01T18:00:00Z -&gt; 2014-06-01T19:00:00Z
 *   input   AzureBlobInput  folderPath=mycontainer/myfolder/yearno=2014/monthno=06/dayno=01
 *   output  AzureDataLakeStoreOutput  folderPath=datalake/output/
 *   after: SamplePipeline/Prepare@2014-06-01T18:00:00Z
 * 1 activity run
 * </pre>
 *
 * <p>A dataset slice that differs from the run's slice is shown in brackets after the dataset's
 * name; an activity adf-beam does not execute is marked {@code [unsupported TYPE]}.
 */
final class PlanText {
  private PlanText() {}

  static String render(List<ActivityRun> runs) {
    StringBuilder s = new StringBuilder();
    long unsupported = 0;
    for (ActivityRun run : runs) {
      s.append(run.pipeline()).append('/').append(run.activity()).append("  ")
          .append(window(run.slice()));
      if (!run.supported()) {
        unsupported++;
        s.append("  [unsupported ").append(run.activityType()).append(']');
      }
      s.append('\n');
      for (ResolvedDataset input : run.inputs()) {
        dataset(s, "input ", input, run.slice());
      }
      for (ResolvedDataset output : run.outputs()) {
        dataset(s, "output", output, run.slice());
      }
      if (!run.dependsOn().isEmpty()) {
        s.append("  after: ")
            .append(run.dependsOn().stream().map(ActivityRunId::toString)
                .collect(Collectors.joining(", ")))
            .append('\n');
      }
    }
    s.append(DiagnosticReport.count(runs.size(), "activity run"));
    if (unsupported > 0) {
      s.append(", ").append(unsupported).append(" unsupported");
    }
    return s.toString();
  }

  private static void dataset(
      StringBuilder s, String role, ResolvedDataset dataset, SliceWindow runSlice) {
    s.append("  ").append(role).append("  ").append(dataset.dataset());
    if (!dataset.slice().equals(runSlice)) {
      s.append(" [").append(window(dataset.slice())).append(']');
    }
    dataset.folderPath().ifPresent(p -> s.append("  folderPath=").append(p));
    dataset.fileName().ifPresent(f -> s.append("  fileName=").append(f));
    s.append('\n');
  }

  static String window(SliceWindow window) {
    return AdfDateTimes.format(window.start()) + " -> " + AdfDateTimes.format(window.end());
  }
}
