package io.adfbeam.transforms.copy;

import io.adfbeam.formats.text.TextFormatOptions;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
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
    for (int i = off; i < off + n; i++) {
      see(buf[i]);
    }
    return n;
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
