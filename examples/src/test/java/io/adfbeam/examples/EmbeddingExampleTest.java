package io.adfbeam.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.adfbeam.examples.embedding.RegionTotals;
import io.adfbeam.translator.AdfFactory;
import io.adfbeam.translator.bind.StoreMapping;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * examples/embedding: the Beam program {@link RegionTotals} over the example's factory and data,
 * on the Direct runner and on an embedded Flink, with exact expected output.
 */
class EmbeddingExampleTest {
  private static final Path EXAMPLE = Path.of("embedding");

  @TempDir Path temp;

  @ParameterizedTest
  @ValueSource(strings = {"--runner=DirectRunner", "--runner=FlinkRunner"})
  void totalsPerRegionAndTheArchivedOrders(String runner) throws IOException {
    Path data = temp.resolve("data");
    copyTree(EXAMPLE.resolve("data"), data);
    StoreMapping stores = StoreMapping.parse(List.of("ShopStorage=" + data, "ReportStorage=" + temp.resolve("out")));
    List<String> args = new ArrayList<>(List.of(runner));
    if (runner.contains("Flink")) {
      args.addAll(List.of("--flinkMaster=[local]", "--parallelism=2"));
    }
    Pipeline pipeline = Pipeline.create(PipelineOptionsFactory.fromArgs(args.toArray(String[]::new)).create());
    RegionTotals.expand(pipeline, AdfFactory.load(EXAMPLE.resolve("factory")), stores,
        LocalDate.parse("2024-03-01"));

    assertThat(pipeline.run().waitUntilFinish()).isEqualTo(PipelineResult.State.DONE);

    Path totals = temp.resolve("out/reports/region-totals/2024-03-01/totals.csv");
    List<String> lines = Files.readAllLines(totals);
    assertThat(lines.get(0)).isEqualTo("region,orders,total");
    // The rows' order within the file is not defined: compare them sorted.
    assertThat(lines.subList(1, lines.size()).stream().sorted().toList()).containsExactly(
        "east,1,100.00", "north,3,16.00", "south,2,10.00", "west,1,19.99");
    Path archive = temp.resolve("out/archive/orders/2024-03-01");
    try (Stream<Path> files = Files.list(archive)) {
      // adf-beam's hidden .adf-beam folder holds the copy's manifest.
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("."))
          .sorted().toList())
          .containsExactly("store-a.csv.gz", "store-b.csv.gz");
    }
    for (String name : List.of("store-a.csv", "store-b.csv")) {
      assertThat(gunzip(archive.resolve(name + ".gz"))).isEqualTo(
          Files.readString(EXAMPLE.resolve("data/shop/orders/2024-03-01").resolve(name)));
    }
  }

  private static String gunzip(Path file) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
