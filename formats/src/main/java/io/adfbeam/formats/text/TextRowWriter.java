package io.adfbeam.formats.text;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Writes rows of delimited text (ADF {@code TextFormat}) to a stream (compress it first if the
 * dataset says so).
 *
 * <p>Rules:
 *
 * <ul>
 *   <li>Rows end with the row delimiter, {@code \r\n} when it is unset.
 *   <li>Null is written as the null value, {@code \N} when unset.
 *   <li>A field is quoted only when it holds the column delimiter, the row delimiter, CR or LF, the
 *       quote character or the escape character; a quote inside is doubled (or escaped, when an
 *       escape character is set too). A field that a reader would take for null (empty with {@code
 *       treatEmptyAsNull}, or equal to a null marker: the null value, or {@code \N} and {@code
 *       NULL} when unset) is quoted too, so that it reads back as text.
 *   <li>With an escape character and no quote character, those characters are escaped instead; text
 *       equal to a null marker gets its first character escaped.
 *   <li>With neither, a field holding a delimiter or a line end cannot be written: {@link #write}
 *       throws rather than write a file that reads back differently. (Text equal to a null marker,
 *       or empty, is written as it is and reads back as null, as in ADF.)
 *   <li>Encoding: characters the charset cannot encode fail the write (no {@code ?}). UTF-16 and
 *       UTF-32 files start with a byte order mark, as .NET's {@code StreamWriter} writes them;
 *       UTF-8 files do not (Unix tools and Hadoop readers trip over it).
 *   <li>All rows (and the header) must have the same number of columns.
 * </ul>
 */
public final class TextRowWriter implements Closeable, Flushable {
  private static final int CHAR_BUFFER = 1 << 16;
  private static final int BYTE_BUFFER = 1 << 18;
  private static final Set<String> BOM_CHARSETS =
      Set.of("UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE", "UTF-32");

  private final OutputStream out;
  private final CharsetEncoder encoder;
  private final ByteBuffer bytes = ByteBuffer.allocate(BYTE_BUFFER);
  private char[] buf = new char[CHAR_BUFFER];
  private int n;
  private int[] rowStarts = new int[1024];
  private long[] rowIds = new long[1024];
  private int rowsInBuffer;
  private long rowAtBufferStart;
  private long lastRowStarted;

  private final char colDelim;
  private final char[] rowEnd;
  private final boolean hasQuote;
  private final char quote;
  private final boolean hasEscape;
  private final char escape;
  private final boolean hasCustomRow;
  private final char customRow;
  private final boolean[] special;
  private final char[] nullText;
  private final List<String> readNulls;
  private final int maxMarker;
  private final boolean emptyReadsNull;
  private int expected = -1;
  private long rows;
  private boolean closed;

  /** A writer without a header row; {@code firstRowAsHeader} must be off. */
  public TextRowWriter(OutputStream out, TextFormatOptions options) throws IOException {
    this(out, options, null);
  }

  /**
   * A writer that starts with a header row of {@code header} when {@code firstRowAsHeader} is set
   * (the names are ignored otherwise). Closing the writer closes {@code out}.
   *
   * @throws IllegalArgumentException if the options are inconsistent, or a header is asked for and
   *     none given
   */
  public TextRowWriter(OutputStream out, TextFormatOptions options, List<String> header)
      throws IOException {
    this.out = Objects.requireNonNull(out, "out");
    options.validate();
    Charset cs = options.encoding();
    this.encoder =
        cs.newEncoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    colDelim = options.columnDelimiter();
    Character row = options.rowDelimiter().orElse(null);
    rowEnd = row == null ? new char[] {'\r', '\n'} : new char[] {row};
    hasCustomRow = row != null && row != '\r' && row != '\n';
    customRow = hasCustomRow ? row : '\0';
    hasQuote = options.quoteChar().isPresent();
    quote = options.quoteChar().orElse('\0');
    hasEscape = options.escapeChar().isPresent();
    escape = options.escapeChar().orElse('\0');
    StringBuilder sp = new StringBuilder().append(colDelim).append('\r').append('\n');
    if (hasCustomRow) {
      sp.append(customRow);
    }
    if (hasQuote) {
      sp.append(quote);
    }
    if (hasEscape) {
      sp.append(escape);
    }
    int max = 0;
    for (int i = 0; i < sp.length(); i++) {
      max = Math.max(max, sp.charAt(i));
    }
    special = new boolean[max + 1];
    for (int i = 0; i < sp.length(); i++) {
      special[sp.charAt(i)] = true;
    }
    nullText = options.writtenNull().toCharArray();
    readNulls = options.readNulls();
    maxMarker = readNulls.stream().mapToInt(String::length).max().orElse(0);
    emptyReadsNull = options.treatEmptyAsNull() || readNulls.contains("");

    if (BOM_CHARSETS.contains(cs.name())) {
      buf[n++] = '\uFEFF';
    }
    if (options.firstRowAsHeader()) {
      if (header == null) {
        throw new IllegalArgumentException("firstRowAsHeader is set but no column names are given");
      }
      writeRow(header.toArray(new String[0]), 0);
      expected = header.size();
    }
  }

  /**
   * Writes one row; null elements are written as the null value.
   *
   * @throws IllegalArgumentException if the row has another column count than the first row (or the
   *     header), or holds a value that cannot be written with these options
   * @throws CharacterCodingException (when the buffer is encoded) for a character the charset
   *     cannot encode, naming the row
   */
  public void write(String[] row) throws IOException {
    if (closed) {
      throw new IOException("writer closed");
    }
    if (expected < 0) {
      expected = row.length;
    } else if (row.length != expected) {
      throw new IllegalArgumentException(
          "row " + (rows + 1) + " has " + row.length + " columns, expected " + expected);
    }
    rows++;
    writeRow(row, rows);
  }

  /** The number of rows written, the header not included. */
  public long rowCount() {
    return rows;
  }

  private void writeRow(String[] row, long rowNumber) throws IOException {
    if (rowsInBuffer == rowStarts.length) {
      rowStarts = Arrays.copyOf(rowStarts, rowsInBuffer * 2);
      rowIds = Arrays.copyOf(rowIds, rowsInBuffer * 2);
    }
    rowStarts[rowsInBuffer] = n;
    rowIds[rowsInBuffer++] = rowNumber;
    lastRowStarted = rowNumber;
    for (int j = 0; j < row.length; j++) {
      if (j > 0) {
        put(colDelim);
      }
      writeField(row[j], rowNumber, j + 1);
    }
    for (char c : rowEnd) {
      put(c);
    }
  }

  private void writeField(String s, long rowNumber, int column) throws IOException {
    if (s == null) {
      for (char c : nullText) {
        put(c);
      }
      return;
    }
    int len = s.length();
    if (len == 0) {
      if (emptyReadsNull && hasQuote) {
        put(quote);
        put(quote);
      }
      return;
    }
    if (len > buf.length - n) {
      flushChars();
      if (len > buf.length - n) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, n + len));
      }
    }
    s.getChars(0, len, buf, n);
    final char[] b = buf;
    final boolean[] sp = special;
    final int spn = sp.length;
    int end = n + len;
    int i = n;
    while (i < end) {
      char c = b[i];
      if (c < spn && sp[c]) {
        break;
      }
      i++;
    }
    boolean looksNull = len <= maxMarker && readNulls.contains(s);
    if (i == end && !looksNull) {
      n = end;
      return;
    }
    writeSpecial(s, looksNull, rowNumber, column);
  }

  private void writeSpecial(String s, boolean looksNull, long rowNumber, int column)
      throws IOException {
    int len = s.length();
    if (hasQuote) {
      put(quote);
      for (int i = 0; i < len; i++) {
        char c = s.charAt(i);
        if (c == quote) {
          put(hasEscape ? escape : quote);
        } else if (hasEscape && c == escape) {
          put(escape);
        }
        put(c);
      }
      put(quote);
    } else if (hasEscape) {
      for (int i = 0; i < len; i++) {
        char c = s.charAt(i);
        if (c == colDelim
            || c == '\r'
            || c == '\n'
            || c == escape
            || (hasCustomRow && c == customRow)
            || (i == 0 && looksNull)) {
          put(escape);
        }
        put(c);
      }
    } else {
      for (int i = 0; i < len; i++) {
        char c = s.charAt(i);
        String what =
            c == colDelim
                ? "the column delimiter " + TextFormatOptions.show(colDelim)
                : c == '\r' || c == '\n'
                    ? "a line end"
                    : hasCustomRow && c == customRow
                        ? "the row delimiter " + TextFormatOptions.show(customRow)
                        : null;
        if (what != null) {
          throw new IllegalArgumentException(
              "row "
                  + rowNumber
                  + ", column "
                  + column
                  + ": the value holds "
                  + what
                  + "; set quoteChar or escapeChar to write it");
        }
      }
      for (int i = 0; i < len; i++) {
        put(s.charAt(i));
      }
    }
  }

  private void put(char c) throws IOException {
    if (n == buf.length) {
      flushChars();
    }
    buf[n++] = c;
  }

  /** Encodes the buffered characters into the byte buffer, writing it out as it fills. */
  private void flushChars() throws IOException {
    CharBuffer chars = CharBuffer.wrap(buf, 0, n);
    while (true) {
      CoderResult r = encoder.encode(chars, bytes, false);
      if (r.isError()) {
        throw encodingFailure(chars.position(), r);
      }
      if (r.isOverflow()) {
        writeBytes();
        continue;
      }
      break;
    }
    int left = chars.remaining();
    System.arraycopy(buf, chars.position(), buf, 0, left);
    n = left;
    rowAtBufferStart = lastRowStarted;
    rowsInBuffer = 0;
  }

  private CharacterCodingException encodingFailure(int at, CoderResult r) {
    long row = rowAtBufferStart;
    for (int k = 0; k < rowsInBuffer && rowStarts[k] <= at; k++) {
      row = rowIds[k];
    }
    char c = buf[at];
    String what =
        r.isMalformed()
            ? String.format("a lone surrogate U+%04X", (int) c)
            : String.format("'%c' (U+%04X)", c, (int) c);
    String where = row == 0 ? "the header" : "row " + row;
    return new CharacterCodingException() {
      private static final long serialVersionUID = 1L;

      @Override
      public String getMessage() {
        return where + ": " + what + " cannot be encoded in " + encoder.charset().name();
      }
    };
  }

  private void writeBytes() throws IOException {
    bytes.flip();
    out.write(bytes.array(), bytes.arrayOffset(), bytes.limit());
    bytes.clear();
  }

  /** Encodes and writes what is buffered, and flushes the stream. */
  @Override
  public void flush() throws IOException {
    flushChars();
    writeBytes();
    out.flush();
  }

  /** Writes what is buffered and closes the stream. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      flushChars();
      CharBuffer rest = CharBuffer.wrap(buf, 0, n);
      CoderResult r = encoder.encode(rest, bytes, true);
      while (r.isOverflow()) {
        writeBytes();
        r = encoder.encode(rest, bytes, true);
      }
      if (r.isError()) {
        throw encodingFailure(rest.position(), r);
      }
      while (encoder.flush(bytes).isOverflow()) {
        writeBytes();
      }
      writeBytes();
    } finally {
      out.close();
    }
  }
}
