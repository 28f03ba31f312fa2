package io.adfbeam.transforms.copy;

import static io.adfbeam.transforms.copy.CopyHarness.dataFiles;
import static io.adfbeam.transforms.copy.CopyHarness.digests;
import static io.adfbeam.transforms.copy.CopyHarness.entries;
import static io.adfbeam.transforms.copy.CopyHarness.folder;
import static io.adfbeam.transforms.copy.CopyHarness.task;
import static io.adfbeam.transforms.copy.CopyHarness.tree;
import static io.adfbeam.transforms.copy.CopyHarness.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.adfbeam.formats.text.TextFormatOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Failures, isolation, reruns and parallelCopies: a failed run leaves nothing where readers look,
 * other runs of the job still commit, and running a run again replaces its output exactly.
 */
class CopyFilesFailureTest {
  private static final TextFormatOptions CSV = TextFormatOptions.defaults().withQuoteChar('"');
  private static final TextFormatOptions TSV = CSV.withColumnDelimiter('\t');

  @TempDir Path root;
  private Map<String, String> sources;

  private Path src() {
    return root.resolve("src");
  }

  private Path dst() {
    return root.resolve("dst");
  }

  /** Records the sources as they are before a job; checked after each test. */
  private void snapshotSources() {
    sources = digests(src());
  }

  @AfterEach
  void sourcesAreNeverModified() {
    if (sources != null) {
      assertThat(digests(src())).isEqualTo(sources);
    }
  }

  private void threeFilesTheSecondMalformed() {
    write(src().resolve("a.csv"), "1,a\n2,b\n");
    write(src().resolve("b.csv"), "3,c\n4,d\n5,e,extra\n6,f\n");
    write(src().resolve("c.csv"), "7,g\n");
  }

  @ParameterizedTest(name = "parallelCopies={0}")
  @ValueSource(ints = {1, 0})
  void aMalformedRowFailsTheRunLeavesNothingAndOtherRunsStillCommit(int parallelCopies) {
    threeFilesTheSecondMalformed();
    write(root.resolve("good/ok.csv"), "1,ok\n");
    snapshotSources();
    CopyTask bad =
        new CopyTask(
            "bad",
            FileSource.of("Sales", folder(src())).withText(CSV),
            FileSink.of("SalesTsv", folder(dst())).withText(TSV),
            parallelCopies);
    CopyTask good =
        task(
            "good",
            FileSource.of("Good", folder(root.resolve("good"))).withText(CSV),
            FileSink.of("GoodTsv", folder(root.resolve("good-out"))).withText(TSV));

    CopyHarness.Job job = CopyHarness.run(bad, good);

    RunOutcome failed = job.outcome("bad");
    assertThat(failed.succeeded()).isFalse();
    assertThat(failed.outputs()).isEmpty();
    assertThat(failed.errors())
        .containsExactly(folder(src()) + "b.csv:3: expected 2 columns, found 3");
    assertThat(entries(dst())).as("no data, no staging, no empty hidden folder").isEmpty();
    assertThat(job.slots("bad")).isEqualTo(parallelCopies == 1 ? 1 : 3);

    RunOutcome committed = job.outcome("good");
    assertThat(committed.succeeded()).isTrue();
    assertThat(committed.outputs()).containsExactly(folder(root.resolve("good-out")) + "ok.csv");
    assertThat(CopyHarness.readUtf8(root.resolve("good-out/ok.csv"))).isEqualTo("1\tok\r\n");
  }

  @Test
  void unterminatedQuotesAndUndecodableBytesNameTheFileAndLine() {
    write(src().resolve("q/quote.csv"), "a,b\n\"open,x\nmore\n");
    byte[] utf8 = "ok,1\r\nfine,2\r\n".getBytes(StandardCharsets.UTF_8);
    byte[] bad = CopyFilesCompressionTest.concat(utf8, new byte[] {'x', (byte) 0xFF, ',', '3'});
    write(src().resolve("u/bytes.csv"), bad);
    snapshotSources();

    CopyHarness.Job job =
        CopyHarness.run(
            task(
                "quote",
                FileSource.of("Q", folder(src().resolve("q"))).withText(CSV),
                FileSink.of("QOut", folder(root.resolve("q-out"))).withText(TSV)),
            task(
                "bytes",
                FileSource.of("U", folder(src().resolve("u"))).withText(CSV),
                FileSink.of("UOut", folder(root.resolve("u-out"))).withText(TSV)));

    assertThat(job.outcome("quote").errors())
        .containsExactly(
            folder(src().resolve("q"))
                + "quote.csv:2: unterminated quote: the field opened with '\"' never ends");
    assertThat(job.outcome("bytes").errors())
        .containsExactly(folder(src().resolve("u")) + "bytes.csv:3: byte FF is not valid UTF-8");
    assertThat(entries(root.resolve("q-out"))).isEmpty();
    assertThat(entries(root.resolve("u-out"))).isEmpty();
  }

  @Test
  void aMissingInputFolderOrFileNamesTheDatasetAndThePath() throws IOException {
    Files.createDirectories(src());
    snapshotSources();
    Path missing = root.resolve("no/such/folder");

    CopyHarness.Job job =
        CopyHarness.run(
            task(
                "folder",
                FileSource.of("SalesIn", folder(missing)),
                FileSink.of("Out", folder(root.resolve("out1")))),
            task(
                "file",
                FileSource.of("SalesIn", folder(src())).withFileName("nope.csv"),
                FileSink.of("Out", folder(root.resolve("out2")))));

    assertThat(job.outcome("folder").errors())
        .containsExactly(
            "dataset 'SalesIn': the input folder " + folder(missing) + " does not exist");
    assertThat(job.outcome("file").errors())
        .containsExactly(
            "dataset 'SalesIn': the input file " + folder(src()) + "nope.csv does not exist");
    assertThat(job.outcome("folder").succeeded()).isFalse();
    assertThat(job.outcome("file").outputs()).isEmpty();
    assertThat(root.resolve("out1")).doesNotExist();
    assertThat(root.resolve("out2")).doesNotExist();
  }

  @Test
  void aFailedRerunKeepsThePreviousCompleteOutput() {
    write(src().resolve("a.csv"), "1,a\n");
    write(src().resolve("b.csv"), "2,b\n");
    CopyTask task =
        new CopyTask(
            "slice",
            FileSource.of("In", folder(src())).withText(CSV),
            FileSink.of("Out", folder(dst())).withText(TSV),
            1);
    CopyHarness.runOk(task);
    Map<String, String> before = digests(dst());

    write(src().resolve("a.csv"), "10,changed\n");
    write(src().resolve("b.csv"), "2,b\n3,b,extra\n");
    snapshotSources();
    CopyHarness.Job job = CopyHarness.run(task);

    assertThat(job.outcome("slice").succeeded()).isFalse();
    assertThat(digests(dst())).as("the first run's files, not a mix").isEqualTo(before);
  }

  @Test
  void runningARunAgainGivesTheSameFilesAndDropsWhatItNoLongerWrites() {
    write(src().resolve("a.csv"), "a");
    write(src().resolve("sub/b.csv"), "b");
    write(src().resolve("sub/c.csv"), "c");
    CopyTask preserve =
        task("preserve", FileSource.of("In", folder(src())), FileSink.of("Out", folder(dst())));
    CopyTask flatten =
        task(
            "flatten",
            FileSource.of("In", folder(src())),
            FileSink.of("Flat", folder(root.resolve("flat")))
                .withBehavior(CopyBehavior.FLATTEN_HIERARCHY));
    // another slice writing the same folder under its own file name
    write(root.resolve("other/o.csv"), "o");
    CopyTask other =
        task(
            "other",
            FileSource.of("Other", folder(root.resolve("other"))),
            FileSink.of("Out", folder(dst())).withFileName("other-slice.csv"));

    CopyHarness.run(preserve, flatten, other);
    Map<String, String> first = digests(dst());
    Map<String, String> flatFirst = digests(root.resolve("flat"));
    CopyHarness.run(preserve, flatten);
    assertThat(digests(dst())).isEqualTo(first);
    assertThat(digests(root.resolve("flat"))).isEqualTo(flatFirst);

    try {
      Files.delete(src().resolve("sub/b.csv"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    snapshotSources();
    CopyHarness.Job job = CopyHarness.run(preserve, flatten);

    assertThat(dataFiles(dst()).keySet()).containsExactly("a.csv", "other-slice.csv", "sub/c.csv");
    Map<String, byte[]> flat = dataFiles(root.resolve("flat"));
    assertThat(flat).hasSize(2);
    assertThat(flat.values())
        .extracting(b -> new String(b, StandardCharsets.UTF_8))
        .containsExactlyInAnyOrder("a", "c");
    assertThat(flatFirst.keySet()).containsAll(flat.keySet());
    assertThat(job.outcome("flatten").outputs()).hasSize(2);
  }

  @Test
  void renamingTheMergedFileRemovesTheOldOne() {
    write(src().resolve("a.csv"), "1\n");
    write(src().resolve("b.csv"), "2\n");
    snapshotSources();
    FileSink sink = FileSink.of("Out", folder(dst())).withBehavior(CopyBehavior.MERGE_FILES);

    CopyHarness.runOk(
        task("merge", FileSource.of("In", folder(src())), sink.withFileName("v1.txt")));
    CopyHarness.runOk(
        task("merge", FileSource.of("In", folder(src())), sink.withFileName("v2.txt")));

    assertThat(dataFiles(dst()).keySet()).containsExactly("v2.txt");
    assertThat(CopyHarness.readUtf8(dst().resolve("v2.txt"))).isEqualTo("1\n2\n");
  }

  @Test
  void leftoversOfACrashedAttemptAreNeitherCommittedNorKept() {
    write(src().resolve("a.csv"), "a");
    snapshotSources();
    String token = OutputNames.token("crashed");
    // what a killed attempt staged, a joined file, a manifest half written; and a folder of the
    // layout before (a folder per run)
    write(dst().resolve(".adf-beam/" + token + "~3.0"), "partial");
    write(dst().resolve(".adf-beam/" + token + "~joined.0"), "partial");
    write(dst().resolve(".adf-beam/" + token + "~manifest"), "junk.csv");
    write(dst().resolve(".adf-beam/" + token + "/half-written.csv"), "partial");
    // another run's staging, whose token starts with this one's: not this run's to remove
    String other = OutputNames.token(token);
    write(dst().resolve(".adf-beam/" + other + "~0.0"), "other");

    CopyHarness.runOk(
        task("crashed", FileSource.of("In", folder(src())), FileSink.of("Out", folder(dst()))));

    assertThat(tree(dst()).keySet()).containsExactly(
        ".adf-beam/" + other + "~0.0", ".adf-beam/" + token + ".manifest", "a.csv");
    assertThat(dst().resolve(".adf-beam/" + token)).doesNotExist();
  }

  @Test
  void parallelCopiesCapsTheSlotsAndEveryFileIsCopied() {
    Map<String, String> files = new LinkedHashMap<>();
    for (int i = 1; i <= 5; i++) {
      files.put("f" + i + ".bin", "x".repeat(i * 1000));
    }
    files.forEach((name, content) -> write(src().resolve(name), content));
    snapshotSources();
    FileSource source = FileSource.of("In", folder(src()));
    List<Integer> caps = List.of(1, 2, 0);
    CopyTask[] tasks =
        caps.stream()
            .map(
                p ->
                    new CopyTask(
                        "p" + p, source, FileSink.of("Out", folder(root.resolve("out-" + p))), p))
            .toArray(CopyTask[]::new);

    CopyHarness.Job job = CopyHarness.run(tasks);

    for (int p : caps) {
      Map<String, byte[]> out = dataFiles(root.resolve("out-" + p));
      assertThat(out.keySet()).containsExactlyElementsOf(files.keySet());
      files.forEach(
          (name, content) ->
              assertThat(out.get(name)).isEqualTo(content.getBytes(StandardCharsets.UTF_8)));
      assertThat(job.counter("p" + p, CopyMetrics.FILES_WRITTEN)).isEqualTo(5);
    }
    assertThat(job.slots("p1")).isEqualTo(1);
    assertThat(job.slots("p2")).isEqualTo(2);
    assertThat(job.slots("p0")).as("one slot per file up to 64").isEqualTo(5);
  }
}
