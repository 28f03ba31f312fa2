package io.adfbeam.runners.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.adfbeam.transforms.stores.StoreOptions;
import java.util.Map;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;

/**
 * Which runners run every worker of a job in this process (and so share files in memory); the
 * Direct runner's threads for a job of lanes.
 */
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

  @Test
  void aDirectRunnerJobOfFewerLanesThanThreadsGetsAThreadPerLaneInACopyOfTheOptions() {
    PipelineOptions options = PipelineOptionsFactory.fromArgs("--runner=DirectRunner",
        "--targetParallelism=4", "--jobName=backfill").create();
    options.as(DirectOptions.class).setBlockOnRun(false);
    options.as(StoreOptions.class).setAdfBlobStore(Map.of("account", "a"));

    PipelineOptions one = CopyJob.jobOptions(options, 1000, 1);
    PipelineOptions two = CopyJob.jobOptions(options, 1000, 2);

    assertThat(one.as(DirectOptions.class).getTargetParallelism()).isEqualTo(1);
    assertThat(two.as(DirectOptions.class).getTargetParallelism()).isEqualTo(2);
    // everything else as given, and the run's own options untouched
    assertThat(one.getJobName()).isEqualTo("backfill");
    assertThat(one.as(DirectOptions.class).isBlockOnRun()).isFalse();
    assertThat(one.as(StoreOptions.class).getAdfBlobStore()).isEqualTo(Map.of("account", "a"));
    assertThat(options.as(DirectOptions.class).getTargetParallelism()).isEqualTo(4);
  }

  @Test
  void otherJobsKeepTheirOptions() {
    PipelineOptions direct = PipelineOptionsFactory.fromArgs("--runner=DirectRunner",
        "--targetParallelism=4").create();
    assertThat(CopyJob.jobOptions(direct, 10, 10)).as("no lanes").isSameAs(direct);
    assertThat(CopyJob.jobOptions(direct, 100, 4)).as("a lane per thread").isSameAs(direct);
    assertThat(CopyJob.jobOptions(direct, 100, 8)).as("more lanes than threads").isSameAs(direct);
    PipelineOptions flink = PipelineOptionsFactory.fromArgs("--runner=FlinkRunner").create();
    assertThat(CopyJob.jobOptions(flink, 1000, 1)).as("Flink").isSameAs(flink);
  }
}
