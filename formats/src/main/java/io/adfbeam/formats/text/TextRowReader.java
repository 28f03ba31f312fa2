package io.adfbeam.formats.text;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads rows of delimited text (ADF {@code TextFormat}) from a decompressed stream.
 *
 * <p>Rules, beyond those of {@link TextFormatOptions}:
 *
 * <ul>
 *   <li>A field is quoted only when it starts with the quote character. After the closing quote,
 *       anything up to the next delimiter is kept as it is ({@code "a"b} reads as {@code ab}).
 *   <li>The escape character makes the next character literal, inside quotes too. A field with an
 *       escape in it is null only when its raw text is the null marker: with escape {@code \} and
 *       the default markers, {@code \N} reads as null and {@code \\N} as the text {@code \N}.
 *   <li>Null markers and empty-as-null apply to unquoted fields only: {@code ""} is the empty
 *       string, {@code "NULL"} the text NULL.
 *   <li>Empty lines are skipped, as ADF does ({@code skipLineCount} counts non-empty lines).
 *   <li>The first row (or the header) fixes the column count; a row with another count fails with
 *       {@link MalformedRowException} and the reader goes on with the next row.
 *   <li>Encoding: bytes that are not valid in the charset fail the read (no replacement
 *       characters). When the charset is a Unicode one (UTF-8, UTF-16, UTF-16LE/BE), a byte order
 *       mark at the start is dropped and decides the encoding, as .NET's {@code StreamReader} does;
 *       UTF-32 files may start with their own mark. Other charsets take the bytes as they are.
 *   <li>{@link #lineNumber()} counts physical lines as the row delimiter defines them, including
 *       line ends inside quoted fields, skipped lines and the header.
 * </ul>
 *
 * <p>Decoding goes through one large buffer and the parser scans plain {@code char} arrays; a field
 * without quotes or escapes becomes a String with a single copy.
 */
public final class TextRowReader implements Closeable {
  private static final int BYTE_BUFFER = 1 << 17;
  private static final int CHAR_BUFFER = 1 << 17;
  private static final int DELIM = 0;
  private static final int ROW_END = 1;
  private static final int EOF = 2;

  private final InputStream in;
  private final String source;
  private final CharsetDecoder decoder;
  private final ByteBuffer bytes = ByteBuffer.allocate(BYTE_BUFFER);
  private final char[] cb = new char[CHAR_BUFFER];
  private final CharBuffer chars = CharBuffer.wrap(cb);
  private int pos;
  private int lim;
  private char lastChar;
  private boolean inputEof;
  private boolean flushing;
  private boolean decoderDone;
  private String decodeFailure;

  private final char colDelim;
  private final boolean hasQuote;
  private final char quote;
  private final boolean hasEscape;
  private final char escape;
  private final boolean crEnds;
  private final boolean lfEnds;
  private final char customRow;
  private final boolean hasCustomRow;
  private final boolean[] plainSpecial;
  private final boolean[] quotedSpecial;
  private final List<String> nullMarkers;
  private final int maxMarker;
  private final boolean emptyIsNull;

  private long line = 1;
  private long rowLine;
  private long returnedLine;
  private boolean skipLf;
  private String[] fields = new String[16];
  private int nFields;
  private boolean blankField;
  private char[] scratch = new char[256];
  private int scratchLen;
  private boolean escaped;
  private final StringBuilder raw = new StringBuilder();
  private boolean rawTooLong;
  private int expected = -1;
  private final String[] header;
  private MalformedRowException failure;

  /**
   * Reads {@code in} (closed with this reader), skipping {@code skipLineCount} lines and reading
   * the header when there is one.
   *
   * @param source the file's name, for messages
   * @throws IllegalArgumentException if the options are inconsistent
   * @throws MalformedRowException if the skipped lines or the header cannot be read
   */
  public TextRowReader(InputStream in, TextFormatOptions options, String source)
      throws IOException {
    this.in = Objects.requireNonNull(in, "in");
    this.source = Objects.requireNonNull(source, "source");
    options.validate();
    bytes.flip();
    Charset cs = detectBom(options.encoding());
    this.decoder =
        cs.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    colDelim = options.columnDelimiter();
    hasQuote = options.quoteChar().isPresent();
    quote = options.quoteChar().orElse('\0');
    hasEscape = options.escapeChar().isPresent();
    escape = options.escapeChar().orElse('\0');
    Character row = options.rowDelimiter().orElse(null);
    crEnds = row == null || row == '\r';
    lfEnds = row == null || row == '\n';
    hasCustomRow = row != null && row != '\r' && row != '\n';
    customRow = hasCustomRow ? row : '\0';

    StringBuilder plain = new StringBuilder().append(colDelim).append('\n').append('\r');
    StringBuilder quoted = new StringBuilder();
    if (crEnds) {
      quoted.append('\r');
    }
    if (lfEnds) {
      quoted.append('\n');
    }
    if (hasCustomRow) {
      plain.append(customRow);
      quoted.append(customRow);
    }
    if (hasEscape) {
      plain.append(escape);
      quoted.append(escape);
    }
    if (hasQuote) {
      quoted.append(quote);
    }
    if (!lfEnds) {
      // '\r' rows: a lone LF is data
      plain.deleteCharAt(1);
    }
    plainSpecial = table(plain);
    quotedSpecial = table(quoted);

    nullMarkers = options.readNulls();
    maxMarker = nullMarkers.stream().mapToInt(String::length).max().orElse(0);
    emptyIsNull = options.treatEmptyAsNull() || nullMarkers.contains("");

    try {
      skipLines(options.skipLineCount());
      if (options.firstRowAsHeader() && readRow()) {
        header = Arrays.copyOf(fields, nFields);
        expected = nFields;
        returnedLine = rowLine;
      } else {
        header = null;
      }
    } catch (MalformedRowException e) {
      failure = e;
      throw e;
    }
  }

  private static boolean[] table(CharSequence specials) {
    int max = 0;
    for (int i = 0; i < specials.length(); i++) {
      max = Math.max(max, specials.charAt(i));
    }
    boolean[] t = new boolean[max + 1];
    for (int i = 0; i < specials.length(); i++) {
      t[specials.charAt(i)] = true;
    }
    return t;
  }

  /** The column names when {@code firstRowAsHeader} is set and the input has a first row. */
  public Optional<String[]> header() {
    return Optional.ofNullable(header).map(h -> Arrays.copyOf(h, h.length));
  }

  /**
   * The next row, or null after the last. Elements are null where the field is null.
   *
   * @throws MalformedRowException for a wrong column count (the reader then stands on the next
   *     row), an unterminated quote or undecodable bytes (the reader is then done, and every call
   *     throws the same exception)
   */
  public String[] next() throws IOException {
    if (failure != null) {
      throw failure;
    }
    try {
      if (!readRow()) {
        return null;
      }
      returnedLine = rowLine;
      String[] row = Arrays.copyOf(fields, nFields);
      if (expected < 0) {
        expected = nFields;
      } else if (nFields != expected) {
        throw new MalformedRowException(
            source, rowLine, "expected " + expected + " columns, found " + nFields, row);
      }
      return row;
    } catch (MalformedRowException e) {
      if (!e.isRowSkippable()) {
        failure = e;
      }
      throw e;
    }
  }

  /** The 1-based physical line where the row last returned (or failed) starts; 0 before any. */
  public long lineNumber() {
    return returnedLine;
  }

  /** The name of the source, as given. */
  public String source() {
    return source;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  // ---- decoding

  private Charset detectBom(Charset configured) throws IOException {
    String name = configured.name();
    if (!name.startsWith("UTF-")) {
      return configured;
    }
    while (bytes.remaining() < 4 && !inputEof) {
      readMore();
    }
    int n = bytes.remaining();
    int b0 = n > 0 ? bytes.get(0) & 0xff : -1;
    int b1 = n > 1 ? bytes.get(1) & 0xff : -1;
    int b2 = n > 2 ? bytes.get(2) & 0xff : -1;
    int b3 = n > 3 ? bytes.get(3) & 0xff : -1;
    if (name.startsWith("UTF-32")) {
      boolean le = b0 == 0xff && b1 == 0xfe && b2 == 0 && b3 == 0;
      boolean be = b0 == 0 && b1 == 0 && b2 == 0xfe && b3 == 0xff;
      if ((le && !name.endsWith("BE")) || (be && !name.endsWith("LE"))) {
        bytes.position(4);
        return Charset.forName(le ? "UTF-32LE" : "UTF-32BE");
      }
      return configured;
    }
    if (b0 == 0xef && b1 == 0xbb && b2 == 0xbf) {
      bytes.position(3);
      return StandardCharsets.UTF_8;
    }
    if (b0 == 0xff && b1 == 0xfe) {
      bytes.position(2);
      return StandardCharsets.UTF_16LE;
    }
    if (b0 == 0xfe && b1 == 0xff) {
      bytes.position(2);
      return StandardCharsets.UTF_16BE;
    }
    return configured;
  }

  private void readMore() throws IOException {
    bytes.compact();
    int n = in.read(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
    if (n < 0) {
      inputEof = true;
    } else {
      bytes.position(bytes.position() + n);
    }
    bytes.flip();
  }

  /** Refills the char buffer once everything in it was consumed; false at the end of input. */
  private boolean fill() throws IOException {
    if (lim > 0) {
      lastChar = cb[lim - 1];
    }
    pos = 0;
    lim = 0;
    if (decodeFailure != null) {
      throw new MalformedRowException(source, line, decodeFailure);
    }
    if (decoderDone) {
      return false;
    }
    chars.clear();
    while (true) {
      if (flushing) {
        if (!decoder.flush(chars).isOverflow()) {
          decoderDone = true;
        }
        break;
      }
      CoderResult r = decoder.decode(bytes, chars, inputEof);
      if (r.isError()) {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < r.length(); i++) {
          hex.append(i == 0 ? "" : " ")
              .append(String.format("%02X", bytes.get(bytes.position() + i) & 0xff));
        }
        decodeFailure =
            (r.length() == 1 ? "byte " + hex + " is" : "bytes " + hex + " are")
                + " not valid "
                + decoder.charset().name();
        break;
      }
      if (r.isOverflow() || chars.position() > 0 && !inputEof) {
        break;
      }
      if (inputEof) {
        flushing = true;
        continue;
      }
      readMore();
    }
    lim = chars.position();
    if (lim == 0 && decodeFailure != null) {
      throw new MalformedRowException(source, line, decodeFailure);
    }
    return lim > 0;
  }

  // ---- parsing

  private void skipLines(int count) throws IOException {
    int skipped = 0;
    boolean content = false;
    while (skipped < count) {
      if (pos == lim && !fill()) {
        return;
      }
      char c = cb[pos++];
      if (skipLf) {
        skipLf = false;
        if (c == '\n') {
          continue;
        }
      }
      boolean end;
      if (c == '\r' && crEnds) {
        skipLf = true;
        end = true;
      } else if (c == '\n' && lfEnds) {
        end = true;
      } else {
        end = hasCustomRow && c == customRow;
      }
      if (end) {
        line++;
        skipped += content ? 1 : 0;
        content = false;
      } else if (c != '\r') {
        content = true;
      }
    }
  }

  private boolean readRow() throws IOException {
    while (true) {
      if (pos == lim && !fill()) {
        return false;
      }
      if (skipLf) {
        skipLf = false;
        if (cb[pos] == '\n') {
          pos++;
          continue;
        }
      }
      rowLine = line;
      nFields = 0;
      int t;
      do {
        t = readField();
      } while (t == DELIM);
      if (nFields == 1 && blankField) {
        if (t == EOF) {
          return false;
        }
        continue;
      }
      return true;
    }
  }

  private int readField() throws IOException {
    scratchLen = 0;
    escaped = false;
    rawTooLong = false;
    if (pos == lim && !fill()) {
      blankField = true;
      addField(emptyIsNull ? null : "");
      return EOF;
    }
    if (hasQuote && cb[pos] == quote) {
      return readQuoted();
    }
    return readPlain(false);
  }

  private int readPlain(boolean quoted) throws IOException {
    int start = pos;
    boolean inScratch = quoted;
    final boolean[] sp = plainSpecial;
    final int spn = sp.length;
    while (true) {
      final char[] b = cb;
      final int l = lim;
      int i = pos;
      char c = 0;
      while (i < l) {
        c = b[i];
        if (c < spn && sp[c]) {
          break;
        }
        i++;
      }
      if (i == l) {
        append(b, start, l - start);
        inScratch = true;
        pos = l;
        if (!fill()) {
          endField(b, 0, 0, true, quoted);
          return EOF;
        }
        start = 0;
        continue;
      }
      if (c == colDelim) {
        endField(b, start, i, inScratch, quoted);
        pos = i + 1;
        return DELIM;
      }
      if (hasEscape && c == escape) {
        append(b, start, i - start);
        inScratch = true;
        pos = i + 1;
        if (pos == lim && !fill()) {
          appendEscaped(escape, '\0', false);
          endField(cb, 0, 0, true, quoted);
          return EOF;
        }
        char e = cb[pos];
        countLine(e, pos);
        appendEscaped(escape, e, true);
        pos++;
        if (e == '\r' && lfEnds && (pos < lim || fill()) && cb[pos] == '\n') {
          // an escaped CRLF is one escaped line end
          countLine('\n', pos);
          appendChar('\n');
          pos++;
        }
        start = pos;
        continue;
      }
      if (c == '\n') {
        endField(b, start, i, inScratch, quoted);
        pos = i + 1;
        line++;
        return ROW_END;
      }
      if (c == '\r') {
        if (crEnds) {
          endField(b, start, i, inScratch, quoted);
          pos = i + 1;
          line++;
          skipLf = true;
          return ROW_END;
        }
        if (!lfEnds) {
          // a custom row delimiter: CR is data
          pos = i + 1;
          continue;
        }
        // rowDelimiter '\n': CRLF ends the row too, a lone CR is data
        if (i + 1 < l) {
          if (b[i + 1] == '\n') {
            endField(b, start, i, inScratch, quoted);
            pos = i + 2;
            line++;
            return ROW_END;
          }
          pos = i + 1;
          continue;
        }
        append(b, start, i - start);
        inScratch = true;
        pos = l;
        if (!fill()) {
          appendChar('\r');
          endField(cb, 0, 0, true, quoted);
          return EOF;
        }
        if (cb[0] == '\n') {
          endField(cb, 0, 0, true, quoted);
          pos = 1;
          line++;
          return ROW_END;
        }
        appendChar('\r');
        start = 0;
        continue;
      }
      if (hasCustomRow && c == customRow) {
        endField(b, start, i, inScratch, quoted);
        pos = i + 1;
        line++;
        return ROW_END;
      }
      // a special char of no meaning here (LF when rows end at CR, CR with a custom delimiter)
      pos = i + 1;
    }
  }

  private int readQuoted() throws IOException {
    long quoteLine = line;
    pos++;
    int start = pos;
    final boolean[] sp = quotedSpecial;
    final int spn = sp.length;
    while (true) {
      final char[] b = cb;
      final int l = lim;
      int i = pos;
      char c = 0;
      while (i < l) {
        c = b[i];
        if (c < spn && sp[c]) {
          break;
        }
        i++;
      }
      if (i == l) {
        append(b, start, l - start);
        pos = l;
        if (!fill()) {
          throw unterminated(quoteLine);
        }
        start = 0;
        continue;
      }
      if (hasQuote && c == quote) {
        append(b, start, i - start);
        pos = i + 1;
        if (pos == lim && !fill()) {
          endField(cb, 0, 0, true, true);
          return EOF;
        }
        if (cb[pos] == quote) {
          appendChar(quote);
          pos++;
          start = pos;
          continue;
        }
        return readPlain(true);
      }
      if (hasEscape && c == escape) {
        append(b, start, i - start);
        pos = i + 1;
        if (pos == lim && !fill()) {
          throw unterminated(quoteLine);
        }
        char e = cb[pos];
        countLine(e, pos);
        appendChar(e);
        pos++;
        start = pos;
        continue;
      }
      countLine(c, i);
      pos = i + 1;
    }
  }

  private MalformedRowException unterminated(long quoteLine) {
    return new MalformedRowException(
        source,
        quoteLine,
        "unterminated quote: the field opened with " + show(quote) + " never ends");
  }

  private static String show(char c) {
    return TextFormatOptions.show(c);
  }

  /** Counts a line break at {@code cb[i]} as the row delimiter defines them. */
  private void countLine(char c, int i) {
    if (c == '\r') {
      if (crEnds) {
        line++;
      }
    } else if (c == '\n') {
      if (lfEnds && !(crEnds && (i > 0 ? cb[i - 1] : lastChar) == '\r')) {
        line++;
      }
    } else if (hasCustomRow && c == customRow) {
      line++;
    }
  }

  private void endField(char[] b, int start, int end, boolean inScratch, boolean quoted) {
    String v;
    if (inScratch) {
      append(b, start, end - start);
      v = scratchLen == 0 ? "" : new String(scratch, 0, scratchLen);
    } else {
      v = end == start ? "" : new String(b, start, end - start);
    }
    blankField = false;
    if (quoted) {
      addField(v);
      return;
    }
    if (escaped) {
      addField(!rawTooLong && nullMarkers.contains(raw.toString()) ? null : v);
      return;
    }
    if (v.isEmpty()) {
      blankField = true;
      addField(emptyIsNull ? null : "");
      return;
    }
    addField(v.length() <= maxMarker && nullMarkers.contains(v) ? null : v);
  }

  private void addField(String v) {
    if (nFields == fields.length) {
      fields = Arrays.copyOf(fields, nFields * 2);
    }
    fields[nFields++] = v;
  }

  private void append(char[] b, int off, int len) {
    if (len <= 0) {
      return;
    }
    if (scratchLen + len > scratch.length) {
      scratch = Arrays.copyOf(scratch, Math.max(scratch.length * 2, scratchLen + len));
    }
    System.arraycopy(b, off, scratch, scratchLen, len);
    scratchLen += len;
    if (escaped && !rawTooLong) {
      raw.append(b, off, len);
      rawTooLong = raw.length() > maxMarker;
    }
  }

  private void appendChar(char c) {
    pushChar(c);
    if (escaped && !rawTooLong) {
      raw.append(c);
      rawTooLong = raw.length() > maxMarker;
    }
  }

  private void pushChar(char c) {
    if (scratchLen == scratch.length) {
      scratch = Arrays.copyOf(scratch, scratch.length * 2);
    }
    scratch[scratchLen++] = c;
  }

  /** Appends an escaped character (or a lone escape at the end of input). */
  private void appendEscaped(char esc, char c, boolean hasChar) {
    if (!escaped) {
      escaped = true;
      raw.setLength(0);
      rawTooLong = scratchLen > maxMarker;
      if (!rawTooLong) {
        raw.append(scratch, 0, scratchLen);
      }
    }
    if (!rawTooLong) {
      raw.append(esc);
      if (hasChar) {
        raw.append(c);
      }
      rawTooLong = raw.length() > maxMarker;
    }
    pushChar(hasChar ? c : esc);
  }
}
