package io.adfbeam.runners.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;

/**
 * What {@code run} stages for the Flink runner: nothing for an embedded master, the user's
 * {@code --filesToStage} untouched, and the jar it runs from for a remote master (tested end to
 * end against a real cluster in the tests module; here the classes come from a folder, not a jar).
 */
class FlinkStagingTest {

  @Test
  void embeddedMastersStageNothing() {
    for (String master : List.of("[local]", "[auto]", "[collection]")) {
      FlinkPipelineOptions options = flink("--flinkMaster=" + master);
      RunCommand.stageOwnJar(options);
      assertThat(options.getFilesToStage()).as(master).isNull();
    }
  }

  @Test
  void theUsersFilesToStageAreKept() {
    FlinkPipelineOptions options = flink("--flinkMaster=127.0.0.1:8081", "--filesToStage=/x/app.jar");
    RunCommand.stageOwnJar(options);
    assertThat(options.getFilesToStage()).containsExactly("/x/app.jar");
  }

  @Test
  void aRemoteMasterStagesTheOwnJarOnlyWhenRunningFromOne() {
    FlinkPipelineOptions options = flink("--flinkMaster=127.0.0.1:8081");
    RunCommand.stageOwnJar(options);
    // Tests run from target/classes: no jar to stage, so the Flink runner's own detection applies.
    assertThat(RunCommand.ownJar()).isEmpty();
    assertThat(options.getFilesToStage()).isNull();
  }

  private static FlinkPipelineOptions flink(String... args) {
    return PipelineOptionsFactory.fromArgs(args).as(FlinkPipelineOptions.class);
  }
}
