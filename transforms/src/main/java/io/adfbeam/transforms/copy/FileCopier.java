package io.adfbeam.transforms.copy;

import io.adfbeam.formats.CompressionType;
import io.adfbeam.formats.compression.Codecs;
import io.adfbeam.formats.compression.ZipArchiveReader;
import io.adfbeam.formats.compression.ZipArchiveWriter;
import io.adfbeam.formats.text.TextFormatOptions;
import io.adfbeam.formats.text.TextRowReader;
import io.adfbeam.formats.text.TextRowWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
  long rowsRead;
  long rowsCopied;
  long bytesRead;

  FileCopier(CopyTask task, OutputStream store, String outputName) {
    this.task = task;
    this.outputName = outputName;
    this.raw = new Counting.Out(new BufferedOutputStream(store, BUFFER));
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
        && Objects.equals(s.text(), k.text())
        && k.behavior() != CopyBehavior.MERGE_FILES;
  }

  /** Copies a whole raw source stream as it is. */
  void copyRaw(InputStream source) throws IOException {
    rawUsed = true;
    try (Counting.In in = new Counting.In(source)) {
      in.transferTo(raw);
      bytesRead += in.count;
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
    TextFormatOptions from = task.source().text();
    TextFormatOptions to = task.sink().text();
    if (from == null || to == null) {
      decoded.transferTo(encoded());
      return;
    }
    try (TextRowReader reader = new TextRowReader(decoded, from, sourceName)) {
      String[] row;
      while ((row = reader.next()) != null) {
        rowsRead++;
        try {
          rowWriter(reader, row).write(row);
        } catch (IllegalArgumentException e) {
          // a value the sink's format cannot hold: name the source row, as a malformed row does
          throw new IOException(sourceName + ":" + reader.lineNumber() + ": " + e.getMessage(), e);
        }
        rowsCopied++;
      }
      if (rows == null && reader.header().isPresent()) {
        rowWriter(reader, null); // a file with a header and no rows still gets its header
      }
    }
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
      rows = new TextRowWriter(encoded(), task.sink().text(), header);
    }
    return rows;
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

  /** Bytes written to the store (complete after {@link #close()}). */
  long bytesWritten() {
    return raw.count;
  }

  @Override
  public void close() throws IOException {
    if (rows != null) {
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
