package io.adfbeam.transforms.copy;

import io.adfbeam.formats.CompressionType;
import io.adfbeam.formats.columnar.Split;
import io.adfbeam.formats.json.JsonFormatOptions;
import java.io.IOException;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Cuts a run's large files into parts that workers copy side by side, so that one big file
 * spreads over workers as many files do. A part is written aside as a file of its own and the
 * parts of a file are joined, in order, into its one output when the run commits ({@link
 * PartJoin}); what readers see is what an uncut copy writes.
 *
 * <p>A file is cut only when the copy parses its rows and its parts can be read and joined apart:
 *
 * <ul>
 *   <li>Avro, ORC and Parquet sources by their blocks, stripes and row groups ({@link Split}),
 *       neighbours joined up to the split size;
 *   <li>uncompressed TextFormat sources whose row ends cannot hide inside a value (no quote or
 *       escape character, a line-end row delimiter, an ASCII-compatible encoding), into byte
 *       ranges that each worker moves to the next row end ({@link TextParts});
 *   <li>into a sink that joins: Avro, ORC, Parquet (their own join), or TextFormat and JsonFormat
 *       setOfObjects, uncompressed, GZip or BZip2 (parts concatenate: several gzip members, several
 *       bzip2 streams) in an encoding without a byte order mark.
 * </ul>
 *
 * <p>Not cut: byte-for-byte copies (joining would copy the bytes a second time, on one worker),
 * compressed sources (a compressed stream is read from its start), Deflate and ZipDeflate sinks
 * (a raw deflate stream or an archive does not concatenate), JSON sources and MergeFiles.
 */
final class FileSplits {
  /**
   * The least split size by default: the size of a default Parquet row group, so each part is a
   * good bite of work for one worker and the join at commit (one more pass over the output, on one
   * worker) stays small beside the copy.
   */
  static final long DEFAULT_SPLIT_BYTES = 128L << 20;

  /** At most this many parts per file: each is a Beam element and a staged file. */
  static final int MAX_PARTS = 10_000;

  private FileSplits() {}

  /** One part of a split file: the index-th of {@code count}, reading the rows of {@code range}. */
  record Part(int index, int count, Split range) implements Serializable {
    boolean first() {
      return index == 0;
    }
  }

  /** A unit of parallel work: a whole file, or one part of a split file. */
  record Unit(StoreFiles.Listed file, @Nullable Part part) implements Serializable {
    long size() {
      return part == null ? file.size() : part.range().length();
    }
  }

  /**
   * The split size of a run: {@code splitBytes} when the copy sets it, else the default or an even
   * share of the run's bytes over its slots, whichever is larger (no splits with one slot).
   */
  static long splitBytes(CopyTask task, long totalBytes, int slots) {
    if (task.settings().splitBytes() > 0) {
      return task.settings().splitBytes();
    }
    return slots <= 1 ? Long.MAX_VALUE
        : Math.max(DEFAULT_SPLIT_BYTES, ceilDiv(totalBytes, slots));
  }

  /** A run's files as units of work, files larger than {@code splitBytes} cut where they can be. */
  static List<Unit> units(CopyTask task, List<StoreFiles.Listed> files, long splitBytes) {
    boolean cuttable = cuttable(task);
    List<Unit> units = new ArrayList<>(files.size());
    for (StoreFiles.Listed f : files) {
      List<Split> ranges = cuttable && f.size() > splitBytes ? ranges(task, f, splitBytes) : List.of();
      if (ranges.size() < 2) {
        units.add(new Unit(f, null));
        continue;
      }
      for (int i = 0; i < ranges.size(); i++) {
        units.add(new Unit(f, new Part(i, ranges.size(), ranges.get(i))));
      }
    }
    return units;
  }

  /**
   * The byte ranges a file's parts read: its units joined up to {@code splitBytes} for columnar
   * files, even ranges for text. A file that cannot be looked into is not cut (its copy reports
   * the problem).
   */
  private static List<Split> ranges(CopyTask task, StoreFiles.Listed file, long splitBytes) {
    long size = Math.max(splitBytes, ceilDiv(file.size(), MAX_PARTS));
    try {
      if (task.source().format().columnar()) {
        return Split.coalesce(
            RowCodecs.columnar(task.source().format()).splits(StoreFiles.seekable(file)), size);
      }
      if (foreignByteOrderMark(file)) {
        return List.of();
      }
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
    int n = (int) ceilDiv(file.size(), size);
    List<Split> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      long from = file.size() * i / n;
      out.add(new Split(from, file.size() * (i + 1) / n - from, -1));
    }
    return out;
  }

  /** a / b rounded up, for a &ge; 0 and b &gt; 0 (Math.ceilDiv is Java 18). */
  private static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }

  /**
   * Whether a text file starts with a UTF-16 byte order mark, which the text reader follows over
   * a declared UTF-8: its row ends are then not single bytes.
   */
  private static boolean foreignByteOrderMark(StoreFiles.Listed file) throws IOException {
    try (SeekableByteChannel ch = StoreFiles.seekable(file).open()) {
      ByteBuffer b = ByteBuffer.allocate(2);
      while (b.hasRemaining() && ch.read(b) > 0) {
        // the first two bytes
      }
      int b0 = b.position() > 0 ? b.get(0) & 0xff : -1;
      int b1 = b.position() > 1 ? b.get(1) & 0xff : -1;
      return (b0 == 0xfe && b1 == 0xff) || (b0 == 0xff && b1 == 0xfe);
    }
  }

  /** Whether the run's files may be cut at all (see the class documentation). */
  static boolean cuttable(CopyTask task) {
    FileSource s = task.source();
    FileSink k = task.sink();
    if (k.behavior() == CopyBehavior.MERGE_FILES || FileCopier.passThrough(task)
        || s.compression() != null || s.format() == null || k.format() == null) {
      return false;
    }
    boolean readable = s.format().columnar()
        || (s.text() != null && TextParts.splittable(s.text()));
    return readable && joinable(k);
  }

  private static boolean joinable(FileSink k) {
    if (k.format().columnar()) {
      return k.compression() == null;
    }
    boolean concatenates = k.compression() == null || k.compression() == CompressionType.GZIP
        || k.compression() == CompressionType.BZIP2;
    if (k.format() instanceof DataFormat.Text t) {
      return concatenates && LineCounter.asciiCompatible(t.options().encoding());
    }
    return concatenates && k.format() instanceof DataFormat.Json j
        && j.options().filePattern() == JsonFormatOptions.FilePattern.SET_OF_OBJECTS
        && LineCounter.asciiCompatible(j.options().encoding());
  }
}
