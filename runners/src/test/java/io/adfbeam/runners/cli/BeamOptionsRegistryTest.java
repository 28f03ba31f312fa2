package io.adfbeam.runners.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BeamOptionsRegistryTest {
  @TempDir Path dir;

  @Test
  void theScopedServiceFileKeepsBeamsDefaultsTheDirectRunnersAndOtherRegistrars() throws IOException {
    ClassLoader parent = withExtraRegistrar("com.example.SparkLikeRegistrar$Options");
    List<String> lines = serviceLines(BeamOptionsRegistry.scopedLoader(parent, List.of()));
    assertThat(lines).contains("org.apache.beam.sdk.options.DefaultPipelineOptionsRegistrar",
        "org.apache.beam.runners.direct.DirectRegistrar$Options",
        "com.example.SparkLikeRegistrar$Options");
    assertThat(lines).doesNotContainAnyElementsOf(BeamOptionsRegistry.DEFERRED);
    // everything but the deferred registrars, once each
    List<String> all = new ArrayList<>(serviceLines(parent));
    all.removeAll(BeamOptionsRegistry.DEFERRED);
    assertThat(lines).containsExactlyInAnyOrderElementsOf(all.stream().distinct().toList());
  }

  @Test
  void flinksRegistrarIsKeptWhenAnArgumentNamesFlink() throws IOException {
    ClassLoader app = getClass().getClassLoader();
    assertThat(serviceLines(BeamOptionsRegistry.scopedLoader(app, List.of("--runner=FlinkRunner"))))
        .contains(BeamOptionsRegistry.FLINK);
    assertThat(serviceLines(BeamOptionsRegistry.scopedLoader(app,
        List.of("--runner=org.apache.beam.runners.flink.FlinkRunner", "--flinkMaster=[local]"))))
        .contains(BeamOptionsRegistry.FLINK);
    assertThat(serviceLines(BeamOptionsRegistry.scopedLoader(app, List.of("--targetParallelism=2"))))
        .doesNotContain(BeamOptionsRegistry.FLINK);
  }

  @Test
  void otherResourcesAreTheParentsOwn() throws Exception {
    ClassLoader app = getClass().getClassLoader();
    ClassLoader scoped = BeamOptionsRegistry.scopedLoader(app, List.of());
    String name = "META-INF/services/org.apache.beam.sdk.runners.PipelineRunnerRegistrar";
    assertThat(Collections.list(scoped.getResources(name)))
        .containsExactlyElementsOf(Collections.list(app.getResources(name)));
    assertThat(scoped.loadClass(BeamOptionsRegistry.class.getName()))
        .isSameAs(BeamOptionsRegistry.class);
  }

  @Test
  void aDirectRunRegistersNeitherFlinkNorTheFileSystemsOptions() throws Exception {
    List<String> registered = probe("registered", "--targetParallelism=2");
    assertThat(registered).contains("PipelineOptions", "DirectOptions", "StreamingOptions")
        .doesNotContain("FlinkPipelineOptions", "BlobstoreOptions", "HadoopFileSystemOptions");
  }

  @Test
  void aFlinkRunRegistersFlinksOptions() throws Exception {
    assertThat(probe("registered", "--runner=FlinkRunner"))
        .contains("FlinkPipelineOptions", "DirectOptions");
  }

  @Test
  void anOptionOfAnInterfaceLeftOutIsFoundAfterAll() throws Exception {
    // --parallelism is Flink's; without the second look, parsing failed: unknown option
    assertThat(probe("parse", "--parallelism=3")).containsExactly("parallelism=3");
  }

  @Test
  void anUnknownOptionIsStillAnError() throws Exception {
    List<String> out = probe("parse", "--noSuchOption=1");
    assertThat(out).hasSize(1);
    assertThat(out.get(0)).startsWith("error: ").contains("noSuchOption");
  }

  /** Runs {@link BeamOptionsRegistryProbe} in a new JVM (Beam builds its registry once a JVM). */
  private List<String> probe(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), BeamOptionsRegistryProbe.class.getName()));
    command.addAll(List.of(args));
    Path out = dir.resolve("probe.out");
    Process p = new ProcessBuilder(command).redirectOutput(out.toFile())
        .redirectError(dir.resolve("probe.err").toFile()).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(Files.readString(dir.resolve("probe.err"))).isZero();
    return Files.readAllLines(out).stream().filter(l -> !l.isBlank()).toList();
  }

  private ClassLoader withExtraRegistrar(String registrar) throws IOException {
    Path services = Files.createDirectories(dir.resolve("extra/META-INF/services"));
    Files.writeString(services.resolve(
        "org.apache.beam.sdk.options.PipelineOptionsRegistrar"), "# a comment\n" + registrar + "\n");
    return new URLClassLoader(new URL[] {dir.resolve("extra").toUri().toURL()},
        getClass().getClassLoader());
  }

  private static List<String> serviceLines(ClassLoader loader) throws IOException {
    List<String> lines = new ArrayList<>();
    for (URL url : Collections.list(loader.getResources(BeamOptionsRegistry.SERVICE))) {
      try (InputStream in = url.openStream()) {
        new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
            .map(l -> l.replaceAll("#.*", "").strip()).filter(l -> !l.isEmpty()).forEach(lines::add);
      }
    }
    return lines;
  }
}
