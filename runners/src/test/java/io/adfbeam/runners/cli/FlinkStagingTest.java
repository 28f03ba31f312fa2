package io.adfbeam.runners.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;

/**
 * What {@code run} sets for the Flink runner: defaults for an unset parallelism and fasterCopy,
 * and what it stages: nothing for an embedded master, the user's {@code --filesToStage} untouched, and the jar it runs from for a remote master (tested end to
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

  @Test
  void anEmbeddedFlinkGetsASlotPerCoreAndNoDeepCopiesUnlessTheUserSaysOtherwise() {
    for (String master : List.of("[local]", "[auto]")) {
      FlinkPipelineOptions options = flink("--flinkMaster=" + master);
      RunCommand.flinkDefaults(options, List.of("--flinkMaster=" + master));
      assertThat(options.getParallelism()).as(master)
          .isEqualTo(Runtime.getRuntime().availableProcessors());
      assertThat(options.getFasterCopy()).as(master).isTrue();
    }
    List<String> args = List.of("--flinkMaster=[local]", "--parallelism=7", "--fasterCopy=false");
    FlinkPipelineOptions mine = flink(args.toArray(String[]::new));
    RunCommand.flinkDefaults(mine, args);
    assertThat(mine.getParallelism()).isEqualTo(7);
    assertThat(mine.getFasterCopy()).isFalse();
  }

  @Test
  void aRemoteClusterKeepsItsOwnDefaultParallelism() {
    FlinkPipelineOptions options = flink("--flinkMaster=127.0.0.1:8081");
    int before = options.getParallelism();
    RunCommand.flinkDefaults(options, List.of("--flinkMaster=127.0.0.1:8081"));
    assertThat(options.getParallelism()).isEqualTo(before);
    assertThat(options.getFasterCopy()).isTrue();
  }

  @Test
  void anEmbeddedFlinkGetsATemporaryFolderOfItsOwnUnlessTheUserGivesAConfiguration() throws Exception {
    FlinkPipelineOptions options = flink("--flinkMaster=[local]");
    java.nio.file.Path scratch = RunCommand.embeddedFlinkScratch(options, List.of("--flinkMaster=[local]"));
    assertThat(options.getFlinkConfDir()).isEqualTo(scratch.toString());
    assertThat(java.nio.file.Files.readString(scratch.resolve("flink-conf.yaml")))
        .isEqualTo("io.tmp.dirs: " + scratch.resolve("tmp") + "\nweb.tmpdir: " + scratch.resolve("tmp") + "\n");
    assertThat(scratch.resolve("tmp")).isEmptyDirectory();

    List<String> given = List.of("--flinkMaster=[local]", "--flinkConfDir=/etc/flink");
    FlinkPipelineOptions mine = flink(given.toArray(String[]::new));
    assertThat(RunCommand.embeddedFlinkScratch(mine, given)).isNull();
    assertThat(mine.getFlinkConfDir()).isEqualTo("/etc/flink");

    FlinkPipelineOptions remote = flink("--flinkMaster=127.0.0.1:8081");
    assertThat(RunCommand.embeddedFlinkScratch(remote, List.of("--flinkMaster=127.0.0.1:8081"))).isNull();
    assertThat(remote.getFlinkConfDir()).isNull();
  }

  private static FlinkPipelineOptions flink(String... args) {
    return PipelineOptionsFactory.fromArgs(args).as(FlinkPipelineOptions.class);
  }
}
