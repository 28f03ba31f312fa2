package io.adfbeam.formats.text;

import java.io.Serializable;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings of ADF's {@code TextFormat} (v1) / {@code DelimitedText} (v2), with ADF v1's
 * defaults. Immutable and serializable: each {@code withX} returns a modified copy.
 *
 * <p>Single values are checked by the {@code withX} methods; combinations (two roles given the same
 * character) by {@link #validate()}, which {@link TextRowReader} and {@link TextRowWriter} call.
 */
public final class TextFormatOptions implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The null markers a reader accepts when {@code nullValue} is not set. */
  public static final List<String> DEFAULT_READ_NULLS = List.of("\\N", "NULL");

  /** What a writer writes for null when {@code nullValue} is not set. */
  public static final String DEFAULT_WRITE_NULL = "\\N";

  private static final TextFormatOptions DEFAULTS =
      new TextFormatOptions(',', null, null, null, null, "UTF-8", false, 0, true);

  private final char columnDelimiter;
  private final Character rowDelimiter;
  private final Character escapeChar;
  private final Character quoteChar;
  private final String nullValue;
  private final String charsetName;
  private final boolean firstRowAsHeader;
  private final int skipLineCount;
  private final boolean treatEmptyAsNull;
  private transient Charset charset;

  private TextFormatOptions(
      char columnDelimiter,
      Character rowDelimiter,
      Character escapeChar,
      Character quoteChar,
      String nullValue,
      String charsetName,
      boolean firstRowAsHeader,
      int skipLineCount,
      boolean treatEmptyAsNull) {
    this.columnDelimiter = columnDelimiter;
    this.rowDelimiter = rowDelimiter;
    this.escapeChar = escapeChar;
    this.quoteChar = quoteChar;
    this.nullValue = nullValue;
    this.charsetName = charsetName;
    this.firstRowAsHeader = firstRowAsHeader;
    this.skipLineCount = skipLineCount;
    this.treatEmptyAsNull = treatEmptyAsNull;
  }

  /** ADF v1's defaults: comma, any line end, no quote or escape, UTF-8, no header. */
  public static TextFormatOptions defaults() {
    return DEFAULTS;
  }

  /** The column delimiter; default {@code ,}. Any character, {@code \u0001} included. */
  public TextFormatOptions withColumnDelimiter(char c) {
    return new TextFormatOptions(
        c,
        rowDelimiter,
        escapeChar,
        quoteChar,
        nullValue,
        charsetName,
        firstRowAsHeader,
        skipLineCount,
        treatEmptyAsNull);
  }

  /**
   * The row delimiter; default null, meaning: read {@code \r\n}, {@code \r} or {@code \n}, write
   * {@code \r\n}. A delimiter of {@code \r} or {@code \n} also accepts {@code \r\n} when reading,
   * since files written on Windows are read with a factory that says {@code \n}.
   */
  public TextFormatOptions withRowDelimiter(Character c) {
    return new TextFormatOptions(
        columnDelimiter,
        c,
        escapeChar,
        quoteChar,
        nullValue,
        charsetName,
        firstRowAsHeader,
        skipLineCount,
        treatEmptyAsNull);
  }

  /**
   * The escape character; default none. It makes the next character literal: a delimiter, a line
   * end, the quote or itself.
   */
  public TextFormatOptions withEscapeChar(Character c) {
    return new TextFormatOptions(
        columnDelimiter,
        rowDelimiter,
        c,
        quoteChar,
        nullValue,
        charsetName,
        firstRowAsHeader,
        skipLineCount,
        treatEmptyAsNull);
  }

  /**
   * The quote character; default none (v1). Inside a field that starts with it, delimiters and line
   * ends are data and a doubled quote is one literal quote.
   */
  public TextFormatOptions withQuoteChar(Character c) {
    return new TextFormatOptions(
        columnDelimiter,
        rowDelimiter,
        escapeChar,
        c,
        nullValue,
        charsetName,
        firstRowAsHeader,
        skipLineCount,
        treatEmptyAsNull);
  }

  /**
   * The text that stands for null; default null (unset), meaning: {@code \N} and {@code NULL} read
   * as null, and null is written as {@code \N}.
   */
  public TextFormatOptions withNullValue(String value) {
    return new TextFormatOptions(
        columnDelimiter,
        rowDelimiter,
        escapeChar,
        quoteChar,
        value,
        charsetName,
        firstRowAsHeader,
        skipLineCount,
        treatEmptyAsNull);
  }

  /** The text encoding; default UTF-8. Resolve .NET names with {@code Encodings.forDotNetName}. */
  public TextFormatOptions withEncoding(Charset cs) {
    Objects.requireNonNull(cs, "charset");
    return new TextFormatOptions(
        columnDelimiter,
        rowDelimiter,
        escapeChar,
        quoteChar,
        nullValue,
        cs.name(),
        firstRowAsHeader,
        skipLineCount,
        treatEmptyAsNull);
  }

  /** Whether the first row (after skipped lines) holds column names; default false. */
  public TextFormatOptions withFirstRowAsHeader(boolean header) {
    return new TextFormatOptions(
        columnDelimiter,
        rowDelimiter,
        escapeChar,
        quoteChar,
        nullValue,
        charsetName,
        header,
        skipLineCount,
        treatEmptyAsNull);
  }

  /**
   * How many non-empty lines to skip before the header or the first row; default 0. Skipped lines
   * are not parsed: quotes in them mean nothing.
   *
   * @throws IllegalArgumentException if negative
   */
  public TextFormatOptions withSkipLineCount(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("skipLineCount must be 0 or more, not " + count);
    }
    return new TextFormatOptions(
        columnDelimiter,
        rowDelimiter,
        escapeChar,
        quoteChar,
        nullValue,
        charsetName,
        firstRowAsHeader,
        count,
        treatEmptyAsNull);
  }

  /** Whether an empty unquoted field reads as null (otherwise as ""); default true. */
  public TextFormatOptions withTreatEmptyAsNull(boolean emptyAsNull) {
    return new TextFormatOptions(
        columnDelimiter,
        rowDelimiter,
        escapeChar,
        quoteChar,
        nullValue,
        charsetName,
        firstRowAsHeader,
        skipLineCount,
        emptyAsNull);
  }

  public char columnDelimiter() {
    return columnDelimiter;
  }

  /** The row delimiter; empty means any of {@code \r\n}, {@code \r}, {@code \n}. */
  public Optional<Character> rowDelimiter() {
    return Optional.ofNullable(rowDelimiter);
  }

  public Optional<Character> escapeChar() {
    return Optional.ofNullable(escapeChar);
  }

  public Optional<Character> quoteChar() {
    return Optional.ofNullable(quoteChar);
  }

  /** The null marker; empty means unset (see {@link #withNullValue}). */
  public Optional<String> nullValue() {
    return Optional.ofNullable(nullValue);
  }

  public Charset encoding() {
    Charset cs = charset;
    if (cs == null) {
      cs = charsetName.equals("UTF-8") ? StandardCharsets.UTF_8 : Charset.forName(charsetName);
      charset = cs;
    }
    return cs;
  }

  public boolean firstRowAsHeader() {
    return firstRowAsHeader;
  }

  public int skipLineCount() {
    return skipLineCount;
  }

  public boolean treatEmptyAsNull() {
    return treatEmptyAsNull;
  }

  /** The text written for null: the null value, or {@code \N} when unset. */
  public String writtenNull() {
    return nullValue != null ? nullValue : DEFAULT_WRITE_NULL;
  }

  /** The texts read as null: the null value, or {@code \N} and {@code NULL} when unset. */
  public List<String> readNulls() {
    return nullValue != null ? List.of(nullValue) : DEFAULT_READ_NULLS;
  }

  /**
   * Checks that no character plays two roles (column delimiter, row delimiter or line ends when the
   * row delimiter is unset, quote, escape).
   *
   * @throws IllegalArgumentException naming the clash
   */
  public TextFormatOptions validate() {
    String rows = rowDelimiter == null ? "\r\n" : String.valueOf(rowDelimiter.charValue());
    if (rows.indexOf(columnDelimiter) >= 0) {
      throw new IllegalArgumentException(
          "columnDelimiter " + show(columnDelimiter) + " is also a row delimiter");
    }
    checkNotDelimiter("quoteChar", quoteChar, rows);
    checkNotDelimiter("escapeChar", escapeChar, rows);
    if (quoteChar != null && quoteChar.equals(escapeChar)) {
      throw new IllegalArgumentException("quoteChar and escapeChar are both " + show(quoteChar));
    }
    return this;
  }

  private void checkNotDelimiter(String role, Character c, String rows) {
    if (c != null && (c == columnDelimiter || rows.indexOf(c) >= 0 || c == '\r' || c == '\n')) {
      throw new IllegalArgumentException(role + " " + show(c) + " is also a delimiter");
    }
  }

  static String show(char c) {
    return c >= ' ' && c < 0x7f ? "'" + c + "'" : String.format("\\u%04x", (int) c);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TextFormatOptions t
        && columnDelimiter == t.columnDelimiter
        && Objects.equals(rowDelimiter, t.rowDelimiter)
        && Objects.equals(escapeChar, t.escapeChar)
        && Objects.equals(quoteChar, t.quoteChar)
        && Objects.equals(nullValue, t.nullValue)
        && charsetName.equals(t.charsetName)
        && firstRowAsHeader == t.firstRowAsHeader
        && skipLineCount == t.skipLineCount
        && treatEmptyAsNull == t.treatEmptyAsNull;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        columnDelimiter,
        rowDelimiter,
        escapeChar,
        quoteChar,
        nullValue,
        charsetName,
        firstRowAsHeader,
        skipLineCount,
        treatEmptyAsNull);
  }

  @Override
  public String toString() {
    return "TextFormatOptions{columnDelimiter="
        + show(columnDelimiter)
        + ", rowDelimiter="
        + (rowDelimiter == null ? "any" : show(rowDelimiter))
        + ", escapeChar="
        + (escapeChar == null ? "none" : show(escapeChar))
        + ", quoteChar="
        + (quoteChar == null ? "none" : show(quoteChar))
        + ", nullValue="
        + (nullValue == null ? "unset" : "'" + nullValue + "'")
        + ", encoding="
        + charsetName
        + ", firstRowAsHeader="
        + firstRowAsHeader
        + ", skipLineCount="
        + skipLineCount
        + ", treatEmptyAsNull="
        + treatEmptyAsNull
        + "}";
  }
}
