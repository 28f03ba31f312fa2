package io.adfbeam.transforms.copy;

import io.adfbeam.formats.CompressionType;
import io.adfbeam.formats.columnar.SeekableInput;
import io.adfbeam.formats.columnar.Split;
import io.adfbeam.formats.compression.Codecs;
import io.adfbeam.formats.compression.ZipArchiveReader;
import io.adfbeam.formats.compression.ZipArchiveWriter;
import io.adfbeam.formats.convert.ConversionException;
import io.adfbeam.formats.convert.ValueConverter;
import io.adfbeam.formats.rows.BadRowException;
import io.adfbeam.formats.rows.Field;
import io.adfbeam.formats.rows.RowReader;
import io.adfbeam.formats.rows.RowSchema;
import io.adfbeam.formats.rows.RowWriter;
import io.adfbeam.formats.text.TextFormatOptions;
import io.adfbeam.formats.text.TextRowReader;
import io.adfbeam.formats.text.TextRowWriter;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Writes one output file from one or more source streams (several with MergeFiles), streaming:
 * bytes as they are when nothing about the content changes, else decompressing, re-encoding rows
 * from the source text format to the sink's, and compressing. Counts what it reads and writes.
 */
final class FileCopier implements AutoCloseable {
  private static final int BUFFER = 1 << 16;

  private final CopyTask task;
  private final String outputName;
  private final Counting.Out raw;
  private ZipArchiveWriter zip;
  private OutputStream encoded;
  private TextRowWriter rows;
  private boolean rawUsed;
  private RowWriter typedRows;
  private RowSchema sinkSchema;
  private ValueConverter[] converters;
  private final BadRowLog badRows;
  private final boolean continuation;
  /** Rows the reader gives first that an earlier part copies (a headerless text's first row). */
  private int preludeRows;
  long rowsRead;
  long rowsCopied;
  long rowsSkipped;
  long bytesRead;

  /**
   * @param badRows where skipped rows are logged, or null when they are only counted
   * @param sizeHint the bytes the sources hold, to size the write buffer
   * @param continuation whether this writes a later part of a split file ({@link FileSplits}):
   *     the source's header and the sink's are the first part's, so this part has neither
   */
  FileCopier(CopyTask task, OutputStream store, String outputName, BadRowLog badRows,
      long sizeHint, boolean continuation) {
    this.task = task;
    this.outputName = outputName;
    this.badRows = badRows;
    this.continuation = continuation;
    // Small files get small buffers: a copy of 100,000 of them should not allocate 6 GB.
    int buffer = (int) Math.max(4096, Math.min(BUFFER, sizeHint + 1));
    this.raw = new Counting.Out(new BufferedOutputStream(store, buffer));
  }

  /**
   * Whether a run's files can move as raw bytes: same compression (not an archive to expand),
   * same text settings or none, and one output per source file.
   */
  static boolean passThrough(CopyTask task) {
    FileSource s = task.source();
    FileSink k = task.sink();
    return s.compression() == k.compression()
        && s.compression() != CompressionType.ZIP_DEFLATE
        && Objects.equals(s.format(), k.format())
        && nothingToConvert(task)
        && k.behavior() != CopyBehavior.MERGE_FILES;
  }

  /** Whether rows go as they are: no structure on either side to convert to, no column mapping. */
  private static boolean nothingToConvert(CopyTask task) {
    return task.source().structure() == null && task.sink().structure() == null
        && task.settings().mappings().isEmpty();
  }

  /**
   * Copies a whole raw source stream as it is; text in a countable format has its rows counted
   * on the way.
   */
  void copyRaw(InputStream source) throws IOException {
    rawUsed = true;
    TextFormatOptions text = task.source().text();
    try (Counting.In in = new Counting.In(source)) {
      if (text != null && task.source().compression() == null && LineCounter.countable(text)) {
        LineCounter counter = new LineCounter(in);
        transfer(counter, raw);
        long rows = counter.rows(text.firstRowAsHeader());
        rowsRead += rows;
        rowsCopied += rows;
      } else {
        transfer(in, raw);
      }
      bytesRead += in.count;
    }
  }

  /**
   * Copies a columnar source (Avro, ORC, Parquet), which is read by seeking in the file rather
   * than as a stream.
   */
  void copyColumnar(SeekableInput file) throws IOException {
    copyColumnar(file, null);
  }

  /**
   * Copies the rows of the units of a columnar source that start in {@code split} (the whole file
   * when null); dataRead counts the split's bytes, so the parts of a file add up to its size.
   */
  void copyColumnar(SeekableInput file, Split split) throws IOException {
    if (task.sink().format() == null) {
      throw new IllegalArgumentException("dataset '" + task.sink().dataset() + "' has no format"
          + " while dataset '" + task.source().dataset() + "' has " + task.source().format().adfName()
          + "; give both datasets a format, or neither for a binary copy");
    }
    bytesRead += split == null ? file.length() : split.length();
    copyRows(RowCodecs.reader(task.source().format(), file, split), file.name());
  }

  /**
   * Copies one part of an uncompressed text file cut into byte ranges ({@link TextParts}): its own
   * bytes, after the file's prelude when the copy parses rows and this is a later part.
   *
   * @param prelude the file's first bytes up to the end of its first row
   * @param range the part's own bytes
   */
  void copyTextPart(byte[] prelude, InputStream range, String sourceName) throws IOException {
    try (Counting.In in = new Counting.In(range)) {
      try {
        if (!continuation || sameText(task)) {
          copyDecoded(in, sourceName); // the first part holds the prelude; bytes need none
        } else {
          preludeRows = task.source().text().firstRowAsHeader() ? 0 : 1;
          copyDecoded(new SequenceInputStream(new ByteArrayInputStream(prelude), in), sourceName);
        }
      } finally {
        bytesRead += in.count;
      }
    }
  }

  /** Copies a raw source stream, decompressing it as the source dataset says. */
  void copyFile(InputStream rawSource, String sourceName) throws IOException {
    try (Counting.In in = new Counting.In(rawSource)) {
      try {
        CompressionType c = task.source().compression();
        copyDecoded(c == null ? in : Codecs.decompress(in, c), sourceName);
      } finally {
        bytesRead += in.count;
      }
    }
  }

  /** Copies an already decompressed source stream named {@code sourceName} (for messages). */
  void copyDecoded(InputStream decoded, String sourceName) throws IOException {
    DataFormat from = task.source().format();
    DataFormat to = task.sink().format();
    if (from == null && to == null) {
      transfer(decoded, encoded());
      return;
    }
    if (from == null || to == null) {
      throw new IllegalArgumentException("dataset '" + (from == null ? task.source().dataset()
          : task.sink().dataset()) + "' has no format while the other side has one;"
          + " give both datasets a format, or neither for a binary copy");
    }
    if (sameText(task)) {
      copyTextBytes(decoded);
    } else if (textToText(task)) {
      copyTextRows(decoded, sourceName);
    } else {
      copyRows(RowCodecs.reader(from, decoded, task.source().structure(), sourceName), sourceName);
    }
  }

  /**
   * Whether text moves as it is, only decompressed or recompressed: the same text settings on
   * both sides, nothing to convert or map, and no header to drop when files are merged.
   */
  static boolean sameText(CopyTask task) {
    return textToText(task) && task.source().text().equals(task.sink().text())
        && task.source().text().skipLineCount() == 0
        && !(task.sink().behavior() == CopyBehavior.MERGE_FILES
            && task.source().text().firstRowAsHeader());
  }

  /** Streams text bytes unchanged into the sink's codec, counting rows where line ends tell. */
  private void copyTextBytes(InputStream decoded) throws IOException {
    TextFormatOptions text = task.source().text();
    if (!LineCounter.countable(text)) {
      transfer(decoded, encoded());
      return;
    }
    LineCounter counter = new LineCounter(decoded);
    transfer(counter, encoded());
    long rows = counter.rows(text.firstRowAsHeader() && !continuation);
    rowsRead += rows;
    rowsCopied += rows;
  }

  /**
   * Whether rows can go text to text as strings: both sides TextFormat, no structure to convert
   * to, no mapping, no rows to skip.
   */
  static boolean textToText(CopyTask task) {
    return task.source().text() != null && task.sink().text() != null
        && nothingToConvert(task) && !task.settings().skipIncompatibleRows();
  }

  private void copyTextRows(InputStream decoded, String sourceName) throws IOException {
    try (TextRowReader reader = new TextRowReader(decoded, task.source().text(), sourceName)) {
      String[] row;
      while ((row = reader.next()) != null) {
        if (preludeRows > 0) {
          preludeRows--;
          continue;
        }
        rowsRead++;
        try {
          rowWriter(reader, row).write(row);
        } catch (IllegalArgumentException e) {
          // a value the sink's format cannot hold: name the source row, as a malformed row does
          throw new IOException(sourceName + ":" + reader.lineNumber() + ": " + e.getMessage(), e);
        }
        rowsCopied++;
      }
      if (rows == null && reader.header().isPresent() && !continuation) {
        rowWriter(reader, null); // a file with a header and no rows still gets its header
      }
    }
  }

  /**
   * Copies typed rows: each sink column takes its source column (by the mappings, else by name,
   * else by position) converted to the sink column's type. Rows that cannot be read or converted
   * are skipped and logged when the copy allows it; otherwise the first one fails the copy.
   */
  void copyRows(RowReader reader, String sourceName) throws IOException {
    try (reader) {
      RowSchema source = reader.schema();
      if (typedRows == null) {
        sinkSchema = sinkSchema(source);
        converters = new ValueConverter[sinkSchema.size()];
        for (int i = 0; i < converters.length; i++) {
          converters[i] = ValueConverter.of(sinkSchema.field(i));
        }
        typedRows = RowCodecs.writer(sinkFormat(), encoded(), sinkSchema, outputName);
      }
      int[] from = columnSources(source, sinkSchema);
      while (true) {
        Object[] row;
        try {
          row = reader.next();
        } catch (BadRowException e) {
          if (preludeRows > 0) {
            preludeRows--; // the first part's row: it reports it
            continue;
          }
          skipOrThrow(e);
          rowsRead++; // a skipped row was read all the same
          continue;
        }
        if (row == null) {
          return;
        }
        if (preludeRows > 0) {
          preludeRows--;
          continue;
        }
        rowsRead++;
        try {
          typedRows.write(convert(row, from, reader, sourceName));
          rowsCopied++;
        } catch (BadRowException e) {
          skipOrThrow(e);
        }
      }
    }
  }

  private Object[] convert(Object[] row, int[] from, RowReader reader, String sourceName)
      throws BadRowException {
    Object[] out = new Object[from.length];
    for (int i = 0; i < from.length; i++) {
      Object value = from[i] < 0 || from[i] >= row.length ? null : row[from[i]];
      try {
        out[i] = value == null ? null : converters[i].convert(value);
      } catch (ConversionException e) {
        throw new BadRowException(sourceName, reader.position(),
            sinkSchema.field(i).name(), e.getMessage(), true, rowText(row));
      }
    }
    return out;
  }

  private static String rowText(Object[] row) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < row.length; i++) {
      sb.append(i == 0 ? "" : ",").append(row[i] == null ? "" : ValueConverter.toText(row[i]));
    }
    return sb.toString();
  }

  private void skipOrThrow(BadRowException e) throws IOException {
    if (!e.isRowSkippable() || !task.settings().skipIncompatibleRows()) {
      throw e;
    }
    rowsSkipped++;
    if (badRows != null) {
      badRows.write(e);
    }
  }

  /** The sink's columns: its structure, else the mapped columns, else the source's. */
  private RowSchema sinkSchema(RowSchema source) {
    if (task.sink().structure() != null) {
      return task.sink().structure();
    }
    List<ColumnMap> mappings = task.settings().mappings();
    if (mappings.isEmpty()) {
      // The source's culture and formats are for reading it; the sink writes invariant values.
      return new RowSchema(source.fields().stream().map(f -> Field.of(f.name(), f.type())).toList());
    }
    List<Field> fields = new ArrayList<>();
    for (ColumnMap m : mappings) {
      Field f = source.indexOf(m.source()).stream().mapToObj(source::field).findFirst()
          .orElseThrow(() -> missingColumn(m.source(), source));
      fields.add(new Field(m.sink(), f.type(), null, null));
    }
    return new RowSchema(fields);
  }

  /** For each sink column, the index of the source column that fills it. */
  private int[] columnSources(RowSchema source, RowSchema sink) {
    int[] from = new int[sink.size()];
    List<ColumnMap> mappings = task.settings().mappings();
    boolean byName = mappings.isEmpty()
        && sink.fields().stream().allMatch(f -> source.indexOf(f.name()).isPresent());
    for (int i = 0; i < from.length; i++) {
      String name = sink.field(i).name();
      if (!mappings.isEmpty()) {
        String sourceName = mappings.stream().filter(m -> m.sink().equalsIgnoreCase(name))
            .map(ColumnMap::source).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("sink column '" + name + "' of dataset '"
                + task.sink().dataset() + "' has no column mapping"));
        from[i] = source.indexOf(sourceName).orElseThrow(() -> missingColumn(sourceName, source));
      } else if (byName) {
        from[i] = source.indexOf(name).getAsInt();
      } else if (sink.size() == source.size()) {
        from[i] = i; // ADF maps by position when the names differ
      } else {
        throw new IllegalArgumentException("dataset '" + task.sink().dataset() + "' has "
            + sink.size() + " columns (" + String.join(", ", sink.names()) + ") and dataset '"
            + task.source().dataset() + "' has " + source.size() + " ("
            + String.join(", ", source.names()) + "); give a column mapping");
      }
    }
    return from;
  }

  private IllegalArgumentException missingColumn(String name, RowSchema source) {
    return new IllegalArgumentException("column '" + name + "' is not in dataset '"
        + task.source().dataset() + "' (its columns: " + String.join(", ", source.names()) + ")");
  }

  /**
   * The sink's row writer, opened on the first row: its header is the source's header, or ADF's
   * generated names {@code Prop_0, Prop_1, ...} when the source has none.
   */
  private TextRowWriter rowWriter(TextRowReader reader, String[] first) throws IOException {
    if (rows == null) {
      List<String> header = reader.header().map(Arrays::asList).map(ArrayList::new)
          .map(l -> (List<String>) l)
          .orElseGet(() -> {
            List<String> names = new ArrayList<>();
            for (int i = 0; first != null && i < first.length; i++) {
              names.add("Prop_" + i);
            }
            return names;
          });
      rows = new TextRowWriter(encoded(), ((DataFormat.Text) sinkFormat()).options(), header);
    }
    return rows;
  }

  /** The sink's format; without its header row in a later part of a split file. */
  private DataFormat sinkFormat() {
    TextFormatOptions text = task.sink().text();
    return continuation && text != null && text.firstRowAsHeader()
        ? new DataFormat.Text(text.withFirstRowAsHeader(false)) : task.sink().format();
  }

  private OutputStream encoded() throws IOException {
    if (encoded == null) {
      CompressionType c = task.sink().compression();
      if (c == null) {
        encoded = raw;
      } else if (c == CompressionType.ZIP_DEFLATE) {
        zip = new ZipArchiveWriter(raw, task.sink().level());
        encoded = zip.nextEntry(ZipArchiveWriter.entryNameFor(outputName));
      } else {
        encoded = Codecs.compress(raw, c, task.sink().level());
      }
    }
    return encoded;
  }

  /** One copy buffer per worker thread: small files would otherwise each allocate their own. */
  private static final ThreadLocal<byte[]> BUFFERS = ThreadLocal.withInitial(() -> new byte[1 << 17]);

  /** Copies everything from {@code in} to {@code out} in large chunks. */
  static void transfer(InputStream in, OutputStream out) throws IOException {
    byte[] buf = BUFFERS.get();
    int n;
    while ((n = in.read(buf)) > 0) {
      out.write(buf, 0, n);
    }
  }

  /** Bytes written to the store (complete after {@link #close()}). */
  long bytesWritten() {
    return raw.count;
  }

  @Override
  public void close() throws IOException {
    if (typedRows != null) {
      typedRows.close(); // closes the encoded stream under it
    } else if (rows != null) {
      rows.close(); // closes the encoded stream under it
    } else if (!rawUsed) {
      encoded().close(); // an empty output still gets its compressed form (a gzip header, ...)
    }
    if (zip != null) {
      zip.close();
    }
    raw.close();
  }

  /** Expands a zip archive: {@code perEntry} gets each entry's name and content. */
  static void forEachZipEntry(InputStream rawArchive, ZipEntryConsumer perEntry) throws IOException {
    ZipArchiveReader reader = new ZipArchiveReader(rawArchive);
    try (reader) {
      ZipArchiveReader.Entry e;
      while ((e = reader.next()) != null) {
        perEntry.accept(e.name(), e.content());
      }
      // the central directory after the entries: read it too, so dataRead is the file's size
      rawArchive.transferTo(OutputStream.nullOutputStream());
    }
  }

  interface ZipEntryConsumer {
    void accept(String entryName, InputStream content) throws IOException;
  }
}
