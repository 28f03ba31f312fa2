package io.adfbeam.formats.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adfbeam.formats.Encodings;
import io.adfbeam.formats.TestData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextCodecTest {
  static final TextFormatOptions DEFAULTS = TextFormatOptions.defaults();
  static final TextFormatOptions QUOTED = DEFAULTS.withQuoteChar('"');

  static List<String[]> read(String text, TextFormatOptions options) throws IOException {
    return read(text.getBytes(options.encoding()), options);
  }

  static List<String[]> read(byte[] bytes, TextFormatOptions options) throws IOException {
    return read(new ByteArrayInputStream(bytes), options);
  }

  static List<String[]> read(InputStream in, TextFormatOptions options) throws IOException {
    List<String[]> rows = new ArrayList<>();
    try (TextRowReader reader = new TextRowReader(in, options, "src.csv")) {
      for (String[] row = reader.next(); row != null; row = reader.next()) {
        rows.add(row);
      }
    }
    return rows;
  }

  static byte[] write(List<String[]> rows, TextFormatOptions options, List<String> header)
      throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TextRowWriter writer = new TextRowWriter(bytes, options, header)) {
      for (String[] row : rows) {
        writer.write(row);
      }
    }
    return bytes.toByteArray();
  }

  static String writeText(List<String[]> rows, TextFormatOptions options) throws IOException {
    return new String(write(rows, options, null), options.encoding());
  }

  static void assertRows(List<String[]> actual, String[]... expected) {
    assertThat(actual.stream().map(Arrays::asList).toList())
        .isEqualTo(Arrays.stream(expected).map(Arrays::asList).toList());
  }

  static List<String[]> rows(String[]... rows) {
    return Arrays.asList(rows);
  }

  static String[] row(String... fields) {
    return fields;
  }

  /** Reads in dribbles of 1 to 7 bytes, so every buffer boundary gets hit. */
  static InputStream dribble(byte[] bytes, long seed) {
    Random r = new Random(seed);
    return new FilterInputStream(new ByteArrayInputStream(bytes)) {
      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return super.read(b, off, Math.min(len, 1 + r.nextInt(7)));
      }
    };
  }

  // ---- round trips

  @Test
  void emptyInputHasNoRows() throws IOException {
    assertThat(read("", DEFAULTS)).isEmpty();
    assertThat(read("", DEFAULTS.withFirstRowAsHeader(true))).isEmpty();
    assertThat(write(List.of(), DEFAULTS, null)).isEmpty();
    try (TextRowReader r =
        new TextRowReader(
            InputStream.nullInputStream(), DEFAULTS.withFirstRowAsHeader(true), "e")) {
      assertThat(r.header()).isEmpty();
      assertThat(r.next()).isNull();
      assertThat(r.lineNumber()).isZero();
    }
  }

  @Test
  void tinyRoundTrip() throws IOException {
    List<String[]> rows = rows(row("1", "two", null));
    assertThat(writeText(rows, DEFAULTS)).isEqualTo("1,two,\\N\r\n");
    assertRows(read("1,two,\\N\r\n", DEFAULTS), row("1", "two", null));
    assertRows(read("1,two,\\N", DEFAULTS), row("1", "two", null));
  }

  @Test
  void largeRoundTripIsByteExact() throws IOException {
    String csv = TestData.csv(8 << 20, 3);
    List<String[]> expected = new ArrayList<>();
    for (String line : csv.split("\r\n")) {
      expected.add(line.split(",", -1));
    }
    byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
    List<String[]> rows = read(bytes, DEFAULTS);
    assertThat(rows).hasSameSizeAs(expected);
    for (int i = 0; i < rows.size(); i++) {
      assertThat(rows.get(i)).as("row %d", i + 1).isEqualTo(expected.get(i));
    }
    assertThat(write(rows, DEFAULTS, null)).isEqualTo(bytes);
  }

  @Test
  void randomRowsSurviveEveryBufferBoundary() throws IOException {
    Random r = new Random(11);
    String alphabet = "ab,\"\r\n\\;é東\u0001 ";
    List<String[]> rows = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      String[] row = new String[4];
      for (int j = 0; j < row.length; j++) {
        int len = r.nextInt(12);
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < len; k++) {
          sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        row[j] = r.nextInt(10) == 0 ? null : sb.toString();
      }
      rows.add(row);
    }
    for (TextFormatOptions options :
        List.of(
            QUOTED,
            DEFAULTS.withEscapeChar('\\'),
            QUOTED.withEscapeChar('\\'),
            QUOTED.withRowDelimiter('\n').withTreatEmptyAsNull(false),
            QUOTED.withRowDelimiter(';').withColumnDelimiter('\u0001'),
            QUOTED.withEncoding(StandardCharsets.UTF_16LE).withNullValue("nil"))) {
      byte[] bytes = write(rows, options, null);
      List<String[]> back = read(dribble(bytes, 5), options);
      assertThat(back).as(options.toString()).hasSameSizeAs(rows);
      for (int i = 0; i < rows.size(); i++) {
        String[] expected = rows.get(i).clone();
        for (int j = 0; j < expected.length; j++) {
          boolean emptyIsLost = options.escapeChar().isPresent() && options.quoteChar().isEmpty();
          if ("".equals(expected[j]) && emptyIsLost) {
            expected[j] = null;
          }
        }
        assertThat(back.get(i)).as("%s row %d", options, i + 1).isEqualTo(expected);
      }
    }
  }

  // ---- each option has an effect

  @Test
  void columnDelimiter() throws IOException {
    String text = "a\u0001b,c\r\n";
    assertRows(read(text, DEFAULTS), row("a\u0001b", "c"));
    TextFormatOptions soh = DEFAULTS.withColumnDelimiter('\u0001');
    assertRows(read(text, soh), row("a", "b,c"));
    assertThat(writeText(rows(row("a", "b,c")), soh)).isEqualTo("a\u0001b,c\r\n");
  }

  @Test
  void rowDelimiter() throws IOException {
    String text = "a,b;c,d;";
    assertRows(read(text, DEFAULTS), row("a", "b;c", "d;"));
    TextFormatOptions semi = DEFAULTS.withRowDelimiter(';');
    assertRows(read(text, semi), row("a", "b"), row("c", "d"));
    assertRows(read("a\nb;c\r\nd", semi), row("a\nb"), row("c\r\nd"));
    assertThat(writeText(rows(row("a", "b"), row("c", "d")), semi)).isEqualTo(text);
    assertThat(writeText(rows(row("a", "b")), DEFAULTS)).isEqualTo("a,b\r\n");
  }

  @Test
  void unsetRowDelimiterReadsEveryLineEnd() throws IOException {
    assertRows(read("a\r\nb\rc\nd\r\n\r\n", DEFAULTS), row("a"), row("b"), row("c"), row("d"));
  }

  @Test
  void newlineRowDelimiterAcceptsCrlfButKeepsLoneCr() throws IOException {
    TextFormatOptions lf = DEFAULTS.withRowDelimiter('\n');
    assertRows(read("a,b\r\nc\rd,e\n", lf), row("a", "b"), row("c\rd", "e"));
    assertRows(read("a,b\r", lf), row("a", "b\r"));
    assertThat(writeText(rows(row("a", "b")), lf)).isEqualTo("a,b\n");
    TextFormatOptions cr = DEFAULTS.withRowDelimiter('\r');
    assertRows(read("a,b\r\nc\nd,e\r", cr), row("a", "b"), row("c\nd", "e"));
  }

  @Test
  void quoteChar() throws IOException {
    String text = "1,\"a,b\r\nc\",x\r\n2,\"say \"\"hi\"\"\",\"\"\r\n3,\"q\"tail,\"\"\"\"\r\n";
    try (TextRowReader reader =
        new TextRowReader(
            new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), QUOTED, "q")) {
      assertThat(reader.next()).containsExactly("1", "a,b\r\nc", "x");
      assertThat(reader.lineNumber()).isEqualTo(1);
      assertThat(reader.next()).containsExactly("2", "say \"hi\"", "");
      assertThat(reader.lineNumber()).isEqualTo(3);
      assertThat(reader.next()).containsExactly("3", "qtail", "\"");
      assertThat(reader.lineNumber()).isEqualTo(4);
      assertThat(reader.next()).isNull();
    }
    assertRows(read("1,\"a,b\"\r\n", DEFAULTS), row("1", "\"a", "b\""));
    assertRows(read("1,x\"y\"\r\n", QUOTED), row("1", "x\"y\""));
    assertThat(writeText(rows(row("a,b", "c\nd", "say \"hi\"", "x\"", "plain")), QUOTED))
        .isEqualTo("\"a,b\",\"c\nd\",\"say \"\"hi\"\"\",\"x\"\"\",plain\r\n");
  }

  @Test
  void escapeChar() throws IOException {
    TextFormatOptions esc = DEFAULTS.withEscapeChar('\\');
    String text = "a\\,b,c\\\\d,e\\\r\nf\r\n";
    assertRows(read(text, esc), row("a,b", "c\\d", "e\r\nf"));
    assertRows(read("a\\,b,c\r\n", DEFAULTS), row("a\\", "b", "c"));
    assertRows(read("a\\,b,c\r\n", esc), row("a,b", "c"));
    String written = writeText(rows(row("a,b", "c\\d", "e\r\nf")), esc);
    assertThat(written).isEqualTo("a\\,b,c\\\\d,e\\\r\\\nf\r\n");
    assertRows(read(written, esc), row("a,b", "c\\d", "e\r\nf"));
    TextFormatOptions both = QUOTED.withEscapeChar('\\');
    assertRows(read("\"a\\\"b,\\\\\",c\r\n", both), row("a\"b,\\", "c"));
    assertThat(writeText(rows(row("a\"b,\\", "c")), both)).isEqualTo("\"a\\\"b,\\\\\",c\r\n");
  }

  @Test
  void nullValue() throws IOException {
    assertRows(
        read("\\N,NULL,null,nil,\"NULL\"\r\n", QUOTED), row(null, null, "null", "nil", "NULL"));
    TextFormatOptions nil = QUOTED.withNullValue("nil");
    assertRows(read("\\N,NULL,null,nil,\"nil\"\r\n", nil), row("\\N", "NULL", "null", null, "nil"));
    assertThat(writeText(rows(row(null, "x")), DEFAULTS)).isEqualTo("\\N,x\r\n");
    assertThat(writeText(rows(row(null, "x")), nil)).isEqualTo("nil,x\r\n");
    assertThat(writeText(rows(row("nil", "\\N", "NULL")), nil)).isEqualTo("\"nil\",\\N,NULL\r\n");
    assertThat(writeText(rows(row("nil", "\\N", "NULL")), QUOTED))
        .isEqualTo("nil,\"\\N\",\"NULL\"\r\n");
    TextFormatOptions esc = DEFAULTS.withEscapeChar('\\');
    assertThat(writeText(rows(row(null, "\\N", "NULL")), esc)).isEqualTo("\\N,\\\\N,\\NULL\r\n");
    assertRows(read("\\N,\\\\N,\\NULL\r\n", esc), row(null, "\\N", "NULL"));
  }

  @Test
  void treatEmptyAsNull() throws IOException {
    assertRows(read("a,,\"\",\r\n", QUOTED), row("a", null, "", null));
    TextFormatOptions keep = QUOTED.withTreatEmptyAsNull(false);
    assertRows(read("a,,\"\",\r\n", keep), row("a", "", "", ""));
    assertThat(writeText(rows(row("", null)), QUOTED)).isEqualTo("\"\",\\N\r\n");
    assertThat(writeText(rows(row("", null)), keep)).isEqualTo(",\\N\r\n");
    assertRows(
        read("a,,\r\n", DEFAULTS.withNullValue("").withTreatEmptyAsNull(false)),
        row("a", null, null));
  }

  @Test
  void skipLineCountAndHeader() throws IOException {
    String text = "report \"of\r\n\r\ngenerated today\r\nid,name\r\n1,x\r\n\r\n2,y\r\n";
    TextFormatOptions options = QUOTED.withSkipLineCount(2).withFirstRowAsHeader(true);
    try (TextRowReader reader =
        new TextRowReader(
            new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), options, "s")) {
      assertThat(reader.header())
          .hasValueSatisfying(h -> assertThat(h).containsExactly("id", "name"));
      assertThat(reader.lineNumber()).isEqualTo(4);
      assertThat(reader.next()).containsExactly("1", "x");
      assertThat(reader.lineNumber()).isEqualTo(5);
      assertThat(reader.next()).containsExactly("2", "y");
      assertThat(reader.lineNumber()).isEqualTo(7);
      assertThat(reader.next()).isNull();
    }
    assertRows(
        read(text, QUOTED.withSkipLineCount(2)), row("id", "name"), row("1", "x"), row("2", "y"));
    assertThat(read("only,one\r\n", DEFAULTS.withFirstRowAsHeader(true))).isEmpty();
    assertThat(read("a,b\r\n", DEFAULTS.withSkipLineCount(5))).isEmpty();
    assertThat(
            new String(
                write(rows(row("1", "x")), options, List.of("id", "name")), StandardCharsets.UTF_8))
        .isEqualTo("id,name\r\n1,x\r\n");
    assertThatThrownBy(() -> write(List.of(), options, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("firstRowAsHeader is set but no column names are given");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "utf-8|Grüße, 東京 😀",
        "windows-1250|Zażółć gęślą jaźń, Příliš žluťoučký",
        "windows-1252|Crème brûlée, € 5 — „quoted“",
        "iso-8859-1|Ærøskøbing, ¿señor?",
        "shift_jis|東京,日本語のテキスト",
        "gb2312|北京,中文文本",
        "utf-16|Grüße, 東京 😀",
        "unicodeFFFE|Grüße, 東京 😀"
      })
  void encodingsRoundTripNonAsciiText(String dotNetName, String text) throws IOException {
    Charset cs = Encodings.forDotNetName(dotNetName).orElseThrow();
    TextFormatOptions options = QUOTED.withEncoding(cs);
    String[] fields = text.split(",");
    List<String[]> rows = List.of(fields, row("x", "y"));
    byte[] bytes = write(rows, options, null);
    byte[] body = (String.join(",", fields) + "\r\nx,y\r\n").getBytes(cs);
    byte[] bom =
        cs.name().equals("UTF-16LE")
            ? new byte[] {(byte) 0xff, (byte) 0xfe}
            : cs.name().equals("UTF-16BE") ? new byte[] {(byte) 0xfe, (byte) 0xff} : new byte[0];
    byte[] expected = Arrays.copyOf(bom, bom.length + body.length);
    System.arraycopy(body, 0, expected, bom.length, body.length);
    assertThat(bytes).isEqualTo(expected);
    assertRows(read(bytes, options), fields, row("x", "y"));
    // read with the default charset, the same bytes give other text (or fail)
    if (!cs.equals(StandardCharsets.UTF_8)) {
      List<String[]> other;
      try {
        other = read(bytes, QUOTED);
      } catch (MalformedRowException e) {
        other = List.of();
      }
      assertThat(other).isNotEqualTo(List.of(fields, row("x", "y")));
    }
  }


  @Test
  void byteOrderMarksAreDroppedAndDecide() throws IOException {
    byte[] utf8 = "\uFEFFa,b\r\n".getBytes(StandardCharsets.UTF_8);
    assertRows(read(utf8, DEFAULTS), row("a", "b"));
    byte[] be = "\uFEFFa,é\r\n".getBytes(StandardCharsets.UTF_16BE);
    assertRows(read(be, DEFAULTS.withEncoding(StandardCharsets.UTF_16LE)), row("a", "é"));
    assertRows(read(be, DEFAULTS), row("a", "é"));
    byte[] latin = "\u00ef\u00bb\u00bfa\r\n".getBytes(StandardCharsets.ISO_8859_1);
    assertRows(
        read(latin, DEFAULTS.withEncoding(StandardCharsets.ISO_8859_1)),
        row("\u00ef\u00bb\u00bfa"));
    assertThat(write(rows(row("a")), DEFAULTS, null))
        .isEqualTo("a\r\n".getBytes(StandardCharsets.UTF_8));
  }

  // ---- failures

  @Test
  void wrongColumnCountAtLine3() throws IOException {
    String text = "a,b,c,d\r\n1,2,3,4\r\n1,2,3\r\n5,6,7,8\r\n";
    try (TextRowReader reader =
        new TextRowReader(
            new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
            DEFAULTS,
            "in/data.csv")) {
      reader.next();
      reader.next();
      assertThatThrownBy(reader::next)
          .isInstanceOfSatisfying(
              MalformedRowException.class,
              e -> {
                assertThat(e).hasMessage("in/data.csv:3: expected 4 columns, found 3");
                assertThat(e.source()).isEqualTo("in/data.csv");
                assertThat(e.line()).isEqualTo(3);
                assertThat(e.reason()).isEqualTo("expected 4 columns, found 3");
                assertThat(e.fields())
                    .hasValueSatisfying(f -> assertThat(f).containsExactly("1", "2", "3"));
                assertThat(e.isRowSkippable()).isTrue();
              });
      assertThat(reader.lineNumber()).isEqualTo(3);
      assertThat(reader.next()).containsExactly("5", "6", "7", "8");
      assertThat(reader.lineNumber()).isEqualTo(4);
    }
    assertThatThrownBy(() -> read("id,name\r\nx\r\n", DEFAULTS.withFirstRowAsHeader(true)))
        .hasMessage("src.csv:2: expected 2 columns, found 1");
  }

  @Test
  void unterminatedQuoteAtLine2() {
    assertThatThrownBy(() -> read("a,b\r\n1,\"open\r\n2,3\r\n", QUOTED))
        .isInstanceOfSatisfying(
            MalformedRowException.class,
            e -> {
              assertThat(e)
                  .hasMessage(
                      "src.csv:2: unterminated quote: the field opened with '\"' never ends");
              assertThat(e.isRowSkippable()).isFalse();
            });
    assertThatThrownBy(() -> read("a,b\r\n1,\"x\\\"\r\n", QUOTED.withEscapeChar('\\')))
        .hasMessage("src.csv:2: unterminated quote: the field opened with '\"' never ends");
  }

  @Test
  void undecodableBytesAtLine5() {
    byte[] bytes =
        "h1,h2\r\n1,a\r\n2,b\r\n3,c\r\n4,d\u00e9\r\n".getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> read(bytes, DEFAULTS))
        .isInstanceOf(MalformedRowException.class)
        .hasMessage("src.csv:5: byte E9 is not valid UTF-8");
    byte[] win = "a\r\nb\r\nc\r\nd\r\n\u0081\r\n".getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> read(win, DEFAULTS.withEncoding(Charset.forName("windows-1252"))))
        .hasMessage("src.csv:5: byte 81 is not valid windows-1252");
  }

  @Test
  void undecodableBytesFarIntoTheInputNameTheirLine() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 1; i <= 100_000; i++) {
      bytes.write(("row " + i + ",\"multi\nline\"\r\n").getBytes(StandardCharsets.UTF_8));
    }
    bytes.write(new byte[] {'x', ',', (byte) 0xff, '\r', '\n'});
    List<String[]> seen = new ArrayList<>();
    assertThatThrownBy(
            () -> {
              try (TextRowReader r =
                  new TextRowReader(new ByteArrayInputStream(bytes.toByteArray()), QUOTED, "big")) {
                for (String[] row = r.next(); row != null; row = r.next()) {
                  seen.add(row);
                }
              }
            })
        .hasMessage("big:200001: byte FF is not valid UTF-8");
    assertThat(seen).hasSize(100_000);
  }

  @Test
  void writerRefusesValuesItCannotWrite() {
    assertThatThrownBy(() -> write(rows(row("a", "b"), row("x", "1,5")), DEFAULTS, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "row 2, column 2: the value holds the column delimiter ','; set quoteChar or escapeChar"
                + " to write it");
    assertThatThrownBy(() -> write(rows(row("a\nb")), DEFAULTS, null))
        .hasMessage(
            "row 1, column 1: the value holds a line end; set quoteChar or escapeChar to write it");
    assertThatThrownBy(() -> write(rows(row("a", "b"), row("c")), DEFAULTS, null))
        .hasMessage("row 2 has 1 columns, expected 2");
    TextFormatOptions win = QUOTED.withEncoding(Charset.forName("windows-1252"));
    assertThatThrownBy(() -> write(rows(row("a"), row("Łódź")), win, null))
        .isInstanceOf(CharacterCodingException.class)
        .hasMessage("row 2: 'Ł' (U+0141) cannot be encoded in windows-1252");
  }

  @Test
  void optionsRefuseCharactersWithTwoRoles() {
    assertThatThrownBy(() -> DEFAULTS.withRowDelimiter(',').validate())
        .hasMessage("columnDelimiter ',' is also a row delimiter");
    assertThatThrownBy(() -> DEFAULTS.withColumnDelimiter('\n').validate())
        .hasMessage("columnDelimiter \\u000a is also a row delimiter");
    assertThatThrownBy(() -> DEFAULTS.withQuoteChar(',').validate())
        .hasMessage("quoteChar ',' is also a delimiter");
    assertThatThrownBy(() -> QUOTED.withEscapeChar('"').validate())
        .hasMessage("quoteChar and escapeChar are both '\"'")
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DEFAULTS.withSkipLineCount(-1))
        .hasMessage("skipLineCount must be 0 or more, not -1");
  }

  @Test
  void optionsAreSerializableValues() throws Exception {
    TextFormatOptions options =
        QUOTED.withEncoding(Charset.forName("shift_jis")).withNullValue("").withSkipLineCount(2);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(options);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      TextFormatOptions back = (TextFormatOptions) in.readObject();
      assertThat(back).isEqualTo(options).hasSameHashCodeAs(options);
      assertThat(back.encoding()).isEqualTo(Charset.forName("shift_jis"));
    }
    assertThat(DEFAULTS.columnDelimiter()).isEqualTo(',');
    assertThat(DEFAULTS.rowDelimiter()).isEmpty();
    assertThat(DEFAULTS.quoteChar()).isEmpty();
    assertThat(DEFAULTS.escapeChar()).isEmpty();
    assertThat(DEFAULTS.nullValue()).isEmpty();
    assertThat(DEFAULTS.encoding()).isEqualTo(StandardCharsets.UTF_8);
    assertThat(DEFAULTS.treatEmptyAsNull()).isTrue();
    assertThat(DEFAULTS.firstRowAsHeader()).isFalse();
  }
}
