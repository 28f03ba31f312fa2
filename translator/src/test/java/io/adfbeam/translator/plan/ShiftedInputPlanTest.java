package io.adfbeam.translator.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.adfbeam.translator.load.FactoryLoader;
import io.adfbeam.translator.model.Factory;
import io.adfbeam.translator.validate.FactoryValidator;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Inputs whose window is shifted with v1 functions, and paths built with $$Text.Format. */
class ShiftedInputPlanTest {

  @Test
  void anInputShiftedByADayReadsYesterdaysAndTodaysSlices() throws URISyntaxException {
    Factory factory = FactoryLoader.load(
        Path.of(getClass().getResource("/plan/shifted-input").toURI()));
    assertThat(FactoryValidator.validate(factory)).isEmpty();

    Plan plan = Planner.plan(factory, PlanRequest.ALL);

    assertThat(plan.diagnostics()).isEmpty();
    assertThat(plan.runs()).hasSize(2);
    ActivityRun second = plan.runs().get(1);
    assertThat(second.slice().toString()).isEqualTo("2016-03-02T00:00:00Z/2016-03-03T00:00:00Z");
    assertThat(second.inputs()).extracting(r -> r.slice() + " " + r.folderPath().orElseThrow())
        .containsExactly(
            "2016-03-01T00:00:00Z/2016-03-02T00:00:00Z logs/2016-03-01",
            "2016-03-02T00:00:00Z/2016-03-03T00:00:00Z logs/2016-03-02");
    assertThat(second.outputs()).extracting(r -> r.folderPath().orElseThrow())
        .containsExactly("reports/20160302");
  }
}
