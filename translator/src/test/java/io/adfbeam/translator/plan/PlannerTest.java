package io.adfbeam.translator.plan;

import static io.adfbeam.translator.Fixtures.file;
import static io.adfbeam.translator.Fixtures.load;
import static org.assertj.core.api.Assertions.assertThat;

import io.adfbeam.translator.json.Diagnostic;
import io.adfbeam.translator.model.Factory;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PlannerTest {

  @Test
  void hourlyCopyOverThreeHoursResolvesEachSlicesFolders() {
    Plan plan = plan("plan-hourly-copy", PlanRequest.ALL);

    assertThat(plan.diagnostics()).isEmpty();
    assertThat(plan.runs()).extracting(r -> r.id().toString()).containsExactly(
        "SamplePipeline/AzureBlobToBlob@2014-06-01T18:00:00Z",
        "SamplePipeline/AzureBlobToBlob@2014-06-01T19:00:00Z",
        "SamplePipeline/AzureBlobToBlob@2014-06-01T20:00:00Z");
    assertThat(plan.runs()).allSatisfy(run -> {
      assertThat(run.supported()).isTrue();
      assertThat(run.activityType()).isEqualTo("Copy");
      assertThat(run.dependsOn()).isEmpty();
    });
    assertThat(plan.runs()).extracting(r -> r.inputs().get(0).folderPath().orElseThrow())
        .containsOnly("mycontainer/myfolder/yearno=2014/monthno=06/dayno=01");
    assertThat(plan.runs()).extracting(r -> r.outputs().get(0).folderPath().orElseThrow())
        .containsExactly(
            "mycontainer/myfolder/yearno=2014/monthno=06/dayno=01/hourno=18",
            "mycontainer/myfolder/yearno=2014/monthno=06/dayno=01/hourno=19",
            "mycontainer/myfolder/yearno=2014/monthno=06/dayno=01/hourno=20");
    assertThat(plan.runs().get(1).inputs().get(0).slice())
        .isEqualTo(window("2014-06-01T19:00", "2014-06-01T20:00"));
  }

  @Test
  void endOfIntervalRunsAtTheSliceEnd() {
    Plan plan = plan("plan-hourly-copy", PlanRequest.ALL);

    assertThat(plan.runs()).extracting(ActivityRun::scheduledTime).containsExactly(
        at("2014-06-01T19:00"), at("2014-06-01T20:00"), at("2014-06-01T21:00"));
  }

  @Test
  void startOfIntervalRunsAtTheSliceStart() {
    Plan plan = plan("plan-start-of-interval", PlanRequest.ALL);

    assertThat(plan.diagnostics()).isEmpty();
    assertThat(plan.runs()).extracting(ActivityRun::scheduledTime).containsExactly(
        at("2014-06-01T18:00"), at("2014-06-01T19:00"), at("2014-06-01T20:00"));
  }

  @Test
  void dailyActivityWaitsForTheTwentyFourHourlyRunsThatProduceItsInput() {
    Plan plan = plan("plan-daily-after-hourly", PlanRequest.ALL);

    assertThat(plan.diagnostics()).isEmpty();
    assertThat(plan.runs()).hasSize(25);
    List<ActivityRunId> hourly = IntStream.range(0, 24)
        .mapToObj(h -> new ActivityRunId("HourlyPipeline", "CopyHour",
            at("2014-06-01T00:00").plusHours(h)))
        .toList();
    assertThat(plan.runs().subList(0, 24)).extracting(ActivityRun::id)
        .containsExactlyElementsOf(hourly);
    ActivityRun daily = plan.runs().get(24);
    assertThat(daily.id())
        .isEqualTo(new ActivityRunId("DailyPipeline", "RollUpDay", at("2014-06-01T00:00")));
    assertThat(daily.slice()).isEqualTo(window("2014-06-01T00:00", "2014-06-02T00:00"));
    assertThat(daily.dependsOn()).containsExactlyElementsOf(hourly);
    assertThat(daily.inputs()).extracting(r -> r.folderPath().orElseThrow())
        .containsExactlyElementsOf(IntStream.range(0, 24)
            .mapToObj(h -> String.format("events/hourly/20140601%02d", h)).toList());
    assertThat(daily.outputs()).extracting(r -> r.folderPath().orElseThrow())
        .containsExactly("events/daily/2014-06-01");
  }

  @Test
  void eachDailyRunComesRightAfterTheLastHourlyRunItWaitsFor() {
    Plan plan = plan("plan-daily-after-hourly", new PlanRequest(Optional.empty(),
        Optional.of(window("2014-06-01T00:00", "2014-06-04T00:00"))));

    assertThat(plan.diagnostics()).isEmpty();
    List<String> expected = new java.util.ArrayList<>();
    for (int d = 1; d <= 3; d++) {
      for (int h = 0; h < 24; h++) {
        expected.add(String.format("HourlyPipeline/CopyHour@2014-06-0%dT%02d:00:00Z", d, h));
      }
      // first among the runs of its slice start (DailyPipeline sorts before HourlyPipeline), but
      // free to go only once the day's last hour is done
      expected.add(String.format("DailyPipeline/RollUpDay@2014-06-0%dT00:00:00Z", d));
    }
    assertThat(plan.runs()).extracting(r -> r.id().toString()).containsExactlyElementsOf(expected);
  }

  @Test
  void runsThatWaitOnEachOtherInACycleAreReportedAndLeftOut() {
    Factory factory = load("activity-cycle");
    Plan plan = Planner.plan(factory, PlanRequest.ALL);

    assertThat(plan.runs()).isEmpty();
    assertThat(plan.diagnostics()).extracting(Diagnostic::message).containsExactly(
        "activity runs depend on each other in a cycle, starting at"
            + " RoundTrip/CuratedToStage@2014-06-01T00:00:00Z; 6 runs cannot be ordered");
  }

  @Test
  void v2DependsOnOrdersRunsWithinTheWindow() {
    SliceWindow window = window("2021-01-01T00:00", "2021-01-02T00:00");

    Plan plan = plan("plan-v2-depends-on", new PlanRequest(Optional.empty(), Optional.of(window)));

    assertThat(plan.diagnostics()).isEmpty();
    ActivityRunId stage = new ActivityRunId("StageAndPublish", "Stage", window.start());
    ActivityRunId publish = new ActivityRunId("StageAndPublish", "Publish", window.start());
    assertThat(plan.runs()).extracting(ActivityRun::id).containsExactly(stage, publish);
    assertThat(plan.runs()).extracting(ActivityRun::slice).containsOnly(window);
    assertThat(plan.runs().get(1).dependsOn()).containsExactly(stage);
    assertThat(plan.runs().get(1).inputs().get(0).folderPath()).contains("curated/sales");
  }

  @Test
  void pipelineWithoutStartEndOrWindowIsALocatedError() {
    Plan plan = plan("plan-no-active-period/pipeline.json", PlanRequest.ALL);

    assertThat(plan.runs()).isEmpty();
    assertThat(plan.diagnostics()).extracting(Diagnostic::toString).containsExactly(
        file("plan-no-active-period", "pipeline.json") + ":3:17 /properties: pipeline"
            + " 'Unscheduled' has no start and end, so it has no slices of its own; give a window"
            + " (--window START/END) to plan it");
    assertThat(plan.hasErrors()).isTrue();
  }

  @Test
  void selectingOnePipelineIgnoresLetterCase() {
    Plan plan = plan("plan-daily-after-hourly",
        new PlanRequest(Optional.of("hourlypipeline"), Optional.empty()));

    assertThat(plan.diagnostics()).isEmpty();
    assertThat(plan.runs()).hasSize(24).allMatch(r -> r.pipeline().equals("HourlyPipeline"));
  }

  @Test
  void selectingAnUnknownPipelineListsThePipelines() {
    Plan plan = plan("plan-daily-after-hourly",
        new PlanRequest(Optional.of("Nightly"), Optional.empty()));

    assertThat(plan.runs()).isEmpty();
    assertThat(plan.diagnostics()).extracting(Diagnostic::toString).containsExactly(
        "<command line>:1:1 /: no pipeline named 'Nightly'; the factory has: DailyPipeline,"
            + " HourlyPipeline");
  }

  private static Plan plan(String fixture, PlanRequest request) {
    Factory factory = load(fixture);
    assertThat(factory.diagnostics()).isEmpty();
    return Planner.plan(factory, request);
  }

  private static LocalDateTime at(String text) {
    return LocalDateTime.parse(text);
  }

  private static SliceWindow window(String start, String end) {
    return new SliceWindow(at(start), at(end));
  }
}
