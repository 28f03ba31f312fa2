package io.adfbeam.transforms.rows;

import io.adfbeam.formats.CompressionType;
import io.adfbeam.formats.compression.Codecs;
import io.adfbeam.formats.compression.ZipArchiveReader;
import io.adfbeam.formats.compression.ZipArchiveWriter;
import io.adfbeam.formats.columnar.Split;
import io.adfbeam.formats.convert.ConversionException;
import io.adfbeam.formats.convert.ValueConverter;
import io.adfbeam.formats.rows.BadRowException;
import io.adfbeam.formats.rows.Field;
import io.adfbeam.formats.rows.RowReader;
import io.adfbeam.formats.rows.RowSchema;
import io.adfbeam.formats.rows.RowWriter;
import io.adfbeam.transforms.copy.CopyFiles;
import io.adfbeam.transforms.copy.DataFormat;
import io.adfbeam.transforms.copy.FileSink;
import io.adfbeam.transforms.copy.FileSource;
import io.adfbeam.transforms.copy.RowCodecs;
import io.adfbeam.transforms.copy.StoreFiles;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Reads and writes the rows of an ADF file dataset as schema-aware Beam {@link Row}s, for Beam
 * programs that embed adf-beam: any format (TextFormat, JsonFormat, AvroFormat, OrcFormat,
 * ParquetFormat) and compression a {@link FileSource} or {@link FileSink} describes, with ADF's
 * types mapped to Beam field types as {@link BeamRows} says.
 *
 * <pre>{@code
 * RowSchema orders = RowSchema.of(Field.of("id", AdfType.INT64), Field.of("total", AdfType.DECIMAL));
 * PCollection<Row> rows = pipeline.apply("ReadOrders", AdfRowIO.read(
 *     FileSource.of("Orders", "/data/orders/").withFormat(new DataFormat.Parquet())
 *         .withStructure(orders)));
 * PCollection<String> written = rows
 *     .apply(Filter.by(r -> r.getDecimal("total").signum() > 0))
 *     .apply("WriteOrders", AdfRowIO.write(
 *         FileSink.of("Positive", "/data/positive/")
 *             .withText(TextFormatOptions.defaults().withFirstRowAsHeader(true))
 *             .withCompression(CompressionType.GZIP, CompressionLevel.OPTIMAL))
 *         .withNumShards(4));
 * }</pre>
 *
 * <h2>The schema of the rows read</h2>
 *
 * A {@code PCollection<Row>} needs its schema when the pipeline is built, and adf-beam opens no
 * file while a pipeline is built. So the schema is {@link Read#withSchema}'s when given, else the
 * source's declared {@code structure}; a source with neither is refused when the transform is
 * applied, whatever its format (a text header, a JSON object or a columnar footer is only seen at
 * run time). Text columns match the schema by position and JSON properties by name, as in a copy;
 * the columns of an Avro, ORC or Parquet file match by name (ignoring case), else by position when
 * the counts agree, and their values are converted to the schema's types.
 */
public final class AdfRowIO {
  static final String NAMESPACE = "AdfRowIO";

  private AdfRowIO() {}

  /** Reads the rows of the files {@code source} names. */
  public static Read read(FileSource source) {
    return new Read(Objects.requireNonNull(source, "source"), null, false);
  }

  /** Writes rows to files in {@code sink}'s folder, format and compression. */
  public static Write write(FileSink sink) {
    return new Write(Objects.requireNonNull(sink, "sink"), null, 0);
  }

  /**
   * Lists the source's files when the pipeline runs, splits Avro, ORC and Parquet files into
   * their blocks, stripes and row groups (so that one large file is read by many workers; a text
   * or JSON file is one unit), reads each unit with its format's reader and emits one {@link Row}
   * per row.
   */
  public static final class Read extends PTransform<PBegin, PCollection<Row>> {
    private final FileSource source;
    private final @Nullable RowSchema schema;
    private final boolean skipIncompatibleRows;

    private Read(FileSource source, @Nullable RowSchema schema, boolean skipIncompatibleRows) {
      this.source = source;
      this.schema = schema;
      this.skipIncompatibleRows = skipIncompatibleRows;
    }

    /**
     * The columns and types of the rows read. Default: the source's {@code structure}; one of the
     * two is required (see the class documentation).
     */
    public Read withSchema(RowSchema value) {
      return new Read(source, Objects.requireNonNull(value, "schema"), skipIncompatibleRows);
    }

    /**
     * Whether rows that cannot be read or converted are skipped (ADF's {@code
     * enableSkipIncompatibleRow}) and counted in the metric {@code AdfRowIO/rowsSkipped}. Default:
     * false, the first such row fails the pipeline.
     */
    public Read withSkipIncompatibleRows(boolean value) {
      return new Read(source, schema, value);
    }

    /**
     * The schema of the rows this transform reads.
     *
     * @throws IllegalArgumentException if neither {@link #withSchema} nor the source gives one
     */
    public RowSchema schema() {
      if (schema != null) {
        return schema;
      }
      if (source.structure() != null) {
        return source.structure();
      }
      throw new IllegalArgumentException("dataset '" + source.dataset() + "' has no structure:"
          + " declare one, or give the rows' schema with withSchema(...); the schema of a"
          + " PCollection<Row> is needed before any file is opened");
    }

    @Override
    public PCollection<Row> expand(PBegin input) {
      DataFormat format = source.format();
      if (format == null) {
        throw new IllegalArgumentException("dataset '" + source.dataset() + "' has no format:"
            + " rows can be read from TextFormat, JsonFormat, AvroFormat, OrcFormat and"
            + " ParquetFormat files only");
      }
      if (format.columnar() && source.compression() != null) {
        throw new IllegalArgumentException("dataset '" + source.dataset() + "': "
            + format.adfName() + " files carry their own compression; remove the compression");
      }
      RowSchema rows = schema();
      return input
          .apply("Source", Create.of(source).withCoder(SerializableCoder.of(FileSource.class)))
          .apply("ListSplits", ParDo.of(new ListSplitsFn()))
          .setCoder(SerializableCoder.of(FileSplit.class))
          .apply("Spread", Reshuffle.viaRandomKey())
          .apply("ReadRows", ParDo.of(new ReadFn(source, rows, skipIncompatibleRows)))
          .setRowSchema(BeamRows.schema(rows));
    }
  }

  /** One unit of reading: a whole text or JSON file, or one split of a columnar file. */
  record FileSplit(StoreFiles.Listed file, @Nullable Split split) implements Serializable {}

  /** Lists the source's files and, for columnar formats, each file's splits. */
  static final class ListSplitsFn extends DoFn<FileSource, FileSplit> {
    @ProcessElement
    public void process(@Element FileSource source, OutputReceiver<FileSplit> out)
        throws IOException {
      for (StoreFiles.Listed file : CopyFiles.sourceFiles(source)) {
        if (source.format().columnar()) {
          for (Split split : RowCodecs.columnar(source.format()).splits(StoreFiles.seekable(file))) {
            out.output(new FileSplit(file, split));
          }
        } else {
          out.output(new FileSplit(file, null));
        }
      }
    }
  }

  /** Reads one unit's rows as Beam rows of the schema. */
  static final class ReadFn extends DoFn<FileSplit, Row> {
    private final FileSource source;
    private final RowSchema schema;
    private final boolean skip;
    private final Counter rowsRead = Metrics.counter(NAMESPACE, "rowsRead");
    private final Counter rowsSkipped = Metrics.counter(NAMESPACE, "rowsSkipped");
    private final Counter splitsRead = Metrics.counter(NAMESPACE, "splitsRead");
    private transient Schema beam;
    private transient ValueConverter[] converters;

    ReadFn(FileSource source, RowSchema schema, boolean skip) {
      this.source = source;
      this.schema = schema;
      this.skip = skip;
    }

    @Setup
    public void setup() {
      beam = BeamRows.schema(schema);
      converters = new ValueConverter[schema.size()];
      for (int i = 0; i < converters.length; i++) {
        converters[i] = ValueConverter.of(schema.field(i));
      }
    }

    @ProcessElement
    public void process(@Element FileSplit unit, OutputReceiver<Row> out) throws IOException {
      DataFormat format = source.format();
      String path = unit.file().path();
      if (unit.split() != null) {
        emit(RowCodecs.reader(format, StoreFiles.seekable(unit.file()), unit.split()), path, out);
      } else if (source.compression() == CompressionType.ZIP_DEFLATE) {
        try (ZipArchiveReader archive = new ZipArchiveReader(StoreFiles.open(path))) {
          for (ZipArchiveReader.Entry e = archive.next(); e != null; e = archive.next()) {
            String name = path + "!" + e.name();
            emit(RowCodecs.reader(format, e.content(), schema, name), name, out);
          }
        }
      } else {
        InputStream raw = StoreFiles.open(path);
        InputStream in;
        try {
          in = source.compression() == null ? raw : Codecs.decompress(raw, source.compression());
        } catch (IOException | RuntimeException e) {
          raw.close();
          throw e;
        }
        emit(RowCodecs.reader(format, in, schema, path), path, out);
      }
      splitsRead.inc();
    }

    private void emit(RowReader reader, String name, OutputReceiver<Row> out) throws IOException {
      try (reader) {
        int[] from = match(reader.schema(), name);
        while (true) {
          Object[] values;
          try {
            values = reader.next();
            if (values == null) {
              return;
            }
            values = project(values, from, reader, name);
          } catch (BadRowException e) {
            if (!skip || !e.isRowSkippable()) {
              throw e;
            }
            rowsSkipped.inc();
            continue;
          }
          rowsRead.inc();
          out.output(BeamRows.toRow(beam, schema, values));
        }
      }
    }

    /** For each schema column, the index of the file's column that fills it. */
    private int[] match(RowSchema file, String name) throws IOException {
      int[] from = new int[schema.size()];
      boolean byName = true;
      for (int i = 0; i < from.length; i++) {
        from[i] = file.indexOf(schema.field(i).name()).orElse(-1);
        byName &= from[i] >= 0;
      }
      if (byName) {
        return from;
      }
      if (file.size() == schema.size()) {
        for (int i = 0; i < from.length; i++) {
          from[i] = i;
        }
        return from;
      }
      throw new IOException(name + ": the file's columns (" + String.join(", ", file.names())
          + ") do not match the schema's (" + String.join(", ", schema.names()) + ")");
    }

    private Object[] project(Object[] values, int[] from, RowReader reader, String name)
        throws BadRowException {
      Object[] out = new Object[from.length];
      for (int i = 0; i < from.length; i++) {
        Object v = from[i] < values.length ? values[from[i]] : null;
        try {
          out[i] = converters[i].convert(v);
        } catch (ConversionException e) {
          throw new BadRowException(name, reader.position(), schema.field(i).name(),
              e.getMessage(), true, null);
        }
      }
      return out;
    }
  }

  /**
   * Writes rows to files in the sink's format and compression, staged: each file is written under
   * the sink folder's hidden {@value StoreFiles#HIDDEN} folder, and all of them are moved into
   * place in one step after every row is written. A failed pipeline leaves nothing where readers
   * look: its staged files stay in the hidden folder, which no reader (and no copy) lists. The output is
   * the paths of the files written, once they are in place. An empty input writes no file.
   *
   * <p>Files are named as ADF names them ({@code Data.<Guid>.txt}, plus the compression's
   * extension), or the sink's {@code fileName}, which makes exactly one file. A file of that name
   * already there is replaced; other files in the folder are left as they are. The sink's copy
   * behavior does not apply to rows. The input must be bounded and in the global window.
   */
  public static final class Write extends PTransform<PCollection<Row>, PCollection<String>> {
    private final FileSink sink;
    private final @Nullable RowSchema schema;
    private final int numShards;

    private Write(FileSink sink, @Nullable RowSchema schema, int numShards) {
      this.sink = sink;
      this.schema = schema;
      this.numShards = numShards;
    }

    /**
     * The columns and ADF types written; each takes the input field of its name (ignoring case),
     * or the field at its position when some name is missing and the counts agree, converted as
     * ADF converts. Default: the sink's {@code structure}, else the input's fields with the ADF
     * types of their Beam types ({@link BeamRows#rowSchema}).
     */
    public Write withSchema(RowSchema value) {
      return new Write(sink, Objects.requireNonNull(value, "schema"), numShards);
    }

    /**
     * How many files are written: rows are dealt out to that many files. Default: 0, one file per
     * bundle of the input, as the runner splits it. A sink with a {@code fileName} always writes
     * one file.
     */
    public Write withNumShards(int value) {
      if (value < 0) {
        throw new IllegalArgumentException("numShards must be 0 (runner-chosen) or more: " + value);
      }
      return new Write(sink, schema, value);
    }

    @Override
    public PCollection<String> expand(PCollection<Row> input) {
      DataFormat format = sink.format();
      if (format == null) {
        throw new IllegalArgumentException("dataset '" + sink.dataset() + "' has no format:"
            + " rows can be written as TextFormat, JsonFormat, AvroFormat, OrcFormat and"
            + " ParquetFormat only");
      }
      if (format.columnar() && sink.compression() != null) {
        throw new IllegalArgumentException("dataset '" + sink.dataset() + "': "
            + format.adfName() + " files carry their own compression; remove the compression");
      }
      if (sink.fileName() != null && numShards > 1) {
        throw new IllegalArgumentException("dataset '" + sink.dataset() + "' names one file ('"
            + sink.fileName() + "'); it cannot be written as " + numShards + " shards");
      }
      if (!input.hasSchema()) {
        throw new IllegalArgumentException("the rows written to dataset '" + sink.dataset()
            + "' have no schema; set one with setRowSchema(...)");
      }
      if (!(input.getWindowingStrategy().getWindowFn() instanceof GlobalWindows)) {
        throw new IllegalArgumentException("the rows written to dataset '" + sink.dataset()
            + "' are windowed; apply Window.into(new GlobalWindows()) first");
      }
      Schema beam = input.getSchema();
      RowSchema columns = schema != null ? schema
          : sink.structure() != null ? sink.structure() : BeamRows.rowSchema(beam, RowSchema.of());
      int[] fields = fieldIndexes(beam, columns);
      String writeId = UUID.randomUUID().toString();
      Staging staging = new Staging(sink, writeId, columns, fields);
      int shards = sink.fileName() != null ? 1 : numShards;
      PCollection<KV<String, String>> staged;
      KvCoder<String, String> pairs = KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of());
      if (shards > 0) {
        staged = input
            .apply("AssignShards", ParDo.of(new AssignShardFn(shards)))
            .setCoder(KvCoder.of(VarIntCoder.of(), input.getCoder()))
            .apply("GroupByShard", GroupByKey.create())
            .apply("WriteShards", ParDo.of(new WriteShardFn(staging)))
            .setCoder(pairs);
      } else {
        staged = input.apply("WriteBundles", ParDo.of(new WriteBundleFn(staging)))
            .setCoder(pairs);
      }
      return staged
          .apply("OneCommit", WithKeys.<String, KV<String, String>>of("")
              .withKeyType(TypeDescriptors.strings()))
          .setCoder(KvCoder.of(StringUtf8Coder.of(), pairs))
          .apply("GatherStaged", GroupByKey.create())
          .apply("Commit", ParDo.of(new CommitFn(staging)))
          .setCoder(StringUtf8Coder.of());
    }

    /** For each column, the index of the input field that fills it. */
    private int[] fieldIndexes(Schema beam, RowSchema columns) {
      int[] from = new int[columns.size()];
      boolean byName = true;
      for (int i = 0; i < from.length; i++) {
        from[i] = -1;
        for (int k = 0; k < beam.getFieldCount(); k++) {
          if (beam.getField(k).getName().equalsIgnoreCase(columns.field(i).name())) {
            from[i] = k;
            break;
          }
        }
        byName &= from[i] >= 0;
      }
      if (!byName) {
        if (beam.getFieldCount() != columns.size()) {
          throw new IllegalArgumentException("dataset '" + sink.dataset() + "' has columns "
              + String.join(", ", columns.names()) + " and the rows have fields "
              + String.join(", ", beam.getFieldNames()) + "; give the rows the columns' names");
        }
        for (int i = 0; i < from.length; i++) {
          from[i] = i;
        }
      }
      for (int i = 0; i < from.length; i++) {
        Schema.Field f = beam.getField(from[i]);
        switch (f.getType().getTypeName()) {
          case ARRAY, ITERABLE, MAP, ROW -> throw new IllegalArgumentException("field '"
              + f.getName() + "' is a " + f.getType().getTypeName() + "; ADF writes only columns"
              + " of primitive types");
          default -> { }
        }
      }
      return from;
    }
  }

  /** Where and how one write stages its files. */
  record Staging(FileSink sink, String writeId, RowSchema columns, int[] fields)
      implements Serializable {
    String folder() {
      return sink.folder() + StoreFiles.HIDDEN + "/staging/rows-" + writeId + "/";
    }

    /** The file name of shard {@code seed} (or the sink's fileName). */
    String name(String seed) {
      if (sink.fileName() != null) {
        return sink.fileName();
      }
      UUID id = UUID.nameUUIDFromBytes((writeId + "#" + seed).getBytes(StandardCharsets.UTF_8));
      CompressionType c = sink.compression();
      return "Data." + id + ".txt" + (c == null ? "" : c.extension());
    }
  }

  /** Deals rows out to shards, round robin from a random start in each bundle. */
  static final class AssignShardFn extends DoFn<Row, KV<Integer, Row>> {
    private final int shards;
    private int next;

    AssignShardFn(int shards) {
      this.shards = shards;
    }

    @StartBundle
    public void start() {
      next = ThreadLocalRandom.current().nextInt(shards);
    }

    @ProcessElement
    public void process(@Element Row row, OutputReceiver<KV<Integer, Row>> out) {
      out.output(KV.of(next, row));
      next = (next + 1) % shards;
    }
  }

  /** Writes each shard's rows to one staged file. */
  static final class WriteShardFn extends DoFn<KV<Integer, Iterable<Row>>, KV<String, String>> {
    private final Staging staging;

    WriteShardFn(Staging staging) {
      this.staging = staging;
    }

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<Row>> shard,
        OutputReceiver<KV<String, String>> out) throws IOException {
      String name = staging.name("shard-" + shard.getKey());
      try (StagedFile file = new StagedFile(staging, name)) {
        for (Row row : shard.getValue()) {
          file.write(row);
        }
      }
      out.output(KV.of(staging.folder() + name, staging.sink().folder() + name));
    }
  }

  /** Writes each bundle's rows to one staged file, opened on the bundle's first row. */
  static final class WriteBundleFn extends DoFn<Row, KV<String, String>> {
    private final Staging staging;
    private transient StagedFile file;
    private transient String name;

    WriteBundleFn(Staging staging) {
      this.staging = staging;
    }

    @StartBundle
    public void start() {
      file = null;
    }

    @ProcessElement
    public void process(@Element Row row) throws IOException {
      if (file == null) {
        name = staging.name("bundle-" + UUID.randomUUID());
        file = new StagedFile(staging, name);
      }
      file.write(row);
    }

    @FinishBundle
    public void finish(FinishBundleContext c) throws IOException {
      if (file == null) {
        return;
      }
      file.close();
      file = null;
      c.output(KV.of(staging.folder() + name, staging.sink().folder() + name),
          GlobalWindow.INSTANCE.maxTimestamp(), GlobalWindow.INSTANCE);
    }

    @Teardown
    public void teardown() throws IOException {
      if (file != null) {
        file.close(); // a failed bundle: its staged file is never committed
      }
    }
  }

  /** One file being written in the staging folder, through the sink's compression and format. */
  static final class StagedFile implements AutoCloseable {
    private final Staging staging;
    private final OutputStream raw;
    private final ZipArchiveWriter zip;
    private final RowWriter writer;
    private final ValueConverter[] converters;
    private long rows;

    StagedFile(Staging staging, String name) throws IOException {
      this.staging = staging;
      FileSink sink = staging.sink();
      RowSchema columns = staging.columns();
      converters = new ValueConverter[columns.size()];
      for (int i = 0; i < converters.length; i++) {
        converters[i] = ValueConverter.of(columns.field(i));
      }
      raw = new BufferedOutputStream(StoreFiles.create(staging.folder() + name), 1 << 16);
      OutputStream encoded;
      ZipArchiveWriter archive = null;
      try {
        if (sink.compression() == null) {
          encoded = raw;
        } else if (sink.compression() == CompressionType.ZIP_DEFLATE) {
          archive = new ZipArchiveWriter(raw, sink.level());
          encoded = archive.nextEntry(ZipArchiveWriter.entryNameFor(name));
        } else {
          encoded = Codecs.compress(raw, sink.compression(), sink.level());
        }
        writer = RowCodecs.writer(sink.format(), encoded, columns, name);
      } catch (IOException | RuntimeException e) {
        raw.close();
        throw e;
      }
      zip = archive;
    }

    void write(Row row) throws IOException {
      RowSchema columns = staging.columns();
      Object[] values = new Object[converters.length];
      rows++;
      for (int i = 0; i < values.length; i++) {
        Object v = value(row.getValue(staging.fields()[i]), columns.field(i));
        try {
          values[i] = converters[i].convert(v);
        } catch (ConversionException e) {
          throw new BadRowException("rows for dataset '" + staging.sink().dataset() + "'",
              "row " + rows, columns.field(i).name(), e.getMessage(), false, row.toString());
        }
      }
      writer.write(values);
    }

    /** A Beam field value as an ADF value (see {@link BeamRows}). */
    private static Object value(Object v, Field column) {
      if (v instanceof org.joda.time.ReadableInstant i) {
        return Instant.ofEpochMilli(i.getMillis());
      }
      if (v instanceof Byte b) {
        return b.shortValue();
      }
      if (v instanceof String s && column.type() == io.adfbeam.formats.AdfType.DATETIMEOFFSET) {
        try {
          return OffsetDateTime.parse(s);
        } catch (DateTimeParseException e) {
          return s; // other text: converted as ADF converts text
        }
      }
      return v;
    }

    @Override
    public void close() throws IOException {
      try {
        writer.close();
        if (zip != null) {
          zip.close();
        }
      } finally {
        raw.close();
      }
    }
  }

  /** Moves every staged file into place, then removes the staging folder. */
  static final class CommitFn extends DoFn<KV<String, Iterable<KV<String, String>>>, String> {
    private final Staging staging;

    CommitFn(Staging staging) {
      this.staging = staging;
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<KV<String, String>>> element,
        OutputReceiver<String> out) throws IOException {
      Map<String, String> byTarget = new HashMap<>();
      List<String> from = new ArrayList<>();
      List<String> to = new ArrayList<>();
      for (KV<String, String> s : element.getValue()) {
        String earlier = byTarget.putIfAbsent(s.getValue(), s.getKey());
        if (earlier != null && !earlier.equals(s.getKey())) {
          throw new IOException("dataset '" + staging.sink().dataset() + "': two files would both"
              + " be written to " + s.getValue());
        }
        if (earlier == null) {
          from.add(s.getKey());
          to.add(s.getValue());
        }
      }
      StoreFiles.rename(from, to);
      String hidden = staging.sink().folder() + StoreFiles.HIDDEN + "/";
      StoreFiles.deleteTree(staging.folder());
      StoreFiles.deleteIfEmpty(hidden + "staging/");
      StoreFiles.deleteIfEmpty(hidden);
      to.stream().sorted().forEach(out::output);
    }
  }
}
