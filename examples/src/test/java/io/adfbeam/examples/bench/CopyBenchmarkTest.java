package io.adfbeam.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the benchmark harness end to end at a tiny size: data generated, four factories run by
 * adf-beam as child processes, baselines timed, outputs read back. Asserts that every output
 * verified and that the table has all four cases; speed is the harness's business, not a test's.
 */
class CopyBenchmarkTest {
  @TempDir Path work;

  @Test
  void runsAllFourCasesAndVerifiesTheirOutput() throws Exception {
    assumeTrue(onPath("gzip") && onPath("cp"), "gzip and cp are needed for the baselines");
    Path markdown = work.resolve("results.md");
    List<String> messages = new ArrayList<>();

    BenchReport report = CopyBenchmark.run(CopyBenchmark.Options.parse(
        "--work", work.resolve("bench").toString(), "--size-mb", "2", "--files", "2",
        "--small", "200", "--classpath", System.getProperty("java.class.path")),
        messages::add);
    Files.writeString(markdown, report.markdown());

    assertThat(report.cases()).extracting(BenchReport.CaseResult::id)
        .containsExactly('a', 'b', 'c', 'd');
    assertThat(report.cases()).allSatisfy(c ->
        assertThat(c.verified()).as("(%s) %s", c.id(), c.verification()).isTrue());
    assertThat(report.allVerified()).isTrue();
    assertThat(report.table()).contains("(a) CSV to CSV GZip Fastest", "(b) CSV GZip to CSV",
        "(c) CSV comma to tab with header", "(d) binary copy of small files", "gzip -1",
        "gzip -d", "cp -r");
    assertThat(Files.readString(markdown)).startsWith("| case |").contains("| (d) ");
    // Outputs are removed once verified; the generated inputs stay for the next run.
    assertThat(work.resolve("bench/out/a")).doesNotExist();
    assertThat(work.resolve("bench/data/csv.marker")).exists();
  }

  @Test
  void reusesGeneratedDataWhenItsMarkerMatches() throws Exception {
    List<String> messages = new ArrayList<>();
    BenchData data = new BenchData(work);
    List<BenchData.CsvFile> first = data.csv(2, 10_000, 7, messages::add);
    List<BenchData.CsvFile> second = data.csv(2, 10_000, 7, messages::add);

    assertThat(second).isEqualTo(first);
    assertThat(messages).hasSize(2);
    assertThat(messages.get(0)).startsWith("generating");
    assertThat(messages.get(1)).startsWith("reusing");
  }

  @Test
  void rejectsUnknownArguments() {
    assertThatThrownBy(
        () -> CopyBenchmark.Options.parse("--cases", "a,e"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--cases");
  }

  private static boolean onPath(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }
}
