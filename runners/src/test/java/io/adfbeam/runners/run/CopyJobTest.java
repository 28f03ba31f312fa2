package io.adfbeam.runners.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;

/** Which runners run every worker of a job in this process (and so share files in memory). */
class CopyJobTest {
  @Test
  void theDirectRunnerAndAnEmbeddedFlinkRunInThisProcess() {
    assertThat(CopyJob.oneProcess(PipelineOptionsFactory.fromArgs("--runner=DirectRunner").create())).isTrue();
    for (String master : new String[] {"[local]", "[auto]", "[collection]"}) {
      assertThat(CopyJob.oneProcess(PipelineOptionsFactory.fromArgs(
          "--runner=FlinkRunner", "--flinkMaster=" + master).create())).as(master).isTrue();
    }
  }

  @Test
  void aFlinkClusterDoesNot() {
    assertThat(CopyJob.oneProcess(PipelineOptionsFactory.fromArgs(
        "--runner=FlinkRunner", "--flinkMaster=127.0.0.1:8081").create())).isFalse();
  }
}
