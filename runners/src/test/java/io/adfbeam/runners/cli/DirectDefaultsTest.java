package io.adfbeam.runners.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;

/** What {@code run} sets for the Direct runner when the user does not, and that the user's flags win. */
class DirectDefaultsTest {

  @Test
  void aCopyGetsOneWorkerThreadPerCoreAndNoElementCloning() {
    DirectOptions options = direct();
    RunCommand.directDefaults(options, List.of());
    assertThat(options.getTargetParallelism())
        .isEqualTo(Math.max(2, Runtime.getRuntime().availableProcessors()));
    assertThat(options.isEnforceImmutability()).isFalse();
    assertThat(options.isEnforceEncodability()).isFalse();
    assertThat(options.isBlockOnRun()).isFalse();
  }

  @Test
  void theUsersSettingsAreKept() {
    List<String> args = List.of("--targetParallelism=7", "--enforceImmutability=true",
        "--enforceEncodability");
    DirectOptions options = direct(args.toArray(String[]::new));
    RunCommand.directDefaults(options, args);
    assertThat(options.getTargetParallelism()).isEqualTo(7);
    assertThat(options.isEnforceImmutability()).isTrue();
    assertThat(options.isEnforceEncodability()).isTrue();
  }

  private static DirectOptions direct(String... args) {
    return PipelineOptionsFactory.fromArgs(args).as(DirectOptions.class);
  }
}
