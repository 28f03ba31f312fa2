package io.adfbeam.runners.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.adfbeam.translator.json.Diagnostic;
import io.adfbeam.translator.json.SourceLocation;
import io.adfbeam.translator.plan.ActivityRun;
import io.adfbeam.translator.plan.ActivityRunId;
import io.adfbeam.translator.plan.ResolvedDataset;
import io.adfbeam.translator.plan.SliceWindow;
import io.adfbeam.translator.time.AdfDateTimes;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The text and JSON forms of a plan, from hand-made activity runs. */
class PlanOutputTest {
  private static final LocalDateTime T18 = LocalDateTime.of(2014, 6, 1, 18, 0);
  private static final LocalDateTime T19 = LocalDateTime.of(2014, 6, 1, 19, 0);
  private static final SliceWindow HOUR = new SliceWindow(T18, T19);
  private static final String H18 = AdfDateTimes.format(T18);
  private static final String H19 = AdfDateTimes.format(T19);
  private static final String DAY_START = AdfDateTimes.format(LocalDateTime.of(2014, 6, 1, 0, 0));
  private static final String DAY_END = AdfDateTimes.format(LocalDateTime.of(2014, 6, 2, 0, 0));
  private static final SliceWindow DAY =
      new SliceWindow(LocalDateTime.of(2014, 6, 1, 0, 0), LocalDateTime.of(2014, 6, 2, 0, 0));

  private static final ActivityRun COPY = new ActivityRun(
      new ActivityRunId("SamplePipeline", "BlobToLake", T18), "Copy", true, HOUR, T19,
      List.of(new ResolvedDataset("HourlyInput", HOUR,
          Optional.of("input/2014/06/01?sv=1&sig=Secret99"), Optional.of("18.csv"))),
      List.of(new ResolvedDataset("DailyOutput", DAY, Optional.of("output/20140601"),
          Optional.empty())),
      List.of(new ActivityRunId("SamplePipeline", "Prepare", T18)));

  private static final ActivityRun HIVE = new ActivityRun(
      new ActivityRunId("SamplePipeline", "Summarize", T18), "HDInsightHive", false, HOUR, T19,
      List.of(new ResolvedDataset("DailyOutput", DAY, Optional.empty(), Optional.empty())),
      List.of(),
      List.of(new ActivityRunId("SamplePipeline", "BlobToLake", T18),
          new ActivityRunId("SamplePipeline", "Prepare", T18)));

  @Test
  void textListsEachRunWithItsDatasetsAndDependencies() {
    assertThat(PlanText.render(List.of(COPY, HIVE))).isEqualTo(String.join("\n",
        "SamplePipeline/BlobToLake  " + H18 + " -> " + H19,
        "  input   HourlyInput  folderPath=input/2014/06/01?sv=1&sig=Secret99  fileName=18.csv",
        "  output  DailyOutput [" + DAY_START + " -> " + DAY_END + "]"
            + "  folderPath=output/20140601",
        "  after: SamplePipeline/Prepare@" + H18,
        "SamplePipeline/Summarize  " + H18 + " -> " + H19
            + "  [unsupported HDInsightHive]",
        "  input   DailyOutput [" + DAY_START + " -> " + DAY_END + "]",
        "  after: SamplePipeline/BlobToLake@" + H18 + ","
            + " SamplePipeline/Prepare@" + H18,
        "2 activity runs, 1 unsupported"));
  }

  @Test
  void textOfAnEmptyPlan() {
    assertThat(PlanText.render(List.of())).isEqualTo("0 activity runs");
  }

  @Test
  void jsonHasTheDocumentedShapeWithMaskedStrings() {
    Diagnostic warning = Diagnostic.warning(
        new SourceLocation("f.json", 3, 7, "/properties/x"), "odd value 'AccountKey=k'");

    String json = PlanJson.render(List.of(COPY), List.of(warning), SecretMasker.standard());

    assertThat(json).isEqualToNormalizingNewlines(times("""
        {
          "activityRuns" : [ {
            "pipeline" : "SamplePipeline",
            "activity" : "BlobToLake",
            "activityType" : "Copy",
            "supported" : true,
            "sliceStart" : "2014-06-01T18:00:00Z",
            "sliceEnd" : "2014-06-01T19:00:00Z",
            "scheduledTime" : "2014-06-01T19:00:00Z",
            "inputs" : [ {
              "dataset" : "HourlyInput",
              "sliceStart" : "2014-06-01T18:00:00Z",
              "sliceEnd" : "2014-06-01T19:00:00Z",
              "folderPath" : "input/2014/06/01?sv=1&sig=******",
              "fileName" : "18.csv"
            } ],
            "outputs" : [ {
              "dataset" : "DailyOutput",
              "sliceStart" : "2014-06-01T00:00:00Z",
              "sliceEnd" : "2014-06-02T00:00:00Z",
              "folderPath" : "output/20140601",
              "fileName" : null
            } ],
            "dependsOn" : [ "SamplePipeline/Prepare@2014-06-01T18:00:00Z" ]
          } ],
          "diagnostics" : [ {
            "severity" : "warning",
            "file" : "f.json",
            "line" : 3,
            "column" : 7,
            "pointer" : "/properties/x",
            "message" : "odd value 'AccountKey=******'"
          } ]
        }"""));
  }

  /**
   * The expected text's times, written as {@code 2014-06-01T18:00:00Z}, in whatever form {@link
   * AdfDateTimes#format} gives (the time package owns that format).
   */
  private static String times(String text) {
    return text.replace("2014-06-01T18:00:00Z", H18).replace("2014-06-01T19:00:00Z", H19)
        .replace("2014-06-01T00:00:00Z", DAY_START).replace("2014-06-02T00:00:00Z", DAY_END);
  }
}
