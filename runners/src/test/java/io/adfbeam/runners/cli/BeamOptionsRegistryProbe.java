package io.adfbeam.runners.cli;

import java.util.Arrays;
import java.util.List;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * Run in a JVM of its own by {@link BeamOptionsRegistryTest} (Beam's registry is built once per
 * JVM): {@code registered ARGS...} builds the registry as a run with ARGS does and prints the
 * simple names of the registered interfaces, one a line; {@code parse ARGS...} then also parses
 * ARGS and prints {@code parallelism=N}, or {@code error: MESSAGE}.
 */
public final class BeamOptionsRegistryProbe {
  private BeamOptionsRegistryProbe() {}

  public static void main(String[] argv) throws InterruptedException {
    List<String> args = Arrays.asList(argv).subList(1, argv.length);
    BeamOptionsRegistry.buildInBackground(args).join();
    if (argv[0].equals("registered")) {
      PipelineOptionsFactory.getRegisteredOptions().stream().map(Class::getSimpleName).sorted()
          .forEach(System.out::println);
      return;
    }
    try {
      PipelineOptions options = BeamOptionsRegistry.parse(args);
      System.out.println("parallelism=" + options.as(FlinkPipelineOptions.class).getParallelism());
    } catch (IllegalArgumentException e) {
      System.out.println("error: " + e.getMessage());
    }
  }
}
