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
 * Runs the benchmark harness end to end at a tiny size: data generated (CSV, GZip, small files,
 * the typed Parquet and JSON copies), seven factories run by adf-beam as child processes,
 * baselines timed (DuckDB among them), outputs read back. Asserts that every output verified and
 * that the table has all seven cases; speed is the harness's business, not a test's.
 */
class CopyBenchmarkTest {
  @TempDir Path work;

  @Test
  void runsAllCasesAndVerifiesTheirOutput() throws Exception {
    assumeTrue(onPath("gzip") && onPath("cp"), "gzip and cp are needed for the baselines");
    Path markdown = work.resolve("results.md");
    List<String> messages = new ArrayList<>();

    BenchReport report = CopyBenchmark.run(CopyBenchmark.Options.parse(
        "--work", work.resolve("bench").toString(), "--size-mb", "2", "--files", "2",
        "--small", "200", "--classpath", System.getProperty("java.class.path")),
        messages::add);
    Files.writeString(markdown, report.markdown());

    assertThat(report.cases()).extracting(BenchReport.CaseResult::id)
        .containsExactly('a', 'b', 'c', 'd', 'e', 'f', 'g');
    assertThat(report.cases()).allSatisfy(c ->
        assertThat(c.verified()).as("(%s) %s", c.id(), c.verification()).isTrue());
    assertThat(report.allVerified()).isTrue();
    assertThat(report.table()).contains("(a) CSV to CSV GZip Fastest", "(b) CSV GZip to CSV",
        "(c) CSV comma to tab with header", "(d) binary copy of small files",
        "(e) CSV to Parquet (typed)", "(f) Parquet to ORC", "(g) JSON to Avro", "gzip -1",
        "gzip -d", "cp -r", "duckdb " + Runtime.getRuntime().availableProcessors() + " threads",
        ">= 0.5 x duckdb");
    assertThat(report.cases().get(4).baselineSeconds()).isPositive();
    assertThat(Files.readString(markdown)).startsWith("| case |").contains("| (d) ", "| (g) ");
    // Outputs are removed once verified; the generated inputs stay for the next run.
    assertThat(work.resolve("bench/out/a")).doesNotExist();
    assertThat(work.resolve("bench/data/csv.marker")).exists();
    assertThat(work.resolve("bench/data/typed.marker")).exists();
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
  void typedCopiesHoldTheCsvValues() throws Exception {
    List<String> messages = new ArrayList<>();
    BenchData data = new BenchData(work);
    List<BenchData.CsvFile> csv = data.csv(2, 20_000, 7, messages::add);
    List<BenchData.TypedFile> first = data.typed(csv, messages::add);
    List<BenchData.TypedFile> second = data.typed(csv, messages::add);

    assertThat(second).isEqualTo(first);
    assertThat(messages.get(2)).startsWith("reusing");
    assertThat(first).extracting(BenchData.TypedFile::rows)
        .containsExactly(csv.get(0).rows(), csv.get(1).rows());
    // The harness's own Parquet copy reads back as the CSV's values; a changed value is caught.
    assertThat(BenchVerify.typed(data.parquetFolder(), first,
        first.stream().map(BenchData.TypedFile::parquetName).toList(),
        io.adfbeam.formats.columnar.ColumnarFormat.PARQUET)).isNull();
    List<BenchData.TypedFile> wrong = List.of(first.get(0), new BenchData.TypedFile(
        first.get(1).csvName(), first.get(1).rows(), first.get(1).valueCrc() ^ 1,
        first.get(1).parquetBytes(), first.get(1).jsonBytes()));
    assertThat(BenchVerify.typed(data.parquetFolder(), wrong,
        first.stream().map(BenchData.TypedFile::parquetName).toList(),
        io.adfbeam.formats.columnar.ColumnarFormat.PARQUET)).contains("value CRC");
  }

  @Test
  void rejectsUnknownArguments() {
    assertThatThrownBy(
        () -> CopyBenchmark.Options.parse("--cases", "a,h"))
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
