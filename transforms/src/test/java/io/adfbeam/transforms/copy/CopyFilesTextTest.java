package io.adfbeam.transforms.copy;

import static io.adfbeam.transforms.copy.CopyHarness.dataFiles;
import static io.adfbeam.transforms.copy.CopyHarness.digests;
import static io.adfbeam.transforms.copy.CopyHarness.folder;
import static io.adfbeam.transforms.copy.CopyHarness.read;
import static io.adfbeam.transforms.copy.CopyHarness.readUtf8;
import static io.adfbeam.transforms.copy.CopyHarness.task;
import static io.adfbeam.transforms.copy.CopyHarness.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.adfbeam.formats.CompressionLevel;
import io.adfbeam.formats.CompressionType;
import io.adfbeam.formats.text.TextFormatOptions;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Text to text copies: rows are parsed, converted and written; outputs compared exactly. */
class CopyFilesTextTest {
  private static final TextFormatOptions CSV_WITH_HEADER =
      TextFormatOptions.defaults().withFirstRowAsHeader(true).withQuoteChar('"');
  private static final TextFormatOptions TSV_WITH_HEADER =
      CSV_WITH_HEADER.withColumnDelimiter('\t');

  @TempDir Path root;
  private Path src;
  private Path dst;
  private Map<String, String> sources;

  @BeforeEach
  void layOut() {
    src = root.resolve("src");
    dst = root.resolve("dst");
  }

  @AfterEach
  void sourcesAreNeverModified() {
    if (sources != null) {
      assertThat(digests(src)).isEqualTo(sources);
    }
  }

  private CopyHarness.Job copy(FileSource source, FileSink sink) {
    sources = digests(src);
    return CopyHarness.runOk(task("text", source, sink));
  }

  @Test
  void commaToTabWithHeaderQuotesAndNulls() {
    write(
        src.resolve("people.csv"),
        "id,name,note\n"
            + "1,\"Smith, John\",\"said \"\"hi\"\"\"\r\n"
            + "2,Ann,\\N\n"
            + "\n"
            + "3,\"two\nlines\",NULL\n");

    CopyHarness.Job job =
        copy(
            FileSource.of("Csv", folder(src)).withText(CSV_WITH_HEADER),
            FileSink.of("Tsv", folder(dst)).withText(TSV_WITH_HEADER));

    assertThat(dataFiles(dst).keySet()).containsExactly("people.csv");
    assertThat(readUtf8(dst.resolve("people.csv")))
        .isEqualTo(
            "id\tname\tnote\r\n"
                + "1\tSmith, John\t\"said \"\"hi\"\"\"\r\n"
                + "2\tAnn\t\\N\r\n"
                + "3\t\"two\nlines\"\t\\N\r\n");
    assertThat(job.counter("text", CopyMetrics.ROWS_READ)).isEqualTo(3);
    assertThat(job.counter("text", CopyMetrics.ROWS_COPIED)).isEqualTo(3);
    assertThat(job.counter("text", CopyMetrics.FILES_WRITTEN)).isEqualTo(1);
    assertThat(job.counter("text", CopyMetrics.DATA_WRITTEN))
        .isEqualTo(read(dst.resolve("people.csv")).length);
  }

  @Test
  void nullValueIsReadAndWrittenAsEachSideSays() {
    write(src.resolve("n.csv"), "1,-,x\n2,NULL,\n3,\"\",\"-\"\n");
    TextFormatOptions in = TextFormatOptions.defaults().withQuoteChar('"').withNullValue("-");
    TextFormatOptions out = TextFormatOptions.defaults().withQuoteChar('"').withNullValue("NULL");

    copy(
        FileSource.of("In", folder(src)).withText(in),
        FileSink.of("Out", folder(dst)).withText(out));

    // "-" and empty are null on the way in; on the way out null is NULL, and text that would
    // read back as null (the text NULL, the empty string) is quoted.
    assertThat(readUtf8(dst.resolve("n.csv")))
        .isEqualTo("1,NULL,x\r\n2,\"NULL\",NULL\r\n3,\"\",-\r\n");
  }

  @Test
  void windows1252ToUtf8() {
    Charset cp1252 = Charset.forName("windows-1252");
    String text = "name,price\r\ncafé,€5\r\nnaïve,½\r\n";
    byte[] bytes = text.getBytes(cp1252);
    assertThat(bytes).contains((byte) 0x80, (byte) 0xE9); // €, é: not valid UTF-8 on their own
    write(src.resolve("prices.csv"), bytes);

    CopyHarness.Job job =
        copy(
            FileSource.of("Legacy", folder(src))
                .withText(TextFormatOptions.defaults().withEncoding(cp1252)),
            FileSink.of("Utf8", folder(dst)).withText(TextFormatOptions.defaults()));

    assertThat(read(dst.resolve("prices.csv"))).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    assertThat(job.counter("text", CopyMetrics.ROWS_READ)).isEqualTo(3);
    assertThat(job.counter("text", CopyMetrics.ROWS_COPIED)).isEqualTo(3);
  }

  @Test
  void sameFormatOnBothSidesMovesTheBytesWithoutParsing() {
    // LF line ends and a ragged row: parsing would have rewritten the first and failed the second.
    byte[] bytes = "a,b\n1,2,3\nNULL,\n".getBytes(StandardCharsets.UTF_8);
    write(src.resolve("raw.csv"), bytes);

    CopyHarness.Job job =
        copy(
            FileSource.of("In", folder(src)).withText(CSV_WITH_HEADER),
            FileSink.of("Out", folder(dst)).withText(CSV_WITH_HEADER));

    assertThat(read(dst.resolve("raw.csv"))).isEqualTo(bytes);
    assertThat(job.counter("text", CopyMetrics.ROWS_READ)).isZero();
    assertThat(job.counter("text", CopyMetrics.DATA_READ)).isEqualTo(bytes.length);
  }

  @Test
  void gzippedCsvToBzip2Tsv() {
    String csv = "k,v\r\n" + "x,1\r\n".repeat(5000);
    write(
        src.resolve("part.csv.gz"),
        CopyFilesCompressionTest.gzip(csv.getBytes(StandardCharsets.UTF_8), 9));

    CopyHarness.Job job =
        copy(
            FileSource.of("In", folder(src))
                .withText(CSV_WITH_HEADER)
                .withCompression(CompressionType.GZIP),
            FileSink.of("Out", folder(dst))
                .withText(TSV_WITH_HEADER)
                .withCompression(CompressionType.BZIP2, CompressionLevel.FASTEST));

    assertThat(dataFiles(dst).keySet()).containsExactly("part.csv.bz2");
    byte[] tsv =
        CopyFilesCompressionTest.decode(CompressionType.BZIP2, read(dst.resolve("part.csv.bz2")));
    assertThat(new String(tsv, StandardCharsets.UTF_8)).isEqualTo(csv.replace(',', '\t'));
    assertThat(job.counter("text", CopyMetrics.ROWS_COPIED)).isEqualTo(5000);
  }

  @Test
  void aSinkHeaderWithoutASourceHeaderNamesColumnsPropN() {
    write(src.resolve("plain.txt"), "1;a\n2;b\n");

    copy(
        FileSource.of("In", folder(src))
            .withText(TextFormatOptions.defaults().withColumnDelimiter(';')),
        FileSink.of("Out", folder(dst))
            .withText(TextFormatOptions.defaults().withFirstRowAsHeader(true)));

    assertThat(readUtf8(dst.resolve("plain.txt"))).isEqualTo("Prop_0,Prop_1\r\n1,a\r\n2,b\r\n");
  }

  @Test
  void aValueTheSinkCannotHoldFailsTheRunWithTheSourceLine() {
    write(src.resolve("t.csv"), "id,text\n1,ok\n2,\"tab\there\"\n");
    sources = digests(src);

    CopyHarness.Job job =
        CopyHarness.run(
            task(
                "text",
                FileSource.of("In", folder(src)).withText(CSV_WITH_HEADER),
                FileSink.of("Out", folder(dst))
                    .withText(TextFormatOptions.defaults().withColumnDelimiter('\t'))));

    RunOutcome outcome = job.outcome("text");
    assertThat(outcome.succeeded()).isFalse();
    assertThat(outcome.errors())
        .containsExactly(
            folder(src)
                + "t.csv:3: row 2, column 2: the value"
                + " holds the column delimiter \\u0009; set quoteChar or escapeChar to write it");
    assertThat(dataFiles(dst)).isEmpty();
  }
}
