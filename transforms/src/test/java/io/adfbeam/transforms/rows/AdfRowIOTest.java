package io.adfbeam.transforms.rows;

import static io.adfbeam.transforms.AllTypes.SCHEMA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adfbeam.formats.AdfType;
import io.adfbeam.formats.CompressionLevel;
import io.adfbeam.formats.CompressionType;
import io.adfbeam.formats.columnar.ColumnarFormat;
import io.adfbeam.formats.columnar.SeekableInput;
import io.adfbeam.formats.compression.Codecs;
import io.adfbeam.formats.json.JsonFormatOptions;
import io.adfbeam.formats.rows.Field;
import io.adfbeam.formats.rows.RowSchema;
import io.adfbeam.formats.rows.RowWriter;
import io.adfbeam.formats.text.TextFormatOptions;
import io.adfbeam.transforms.AllTypes;
import io.adfbeam.transforms.copy.DataFormat;
import io.adfbeam.transforms.copy.FileSink;
import io.adfbeam.transforms.copy.FileSource;
import io.adfbeam.transforms.copy.RowCodecs;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The row-level API on the Direct runner: every format read into Beam rows, a Parquet file of many
 * row groups read split by split, and rows written in every format and read back.
 */
class AdfRowIOTest {
  private static final TextFormatOptions CSV =
      TextFormatOptions.defaults().withQuoteChar('"').withFirstRowAsHeader(true);

  @TempDir Path root;

  static Stream<DataFormat> formats() {
    return Stream.of(new DataFormat.Text(CSV), new DataFormat.Json(JsonFormatOptions.defaults()),
        new DataFormat.Avro(), new DataFormat.Orc(), new DataFormat.Parquet());
  }

  private static Pipeline pipeline() {
    PipelineOptions options = PipelineOptionsFactory.create();
    options.setRunner(DirectRunner.class);
    return Pipeline.create(options);
  }

  private static PipelineResult run(Pipeline p) {
    PipelineResult result = p.run();
    assertThat(result.waitUntilFinish()).isEqualTo(PipelineResult.State.DONE);
    return result;
  }

  /** Writes {@code rows} to {@code file} with the formats' own writer. */
  private static void writeFile(DataFormat format, Path file, RowSchema schema, List<Object[]> rows,
      long unitBytes) throws IOException {
    Files.createDirectories(file.getParent());
    OutputStream out = Files.newOutputStream(file);
    try (RowWriter w = unitBytes > 0
        ? RowCodecs.columnar(format).writer(out, schema, file.getFileName().toString(), unitBytes)
        : RowCodecs.writer(format, out, schema, file.getFileName().toString())) {
      for (Object[] row : rows) {
        w.write(row);
      }
    }
  }

  /** The Beam rows the values read back as: Decimal at scale 18 from a columnar file. */
  private static List<Row> expected(List<Object[]> rows, RowSchema schema, boolean columnar) {
    Schema beam = BeamRows.schema(schema);
    List<Row> out = new ArrayList<>();
    for (Object[] values : rows) {
      Object[] v = values.clone();
      for (int i = 0; i < v.length; i++) {
        if (columnar && v[i] instanceof BigDecimal d) {
          v[i] = d.setScale(18);
        }
      }
      out.add(BeamRows.toRow(beam, schema, v));
    }
    return out;
  }

  private static String extension(DataFormat format) {
    return format instanceof DataFormat.Text ? ".csv"
        : format instanceof DataFormat.Json ? ".json" : RowCodecs.columnar(format).extension();
  }

  @ParameterizedTest
  @MethodSource("formats")
  void readsEveryTypeFromEachFormat(DataFormat format) throws IOException {
    List<Object[]> rows = AllTypes.rows();
    Path src = root.resolve("src");
    writeFile(format, src.resolve("a" + extension(format)), SCHEMA, rows.subList(0, 4), 0);
    writeFile(format, src.resolve("sub/b" + extension(format)), SCHEMA,
        rows.subList(4, rows.size()), 0);
    Pipeline p = pipeline();

    PCollection<Row> read = p.apply(AdfRowIO.read(
        FileSource.of("In", src + "/").withFormat(format).withStructure(SCHEMA)));

    assertThat(read.getSchema()).isEqualTo(BeamRows.schema(SCHEMA));
    PAssert.that(read).containsInAnyOrder(expected(rows, SCHEMA, format.columnar()));
    run(p);
  }

  @Test
  void readsCompressedText() throws IOException {
    RowSchema schema = RowSchema.of(Field.of("id", AdfType.INT64), Field.of("name", AdfType.STRING));
    Path src = root.resolve("src");
    Files.createDirectories(src);
    try (OutputStream out = Codecs.compress(Files.newOutputStream(src.resolve("a.csv.gz")),
        CompressionType.GZIP, CompressionLevel.FASTEST)) {
      out.write("id,name\r\n1,\"x, y\"\r\n2,\\N\r\n".getBytes(StandardCharsets.UTF_8));
    }
    Pipeline p = pipeline();

    PCollection<Row> read = p.apply(AdfRowIO.read(FileSource.of("In", src + "/").withText(CSV)
        .withCompression(CompressionType.GZIP)).withSchema(schema));

    Schema beam = BeamRows.schema(schema);
    PAssert.that(read).containsInAnyOrder(Row.withSchema(beam).addValues(1L, "x, y").build(),
        Row.withSchema(beam).addValues(2L, null).build());
    run(p);
  }

  @Test
  void readsEveryRowGroupOfALargeParquetFileExactlyOnce() throws IOException {
    RowSchema schema = RowSchema.of(Field.of("id", AdfType.INT64),
        Field.of("payload", AdfType.STRING));
    int n = 30_000;
    List<Object[]> rows = new ArrayList<>();
    for (long i = 0; i < n; i++) {
      rows.add(new Object[] {i, "row " + i + " " + "x".repeat((int) (i % 50))});
    }
    Path file = root.resolve("src/big.parquet");
    writeFile(new DataFormat.Parquet(), file, schema, rows, 64 * 1024);
    int splits = ColumnarFormat.PARQUET.splits(SeekableInput.of(file)).size();
    assertThat(splits).as("row groups").isGreaterThanOrEqualTo(4);
    Pipeline p = pipeline();

    PCollection<Row> read = p.apply(AdfRowIO.read(
        FileSource.of("Big", root.resolve("src") + "/").withFormat(new DataFormat.Parquet()))
        .withSchema(RowSchema.of(Field.of("ID", AdfType.INT64))));

    PCollection<Long> ids = read.apply(MapElements.into(TypeDescriptors.longs())
        .via((Row r) -> r.getInt64("ID")));
    PAssert.that(ids).containsInAnyOrder(LongStream.range(0, n).boxed().toList());
    PAssert.thatSingleton(ids.apply(Count.globally())).isEqualTo((long) n);
    PipelineResult result = run(p);
    assertThat(counter(result, "splitsRead")).isEqualTo(splits);
    assertThat(counter(result, "rowsRead")).isEqualTo(n);
  }

  private static long counter(PipelineResult result, String name) {
    long sum = 0;
    for (MetricResult<Long> c : result.metrics().queryMetrics(MetricsFilter.builder()
        .addNameFilter(MetricNameFilter.named(AdfRowIO.NAMESPACE, name)).build()).getCounters()) {
      sum += c.getAttempted();
    }
    return sum;
  }

  @Test
  void aSourceWithoutStructureNeedsASchemaBeforeAnyFileIsOpened() {
    FileSource source = FileSource.of("Orders", root.resolve("nowhere") + "/")
        .withFormat(new DataFormat.Parquet());

    assertThatThrownBy(() -> pipeline().apply(AdfRowIO.read(source)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("dataset 'Orders' has no structure: declare one, or give the rows' schema with"
            + " withSchema(...); the schema of a PCollection<Row> is needed before any file is"
            + " opened");
    RowSchema schema = RowSchema.of(Field.of("id", AdfType.INT32));
    assertThat(AdfRowIO.read(source).withSchema(schema).schema()).isEqualTo(schema);
    assertThat(AdfRowIO.read(source.withStructure(schema)).schema()).isEqualTo(schema);
    assertThatThrownBy(() -> pipeline().apply(AdfRowIO.read(source.withFormat(null))
        .withSchema(schema)))
        .hasMessageStartingWith("dataset 'Orders' has no format");
  }

  @Test
  void skipsIncompatibleRowsOnlyWhenAsked() throws IOException {
    RowSchema schema = RowSchema.of(Field.of("id", AdfType.INT32), Field.of("n", AdfType.INT16));
    Path src = root.resolve("src");
    Files.createDirectories(src);
    Files.writeString(src.resolve("a.csv"), "id,n\r\n1,7\r\n2,70000\r\n3\r\n4,-1\r\n");
    FileSource source = FileSource.of("In", src + "/").withText(CSV).withStructure(schema);

    Pipeline strict = pipeline();
    strict.apply(AdfRowIO.read(source));
    assertThatThrownBy(() -> strict.run().waitUntilFinish())
        .hasMessageContaining("a.csv:3: column 'n': ");

    Pipeline lenient = pipeline();
    PCollection<Row> read = lenient.apply(AdfRowIO.read(source).withSkipIncompatibleRows(true));
    Schema beam = BeamRows.schema(schema);
    PAssert.that(read).containsInAnyOrder(Row.withSchema(beam).addValues(1, (short) 7).build(),
        Row.withSchema(beam).addValues(4, (short) -1).build());
    assertThat(counter(run(lenient), "rowsSkipped")).isEqualTo(2);
  }

  @ParameterizedTest
  @MethodSource("formats")
  void writesEachFormatAndReadsItBack(DataFormat format) throws IOException {
    List<Row> rows = expected(AllTypes.rows(), SCHEMA, false);
    Path dst = root.resolve("dst");
    Pipeline write = pipeline();

    PCollection<String> written = write
        .apply(Create.of(rows).withRowSchema(BeamRows.schema(SCHEMA)))
        .apply(AdfRowIO.write(FileSink.of("Out", dst + "/").withFormat(format)
            .withStructure(SCHEMA)).withNumShards(2));

    PAssert.that(written.apply(Count.globally())).containsInAnyOrder(2L);
    run(write);
    assertThat(dataFiles(dst)).hasSize(2).allMatch(f -> f.matches("Data\\.[0-9a-f-]{36}\\.txt"));
    assertThat(dst.resolve(".adf-beam")).doesNotExist();

    Pipeline read = pipeline();
    PCollection<Row> back = read.apply(AdfRowIO.read(
        FileSource.of("Out", dst + "/").withFormat(format).withStructure(SCHEMA)));
    PAssert.that(back).containsInAnyOrder(expected(AllTypes.rows(), SCHEMA, format.columnar()));
    run(read);
  }

  @Test
  void writesOneNamedCompressedFileFromTheInputsOwnSchema() throws IOException {
    Schema beam = Schema.builder().addInt64Field("id").addNullableField("name",
        Schema.FieldType.STRING).build();
    List<Row> rows = List.of(Row.withSchema(beam).addValues(1L, "a,b").build(),
        Row.withSchema(beam).addValues(2L, null).build());
    Path dst = root.resolve("dst");
    Pipeline write = pipeline();

    PCollection<String> written = write.apply(Create.of(rows).withRowSchema(beam))
        .apply(AdfRowIO.write(FileSink.of("Out", dst + "/").withText(CSV)
            .withFileName("people.csv.gz").withCompression(CompressionType.GZIP, null)));

    PAssert.that(written).containsInAnyOrder(dst.resolve("people.csv.gz").toString());
    run(write);
    assertThat(dataFiles(dst)).containsExactly("people.csv.gz");
    try (var in = Codecs.decompress(Files.newInputStream(dst.resolve("people.csv.gz")),
        CompressionType.GZIP)) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .isIn("id,name\r\n1,\"a,b\"\r\n2,\\N\r\n", "id,name\r\n2,\\N\r\n1,\"a,b\"\r\n");
    }
  }

  @Test
  void writesOneFilePerBundleByDefault() throws IOException {
    RowSchema schema = RowSchema.of(Field.of("id", AdfType.INT32));
    Schema beam = BeamRows.schema(schema);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      rows.add(Row.withSchema(beam).addValues(i).build());
    }
    Path dst = root.resolve("dst");
    Pipeline write = pipeline();
    write.apply(Create.of(rows).withRowSchema(beam))
        .apply(AdfRowIO.write(FileSink.of("Out", dst + "/").withFormat(new DataFormat.Avro())));
    run(write);
    assertThat(dataFiles(dst)).isNotEmpty();

    Pipeline read = pipeline();
    PAssert.that(read.apply(AdfRowIO.read(FileSource.of("Out", dst + "/")
        .withFormat(new DataFormat.Avro())).withSchema(schema))).containsInAnyOrder(rows);
    run(read);
  }

  @Test
  void aFailedWriteLeavesNothingVisible() throws IOException {
    RowSchema schema = RowSchema.of(Field.of("id", AdfType.INT32),
        Field.of("amount", AdfType.DECIMAL));
    Schema beam = BeamRows.schema(schema);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      // 19 fraction digits do not fit Parquet's DECIMAL(38, 18): the last row cannot be written
      rows.add(Row.withSchema(beam).addValues(i, i == 49 ? new BigDecimal("0.0000000000000000001")
          : BigDecimal.valueOf(i)).build());
    }
    Path dst = root.resolve("dst");
    Files.createDirectories(dst);
    Files.writeString(dst.resolve("keep.txt"), "already there");
    Pipeline write = pipeline();
    write.apply(Create.of(rows).withRowSchema(beam))
        .apply(AdfRowIO.write(FileSink.of("Out", dst + "/").withFormat(new DataFormat.Parquet()))
            .withNumShards(3));

    assertThatThrownBy(() -> write.run().waitUntilFinish())
        .hasMessageContaining("column 'amount'");
    // The Direct runner reports a failed job while its other shards may still be writing their
    // staged files; what they write must not show either.
    awaitDirectRunnerWorkers();
    assertThat(dataFiles(dst)).containsExactly("keep.txt");
  }

  /**
   * Waits until the Direct runner's worker threads have ended: after a job fails, the runner
   * stops taking work but lets running bundles finish, which can otherwise write into the test's
   * folder while it is being deleted.
   */
  private static void awaitDirectRunnerWorkers() {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
    while (Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.isAlive() && t.getName().startsWith("direct-runner-worker"))) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the Direct runner's workers still run 60 s after the job failed");
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  @Test
  void writeRefusesWhatItCannotWrite() {
    Schema beam = Schema.builder().addInt32Field("id").build();
    Pipeline p = pipeline();
    PCollection<Row> rows = p.apply(Create.of(Row.withSchema(beam).addValue(1).build())
        .withRowSchema(beam));
    FileSink sink = FileSink.of("Out", root.resolve("dst") + "/");

    assertThatThrownBy(() -> rows.apply(AdfRowIO.write(sink)))
        .hasMessageStartingWith("dataset 'Out' has no format");
    assertThatThrownBy(() -> rows.apply(AdfRowIO.write(sink.withFormat(new DataFormat.Orc())
        .withCompression(CompressionType.GZIP, null))))
        .hasMessage("dataset 'Out': OrcFormat files carry their own compression; remove the"
            + " compression");
    assertThatThrownBy(() -> rows.apply(AdfRowIO.write(sink.withText(CSV).withFileName("x.csv"))
        .withNumShards(2)))
        .hasMessage("dataset 'Out' names one file ('x.csv'); it cannot be written as 2 shards");
    assertThatThrownBy(() -> rows.apply(AdfRowIO.write(sink.withText(CSV).withStructure(
        RowSchema.of(Field.of("a", AdfType.INT32), Field.of("b", AdfType.INT32))))))
        .hasMessage("dataset 'Out' has columns a, b and the rows have fields id; give the rows"
            + " the columns' names");
  }

  /** The names of the files readers see in {@code folder}: all but adf-beam's hidden folder. */
  private static List<String> dataFiles(Path folder) throws IOException {
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(Files::isRegularFile).map(f -> folder.relativize(f).toString())
          .filter(f -> !f.startsWith(".adf-beam")).sorted().toList();
    }
  }
}
