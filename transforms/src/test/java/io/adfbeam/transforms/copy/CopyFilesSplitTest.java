package io.adfbeam.transforms.copy;

import static io.adfbeam.transforms.copy.CopyHarness.dataFiles;
import static io.adfbeam.transforms.copy.CopyHarness.entries;
import static io.adfbeam.transforms.copy.CopyHarness.folder;
import static io.adfbeam.transforms.copy.CopyHarness.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.adfbeam.formats.AdfType;
import io.adfbeam.formats.CompressionType;
import io.adfbeam.formats.columnar.ColumnarFormat;
import io.adfbeam.formats.columnar.SeekableInput;
import io.adfbeam.formats.compression.Codecs;
import io.adfbeam.formats.json.JsonFormatOptions;
import io.adfbeam.formats.rows.Field;
import io.adfbeam.formats.rows.RowReader;
import io.adfbeam.formats.rows.RowSchema;
import io.adfbeam.formats.rows.RowWriter;
import io.adfbeam.formats.text.TextFormatOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Large files split into parts ({@link FileSplits}): each copy runs twice, once with a split size
 * that cuts the source into several parts and once uncut, and the two outputs must be the same
 * file: the same values in the same order (read back with the sink format's reader), byte for
 * byte where the sink's codec is deterministic (text, JSON, and decompressed GZip), with the same
 * counts in the run's metrics.
 */
class CopyFilesSplitTest {
  private static final RowSchema SCHEMA = RowSchema.of(
      Field.of("id", AdfType.INT64),
      Field.of("name", AdfType.STRING),
      Field.of("amount", AdfType.DECIMAL),
      Field.of("at", AdfType.DATETIME),
      Field.of("ok", AdfType.BOOLEAN));
  private static final int ROWS = 20_000;
  private static final TextFormatOptions CSV = TextFormatOptions.defaults();
  private static final TextFormatOptions CSV_HEADER = CSV.withFirstRowAsHeader(true);

  @TempDir Path root;

  private static List<Object[]> rows() {
    List<Object[]> rows = new ArrayList<>(ROWS);
    for (int i = 0; i < ROWS; i++) {
      rows.add(new Object[] {(long) i, i % 11 == 0 ? null : "name " + i + (i % 7 == 0 ? " é中" : ""),
          BigDecimal.valueOf(i * 137L, 2), LocalDateTime.of(2020, 1, 1, 0, 0).plusSeconds(i * 61L),
          i % 3 == 0});
    }
    return rows;
  }

  /** A columnar file of {@link #rows()} in units of about 32 KB: several units to split by. */
  private Path columnar(ColumnarFormat format) throws IOException {
    Path file = root.resolve("src/data" + format.extension());
    Files.createDirectories(file.getParent());
    try (RowWriter w = format.writer(Files.newOutputStream(file), SCHEMA, file.toString(), 32 << 10)) {
      for (Object[] r : rows()) {
        w.write(r);
      }
    }
    assertThat(format.splits(SeekableInput.of(file))).as("units of the source").hasSizeGreaterThanOrEqualTo(4);
    return file;
  }

  /** The split copy and the uncut copy of one source. */
  record Copies(CopyHarness.Job split, CopyHarness.Job uncut, Path splitOut, Path uncutOut) {
    /** The one file each copy wrote, by its name: the same name for both. */
    String output() {
      Map<String, byte[]> a = dataFiles(splitOut);
      assertThat(a).hasSize(1);
      assertThat(dataFiles(uncutOut).keySet()).isEqualTo(a.keySet());
      return a.keySet().iterator().next();
    }

    /** Both runs counted the same files, rows and bytes read, and their own bytes written. */
    void sameCounts(long sourceBytes, long rows) {
      for (String m : List.of(CopyMetrics.FILES_READ, CopyMetrics.FILES_WRITTEN)) {
        assertThat(split.counter("split", m)).as(m).isEqualTo(1);
        assertThat(uncut.counter("uncut", m)).as(m).isEqualTo(1);
      }
      for (String m : List.of(CopyMetrics.ROWS_READ, CopyMetrics.ROWS_COPIED)) {
        assertThat(split.counter("split", m)).as(m).isEqualTo(rows);
        assertThat(uncut.counter("uncut", m)).as(m).isEqualTo(rows);
      }
      assertThat(split.counter("split", CopyMetrics.DATA_READ)).isEqualTo(sourceBytes);
      assertThat(uncut.counter("uncut", CopyMetrics.DATA_READ)).isEqualTo(sourceBytes);
      String name = output();
      assertThat(split.counter("split", CopyMetrics.DATA_WRITTEN))
          .isEqualTo(dataFiles(splitOut).get(name).length);
      assertThat(uncut.counter("uncut", CopyMetrics.DATA_WRITTEN))
          .isEqualTo(dataFiles(uncutOut).get(name).length);
    }
  }

  /**
   * Copies the source folder twice, split into parts of about {@code splitBytes} and uncut, and
   * checks that the first really went in several parts over several slots and the second in one,
   * and that neither left staging behind.
   */
  private Copies copyBoth(FileSource source, java.util.function.Function<String, FileSink> sink,
      CopySettings settings, long splitBytes) {
    Path splitOut = root.resolve("split");
    Path uncutOut = root.resolve("uncut");
    CopyHarness.Job split = CopyHarness.runOk(new CopyTask("split", source,
        sink.apply(folder(splitOut)), 0, settings.withSplitBytes(splitBytes)));
    CopyHarness.Job uncut = CopyHarness.runOk(new CopyTask("uncut", source,
        sink.apply(folder(uncutOut)), 0, settings));
    assertThat(split.counter("split", CopyMetrics.SPLIT_PARTS)).as("parts").isGreaterThan(2);
    assertThat(split.slots("split")).as("slots").isGreaterThan(2);
    assertThat(uncut.counter("uncut", CopyMetrics.SPLIT_PARTS)).isZero();
    assertThat(uncut.slots("uncut")).isEqualTo(1);
    for (Path out : List.of(splitOut, uncutOut)) {
      assertThat(entries(out)).as("no staging left").noneMatch(e -> e.contains("staging"));
    }
    return new Copies(split, uncut, splitOut, uncutOut);
  }

  private static List<Object[]> readColumnar(ColumnarFormat format, Path file) throws IOException {
    List<Object[]> rows = new ArrayList<>();
    try (RowReader r = format.reader(SeekableInput.of(file))) {
      Object[] row;
      while ((row = r.next()) != null) {
        rows.add(row);
      }
    }
    return rows;
  }

  /** Same values in the same order, compared with equals (Arrays.equals for Byte[]). */
  private static void assertSameRows(List<Object[]> actual, List<Object[]> expected) {
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) {
      assertThat(actual.get(i)).as("row " + i).isEqualTo(expected.get(i));
    }
  }

  enum ColumnarCase {
    PARQUET_TO_PARQUET(ColumnarFormat.PARQUET, new DataFormat.Parquet()),
    PARQUET_TO_ORC(ColumnarFormat.PARQUET, new DataFormat.Orc()),
    PARQUET_TO_AVRO(ColumnarFormat.PARQUET, new DataFormat.Avro()),
    PARQUET_TO_CSV(ColumnarFormat.PARQUET, new DataFormat.Text(CSV_HEADER)),
    ORC_TO_PARQUET(ColumnarFormat.ORC, new DataFormat.Parquet()),
    AVRO_TO_JSON(ColumnarFormat.AVRO, new DataFormat.Json(JsonFormatOptions.defaults()));

    final ColumnarFormat source;
    final DataFormat sink;

    ColumnarCase(ColumnarFormat source, DataFormat sink) {
      this.source = source;
      this.sink = sink;
    }
  }

  private static DataFormat format(ColumnarFormat f) {
    return switch (f) {
      case AVRO -> new DataFormat.Avro();
      case ORC -> new DataFormat.Orc();
      case PARQUET -> new DataFormat.Parquet();
    };
  }

  @ParameterizedTest
  @EnumSource(ColumnarCase.class)
  void aColumnarFileSplitByItsUnitsCopiesAsTheUncutCopy(ColumnarCase c) throws IOException {
    Path source = columnar(c.source);
    // Parquet to Parquet would move bytes as they are: column mappings make it parse rows
    CopySettings settings = c.sink instanceof DataFormat.Parquet && c.source == ColumnarFormat.PARQUET
        ? new CopySettings(SCHEMA.names().stream().map(n -> new ColumnMap(n, n)).toList(), false, null)
        : CopySettings.DEFAULT;
    Copies copies = copyBoth(FileSource.of("In", folder(source.getParent())).withFormat(format(c.source)),
        out -> FileSink.of("Out", out).withFormat(c.sink), settings, Files.size(source) / 5);
    copies.sameCounts(Files.size(source), ROWS);
    String name = copies.output();
    Path split = copies.splitOut().resolve(name);
    Path uncut = copies.uncutOut().resolve(name);
    if (c.sink.columnar()) {
      ColumnarFormat sink = RowCodecs.columnar(c.sink);
      // Avro, ORC and Parquet hold Decimal at scale 18
      List<Object[]> expected = rows();
      expected.forEach(r -> r[2] = ((BigDecimal) r[2]).setScale(18));
      assertSameRows(readColumnar(sink, uncut), expected);
      assertSameRows(readColumnar(sink, split), expected);
      assertThat(sink.splits(SeekableInput.of(split)).size())
          .as("the joined file keeps the parts' units").isGreaterThan(2);
    } else {
      assertThat(Files.readAllBytes(split)).isEqualTo(Files.readAllBytes(uncut));
      String text = Files.readString(split);
      assertThat(text).startsWith(c.sink instanceof DataFormat.Text ? "id,name,amount,at,ok\r\n0,"
          : "{\"id\":0,");
      assertThat(text.lines().count()).isEqualTo(ROWS + (c.sink instanceof DataFormat.Text ? 1 : 0));
    }
  }

  /** CSV of {@link #ROWS} rows with CRLF line ends, its last line without one when asked. */
  private static String csv(String prelude, boolean finalNewline) {
    StringBuilder sb = new StringBuilder(prelude);
    for (Object[] r : rows()) {
      sb.append(r[0]).append(',').append(r[1] == null ? "" : r[1]).append(',').append(r[2])
          .append(',').append(r[3]).append(',').append(r[4]).append("\r\n");
    }
    return finalNewline ? sb.toString() : sb.substring(0, sb.length() - 2);
  }

  private static byte[] decompress(byte[] data, CompressionType type) throws IOException {
    try (InputStream in = Codecs.decompress(new ByteArrayInputStream(data), type)) {
      return in.readAllBytes();
    }
  }

  /** GZip parts join as gzip members, BZip2 parts as bzip2 streams: gzip and bzip2 read them. */
  @ParameterizedTest
  @EnumSource(value = CompressionType.class, names = {"GZIP", "BZIP2"})
  void csvWithAHeaderToACompressedCsvConcatenatesStreamsTheToolsRead(CompressionType type)
      throws Exception {
    Path source = root.resolve("src/orders.csv");
    write(source, csv("id,name,amount,at,ok\r\n", true));
    Copies copies = copyBoth(FileSource.of("In", folder(source.getParent())).withText(CSV_HEADER),
        out -> FileSink.of("Out", out).withText(CSV_HEADER).withCompression(type, null),
        CopySettings.DEFAULT, Files.size(source) / 7);
    copies.sameCounts(Files.size(source), ROWS);
    String name = "orders.csv" + type.extension();
    assertThat(copies.output()).isEqualTo(name);
    byte[] split = Files.readAllBytes(copies.splitOut().resolve(name));
    byte[] uncut = Files.readAllBytes(copies.uncutOut().resolve(name));
    assertThat(decompress(split, type)).isEqualTo(decompress(uncut, type))
        .isEqualTo(Files.readAllBytes(source));
    Process tool = new ProcessBuilder(type == CompressionType.GZIP ? "gzip" : "bzip2", "-dc",
        copies.splitOut().resolve(name).toString()).start();
    byte[] byTool = tool.getInputStream().readAllBytes();
    assertThat(tool.waitFor()).isZero();
    assertThat(byTool).isEqualTo(Files.readAllBytes(source));
  }

  /** In one process the slots take parts from the run's shared queue as they take files. */
  @Test
  void partsGoThroughTheSharedQueueOfOneProcess() throws IOException {
    Path source = root.resolve("src/orders.csv");
    write(source, csv("id,name,amount,at,ok\r\n", true));
    Path queued = root.resolve("queued");
    CopyHarness.Job job = CopyHarness.run(CopyFiles.create().inOneProcess(), new CopyTask("queued",
        FileSource.of("In", folder(source.getParent())).withText(CSV_HEADER),
        FileSink.of("Out", folder(queued)).withFormat(new DataFormat.Parquet()), 0,
        CopySettings.DEFAULT.withSplitBytes(Files.size(source) / 6)));
    assertThat(job.outcome("queued").succeeded()).isTrue();
    assertThat(job.counter("queued", CopyMetrics.SPLIT_PARTS)).isGreaterThan(2);
    assertThat(job.counter("queued", CopyMetrics.ROWS_COPIED)).isEqualTo(ROWS);
    assertThat(SharedFileQueue.open()).isZero();
    List<Object[]> rows = readColumnar(ColumnarFormat.PARQUET, queued.resolve("orders.csv"));
    assertThat(rows).hasSize(ROWS);
    for (int i = 0; i < ROWS; i++) {
      assertThat(rows.get(i)[0]).isEqualTo(String.valueOf(i));
    }
  }

  /**
   * Files that cannot be cut safely stay whole even with a tiny split size: a quote character (a
   * row end may be inside a value), a compressed source, a UTF-16 byte order mark before text
   * declared UTF-8 (the reader follows the mark), and a byte-for-byte copy.
   */
  @Test
  void filesThatCannotBeCutSafelyStayWhole() throws IOException {
    String text = csv("id,name,amount,at,ok\r\n", true);
    Path plain = root.resolve("plain/orders.csv");
    write(plain, text);
    Path gz = root.resolve("gz/orders.csv.gz");
    Files.createDirectories(gz.getParent());
    try (OutputStream out = Codecs.compress(Files.newOutputStream(gz), CompressionType.GZIP, null)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    Path utf16 = root.resolve("utf16/orders.csv");
    write(utf16, ("\uFEFF" + text).getBytes(StandardCharsets.UTF_16LE));
    FileSink parquet = FileSink.of("Out", folder(root.resolve("out-quoted")))
        .withFormat(new DataFormat.Parquet());
    CopySettings tiny = CopySettings.DEFAULT.withSplitBytes(4096);
    List<CopyTask> tasks = List.of(
        new CopyTask("quoted", FileSource.of("In", folder(plain.getParent()))
            .withText(CSV_HEADER.withQuoteChar('"')), parquet, 0, tiny),
        new CopyTask("gzip", FileSource.of("In", folder(gz.getParent())).withText(CSV_HEADER)
            .withCompression(CompressionType.GZIP),
            FileSink.of("Out", folder(root.resolve("out-gzip"))).withFormat(new DataFormat.Parquet()),
            0, tiny),
        new CopyTask("utf16", FileSource.of("In", folder(utf16.getParent())).withText(CSV_HEADER),
            FileSink.of("Out", folder(root.resolve("out-utf16"))).withFormat(new DataFormat.Parquet()),
            0, tiny),
        new CopyTask("bytes", FileSource.of("In", folder(plain.getParent())).withText(CSV_HEADER),
            FileSink.of("Out", folder(root.resolve("out-bytes"))).withText(CSV_HEADER), 0, tiny));
    CopyHarness.Job job = CopyHarness.run(tasks.toArray(CopyTask[]::new));
    for (CopyTask t : tasks) {
      assertThat(job.outcome(t.runId()).errors()).as(t.runId()).isEmpty();
      assertThat(job.counter(t.runId(), CopyMetrics.SPLIT_PARTS)).as(t.runId()).isZero();
      assertThat(job.slots(t.runId())).as(t.runId()).isEqualTo(1);
      assertThat(job.counter(t.runId(), CopyMetrics.ROWS_COPIED)).as(t.runId()).isEqualTo(ROWS);
    }
    assertThat(Files.readAllBytes(root.resolve("out-bytes/orders.csv")))
        .isEqualTo(Files.readAllBytes(plain));
  }

  @Test
  void csvToParquetTakesTheHeaderOnceAndEveryRowOnce() throws IOException {
    Path source = root.resolve("src/orders.csv");
    write(source, csv("id,name,amount,at,ok\r\n", true));
    Copies copies = copyBoth(FileSource.of("In", folder(source.getParent())).withText(CSV_HEADER),
        out -> FileSink.of("Out", out).withFormat(new DataFormat.Parquet()),
        CopySettings.DEFAULT, Files.size(source) / 6);
    copies.sameCounts(Files.size(source), ROWS);
    List<Object[]> split = readColumnar(ColumnarFormat.PARQUET, copies.splitOut().resolve("orders.csv"));
    assertSameRows(split, readColumnar(ColumnarFormat.PARQUET, copies.uncutOut().resolve("orders.csv")));
    assertThat(split.get(0)).containsExactly("0", null, "0.00", "2020-01-01T00:00", "true");
    assertThat(split.get(ROWS - 1)[0]).isEqualTo(String.valueOf(ROWS - 1));
  }

  @Test
  void skippedLinesAndAHeaderStayInTheFirstPart() throws IOException {
    Path source = root.resolve("src/orders.csv");
    write(source, csv("exported 2024-01-01\r\n\r\nby: someone\r\nid,name,amount,at,ok\r\n", true));
    TextFormatOptions in = CSV_HEADER.withSkipLineCount(2);
    TextFormatOptions tsv = CSV_HEADER.withColumnDelimiter('\t');
    Copies copies = copyBoth(FileSource.of("In", folder(source.getParent())).withText(in),
        out -> FileSink.of("Out", out).withText(tsv), CopySettings.DEFAULT, Files.size(source) / 5);
    copies.sameCounts(Files.size(source), ROWS);
    byte[] split = Files.readAllBytes(copies.splitOut().resolve("orders.csv"));
    assertThat(split).isEqualTo(Files.readAllBytes(copies.uncutOut().resolve("orders.csv")));
    String text = new String(split, StandardCharsets.UTF_8);
    assertThat(text).startsWith("id\tname\tamount\tat\tok\r\n0\t\\N\t0.00\t");
    assertThat(text.lines().filter(l -> l.startsWith("id\t")).count()).isEqualTo(1);
  }

  @Test
  void aHeaderlessFileWithoutFinalNewlineCopiesEveryRowOnce() throws IOException {
    Path source = root.resolve("src/orders.csv");
    write(source, csv("", false));
    Copies tsv = copyBoth(FileSource.of("In", folder(source.getParent())).withText(CSV),
        out -> FileSink.of("Out", out).withText(CSV_HEADER.withColumnDelimiter('\t')),
        CopySettings.DEFAULT, Files.size(source) / 5);
    tsv.sameCounts(Files.size(source), ROWS);
    byte[] split = Files.readAllBytes(tsv.splitOut().resolve("orders.csv"));
    assertThat(split).isEqualTo(Files.readAllBytes(tsv.uncutOut().resolve("orders.csv")));
    assertThat(new String(split, StandardCharsets.UTF_8))
        .startsWith("Prop_0\tProp_1\tProp_2\tProp_3\tProp_4\r\n0\t");
  }

  @Test
  void aHeaderlessFileToParquetCopiesTheFirstRowOnce() throws IOException {
    Path source = root.resolve("src/orders.csv");
    write(source, csv("", false));
    Copies copies = copyBoth(FileSource.of("In", folder(source.getParent())).withText(CSV),
        out -> FileSink.of("Out", out).withFormat(new DataFormat.Parquet()),
        CopySettings.DEFAULT, Files.size(source) / 5);
    copies.sameCounts(Files.size(source), ROWS);
    List<Object[]> split = readColumnar(ColumnarFormat.PARQUET, copies.splitOut().resolve("orders.csv"));
    assertSameRows(split, readColumnar(ColumnarFormat.PARQUET, copies.uncutOut().resolve("orders.csv")));
    assertThat(split.get(0)[0]).isEqualTo("0");
  }

  @Test
  void aMalformedRowInTheSecondPartFailsTheRunAndLeavesNothing() throws IOException {
    Path source = root.resolve("src/orders.csv");
    String text = csv("id,name,amount,at,ok\r\n", true);
    int at = text.indexOf("\r\n" + (ROWS * 3 / 10) + ",") + 2; // 30% in: the second of five parts
    write(source, text.substring(0, at) + "bad,row,with,too,many,columns\r\n" + text.substring(at));
    Path out = root.resolve("out");
    CopyHarness.Job job = CopyHarness.run(new CopyTask("bad",
        FileSource.of("In", folder(source.getParent())).withText(CSV_HEADER),
        FileSink.of("Out", folder(out)).withFormat(new DataFormat.Parquet()), 0,
        CopySettings.DEFAULT.withSplitBytes(Files.size(source) / 5 + 1)));
    RunOutcome outcome = job.outcome("bad");
    assertThat(outcome.succeeded()).isFalse();
    assertThat(outcome.errors()).singleElement().asString().contains("orders.csv (from byte ");
    assertThat(job.counter("bad", CopyMetrics.SPLIT_PARTS)).isEqualTo(4);
    assertThat(entries(out)).as("no data, no parts, no staging").isEmpty();
  }
}
