package io.adfbeam.transforms.copy;

import io.adfbeam.formats.text.TextFormatOptions;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Counts the rows of delimited text while its bytes stream past unchanged: the non-empty lines
 * (ends: LF, CR or CRLF), as the text reader sees rows when no quote or escape character can
 * hide a line end. Lets a copy that moves text as it is still report rowsRead and rowsCopied.
 */
final class LineCounter extends FilterInputStream {
  private static final Set<String> ASCII_COMPATIBLE = Set.of("UTF-8", "US-ASCII", "ISO-8859-1",
      "windows-1250", "windows-1251", "windows-1252", "windows-1253", "windows-1254",
      "windows-1257");

  private long lines;
  private boolean inLine;

  LineCounter(InputStream in) {
    super(in);
  }

  /**
   * Whether rows of text in {@code options} can be counted from line ends alone: no quote or
   * escape character, a line-end row delimiter, and an encoding where '\n' and '\r' are single
   * bytes that appear nowhere else.
   */
  static boolean countable(TextFormatOptions options) {
    return options.quoteChar().isEmpty() && options.escapeChar().isEmpty()
        && options.skipLineCount() == 0
        && options.rowDelimiter().map(c -> c == '\n' || c == '\r').orElse(true)
        && asciiCompatible(options.encoding());
  }

  /** Whether '\n' and '\r' are single bytes in {@code cs} that appear in no other character. */
  static boolean asciiCompatible(Charset cs) {
    return cs.equals(StandardCharsets.UTF_8) || ASCII_COMPATIBLE.contains(cs.name());
  }

  /** The rows seen: non-empty lines, less the header when the text has one. */
  long rows(boolean header) {
    long all = lines + (inLine ? 1 : 0);
    return header && all > 0 ? all - 1 : all;
  }

  @Override
  public int read() throws IOException {
    int b = in.read();
    if (b >= 0) {
      see((byte) b);
    }
    return b;
  }

  @Override
  public int read(byte[] buf, int off, int len) throws IOException {
    int n = in.read(buf, off, len);
    if (n > 0) {
      count(buf, off, off + n);
    }
    return n;
  }

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;
  private static final long LF = ONES * '\n';
  private static final long CR = ONES * '\r';

  /**
   * Sees {@code buf[from, to)} eight bytes at a time: a word with no line end only says the line
   * goes on, so byte-by-byte work is left for the few words that hold one (a 130-byte row has a
   * line end in one word of sixteen). Counting every byte costs a quarter of a GZip-to-text
   * copy's time; this costs a few percent. The JDK has no such search over a byte array (the
   * Vector API is still incubating in Java 17).
   */
  private void count(byte[] buf, int from, int to) {
    int i = from;
    for (; i + Long.BYTES <= to; i += Long.BYTES) {
      long w = (long) LONGS.get(buf, i);
      if (hasZeroByte(w ^ LF) || hasZeroByte(w ^ CR)) {
        for (int j = i; j < i + Long.BYTES; j++) {
          see(buf[j]);
        }
      } else {
        inLine = true;
      }
    }
    for (; i < to; i++) {
      see(buf[i]);
    }
  }

  /** Whether some byte of {@code v} is zero (the classic bit trick; exact, no false positives). */
  private static boolean hasZeroByte(long v) {
    return ((v - ONES) & ~v & HIGHS) != 0;
  }

  private void see(byte b) {
    if (b == '\n' || b == '\r') {
      if (inLine) {
        lines++;
        inLine = false;
      }
    } else {
      inLine = true;
    }
  }
}
