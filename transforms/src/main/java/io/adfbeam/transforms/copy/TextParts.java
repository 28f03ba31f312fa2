package io.adfbeam.transforms.copy;

import io.adfbeam.formats.text.TextFormatOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;

/**
 * The bytes of one part of an uncompressed text file cut into byte ranges ({@link FileSplits}).
 * Every part moves both ends of its nominal range forward to the next row end, as its neighbours
 * do, so the parts cover the file exactly once and each holds whole rows. A row end is a byte, so
 * this holds when no row end can hide inside a value: no quote or escape character, a line-end
 * row delimiter, an ASCII-compatible encoding ({@link #splittable}).
 *
 * <p>The start of the file up to the end of its first row (the lines {@code skipLineCount} skips
 * and the header, or the first row) is the prelude: it stays in the first part, and a later part
 * that parses rows reads it before its own bytes, so that its reader skips the same lines, takes
 * the same header and counts the same columns as the one reader of an uncut copy. A headerless
 * file's first row is then read by every part and copied by the first only.
 */
final class TextParts {
  private static final int CHUNK = 1 << 16;

  private TextParts() {}

  /** Whether rows of text in {@code options} end at bytes that appear nowhere else. */
  static boolean splittable(TextFormatOptions options) {
    return options.quoteChar().isEmpty() && options.escapeChar().isEmpty()
        && options.rowDelimiter().map(c -> c == '\n' || c == '\r').orElse(true)
        && LineCounter.asciiCompatible(options.encoding());
  }

  /**
   * A part's bytes, read from an open channel on the file.
   *
   * @param prelude the file's first bytes up to the end of its first row
   * @param start where the part's own bytes start
   * @param end where they end
   */
  record Range(byte[] prelude, long start, long end) {
    /** The part's own bytes (not the prelude), from a channel this stream closes. */
    InputStream open(SeekableByteChannel ch) throws IOException {
      ch.position(start);
      return new ChannelRange(ch, end - start);
    }
  }

  /** Where part {@code part} of a file of {@code length} bytes starts and ends, with the prelude. */
  static Range range(SeekableByteChannel ch, long length, TextFormatOptions options,
      FileSplits.Part part) throws IOException {
    boolean cr = options.rowDelimiter().map(c -> c == '\r').orElse(true);
    boolean lf = options.rowDelimiter().map(c -> c == '\n').orElse(true);
    Scanner scan = new Scanner(ch, length, cr, lf);
    long preludeEnd = scan.afterRows(options.skipLineCount() + 1);
    long start = part.first() ? 0 : Math.max(scan.rowEnd(part.range().offset()), preludeEnd);
    long end = part.index() == part.count() - 1 ? length
        : Math.max(scan.rowEnd(part.range().end()), preludeEnd);
    byte[] prelude = new byte[(int) preludeEnd];
    ByteBuffer b = ByteBuffer.wrap(prelude);
    ch.position(0);
    while (b.hasRemaining() && ch.read(b) > 0) {
      // the prelude, whole
    }
    return new Range(prelude, start, end);
  }

  /** Reads a file forward from any position, byte by byte through a buffer. */
  private static final class Scanner {
    private final SeekableByteChannel ch;
    private final long length;
    private final boolean cr;
    private final boolean lf;
    private final ByteBuffer buf = ByteBuffer.allocate(CHUNK);
    private long pos;

    Scanner(SeekableByteChannel ch, long length, boolean cr, boolean lf) {
      this.ch = ch;
      this.length = length;
      this.cr = cr;
      this.lf = lf;
    }

    private void seek(long to) throws IOException {
      pos = to;
      ch.position(to);
      buf.clear().flip();
    }

    /** The next byte, or -1 at the end of the file. */
    private int next() throws IOException {
      if (!buf.hasRemaining()) {
        buf.clear();
        int n = pos >= length ? -1 : ch.read(buf);
        buf.flip();
        if (n <= 0) {
          return -1;
        }
      }
      pos++;
      return buf.get() & 0xff;
    }

    private boolean ends(int b) {
      return (cr && b == '\r') || (lf && b == '\n');
    }

    /** After a row end just read: past its LF too when it was the CR of a CRLF. */
    private long afterEnd(int b) throws IOException {
      if (b == '\r' && lf) {
        long here = pos;
        if (next() != '\n') {
          return here;
        }
      }
      return pos;
    }

    /**
     * The first position at or after {@code at} that starts a row: right after a row end (a CRLF
     * counts whole), or the end of the file.
     */
    long rowEnd(long at) throws IOException {
      if (at <= 0) {
        return 0;
      }
      if (at >= length) {
        return length;
      }
      seek(at - 1);
      int b;
      while ((b = next()) >= 0) {
        if (ends(b)) {
          return afterEnd(b);
        }
      }
      return length;
    }

    /** The position after the {@code rows}-th non-empty line, as the text reader counts lines. */
    long afterRows(int rows) throws IOException {
      seek(0);
      int seen = 0;
      boolean inLine = false;
      int b;
      while ((b = next()) >= 0) {
        if (!ends(b)) {
          inLine = true;
        } else if (inLine) {
          inLine = false;
          if (++seen == rows) {
            return afterEnd(b);
          }
        }
      }
      return length;
    }
  }

  /**
   * A channel read up to a number of bytes, as a stream that closes the channel. (commons-io's
   * BoundedInputStream would do on a stream, but commons-io is no dependency of this module.)
   */
  private static final class ChannelRange extends InputStream {
    private final SeekableByteChannel ch;
    private long left;

    ChannelRange(SeekableByteChannel ch, long length) {
      this.ch = ch;
      this.left = length;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) <= 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (left <= 0) {
        return -1;
      }
      int n = ch.read(ByteBuffer.wrap(b, off, (int) Math.min(len, left)));
      if (n > 0) {
        left -= n;
      }
      return n;
    }

    @Override
    public void close() throws IOException {
      ch.close();
    }
  }
}
