package io.adfbeam.formats.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adfbeam.formats.AdfType;
import io.adfbeam.formats.rows.BadRowException;
import io.adfbeam.formats.rows.Field;
import io.adfbeam.formats.rows.RowSchema;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TypedTextTest {
  static final TextFormatOptions DEFAULTS = TextFormatOptions.defaults();
  static final TextFormatOptions QUOTED = DEFAULTS.withQuoteChar('"');

  static final RowSchema ALL_TYPES = RowSchema.of(
      Field.of("i16", AdfType.INT16), Field.of("i32", AdfType.INT32),
      Field.of("i64", AdfType.INT64), Field.of("f", AdfType.SINGLE),
      Field.of("d", AdfType.DOUBLE), Field.of("dec", AdfType.DECIMAL),
      Field.of("bytes", AdfType.BYTE_ARRAY), Field.of("b", AdfType.BOOLEAN),
      Field.of("s", AdfType.STRING), Field.of("g", AdfType.GUID),
      Field.of("dt", AdfType.DATETIME), Field.of("dto", AdfType.DATETIMEOFFSET),
      Field.of("ts", AdfType.TIMESPAN));

  static final Object[] VALUES = {
    (short) -32768, 2147483647, -9223372036854775808L, 0.1f, -1.7976931348623157E308,
    new BigDecimal("-79228162514264337593543950335.1234"), new byte[] {0, -1, 127, 64}, true,
    "a, \"quoted\"\r\nline", UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e"),
    LocalDateTime.of(2014, 6, 1, 18, 0, 0, 123_456_700),
    OffsetDateTime.of(2014, 6, 1, 18, 0, 0, 0, ZoneOffset.ofHoursMinutes(-9, -30)),
    Duration.parse("-P1DT2H3M4.0000005S")
  };

  static byte[] write(TextFormatOptions options, RowSchema schema, List<Object[]> rows)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TypedTextWriter writer = new TypedTextWriter(out, options, schema)) {
      for (Object[] row : rows) {
        writer.write(row);
      }
    }
    return out.toByteArray();
  }

  static List<Object[]> read(byte[] bytes, TextFormatOptions options, RowSchema structure)
      throws IOException {
    List<Object[]> rows = new ArrayList<>();
    try (TypedTextReader reader =
        new TypedTextReader(new ByteArrayInputStream(bytes), options, structure, "in.csv")) {
      for (Object[] row = reader.next(); row != null; row = reader.next()) {
        rows.add(row);
      }
    }
    return rows;
  }

  static TypedTextReader open(String text, TextFormatOptions options, RowSchema structure)
      throws IOException {
    return new TypedTextReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
        options, structure, "in.csv");
  }

  @Test
  void everyTypeAndNullsRoundTrip() throws Exception {
    Object[] nulls = new Object[VALUES.length];
    for (TextFormatOptions options : List.of(QUOTED, QUOTED.withFirstRowAsHeader(true),
        DEFAULTS.withEscapeChar('\\').withColumnDelimiter('|').withNullValue("NULL"))) {
      byte[] bytes = write(options, ALL_TYPES, List.<Object[]>of(VALUES, nulls, VALUES));
      List<Object[]> back = read(bytes, options, ALL_TYPES);
      assertThat(back).as(options.toString()).hasSize(3);
      assertThat(back.get(0)).as(options.toString()).containsExactly(VALUES);
      assertThat(back.get(1)).containsOnlyNulls();
      assertThat(back.get(2)).containsExactly(VALUES);
    }
  }

  @Test
  void writtenTextIsTheInvariantForm() throws Exception {
    byte[] bytes = write(QUOTED.withFirstRowAsHeader(true), ALL_TYPES, List.<Object[]>of(VALUES));
    assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(
        "i16,i32,i64,f,d,dec,bytes,b,s,g,dt,dto,ts\r\n"
            + "-32768,2147483647,-9223372036854775808,0.1,-1.7976931348623157E+308,"
            + "-79228162514264337593543950335.1234,AP9/QA==,True,\"a, \"\"quoted\"\"\r\nline\","
            + "0f8fad5b-d9cb-469f-a165-70867728950e,2014-06-01 18:00:00.1234567,"
            + "2014-06-01 18:00:00 -09:30,-1.02:03:04.0000005\r\n");
  }

  @Test
  void culturesAndFormatsOnBothSides() throws Exception {
    RowSchema schema = RowSchema.of(new Field("when", AdfType.DATETIME, "fr-fr", "d MMMM yyyy"),
        new Field("amount", AdfType.DECIMAL, "de-de", null));
    TextFormatOptions options = DEFAULTS.withColumnDelimiter(';');
    byte[] bytes = write(options, schema,
        List.<Object[]>of(new Object[] {LocalDateTime.of(2014, 8, 15, 0, 0), new BigDecimal(
            "-1234.5")}));
    assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("15 août 2014;-1234,5\r\n");
    assertThat(read(bytes, options, schema).get(0))
        .containsExactly(LocalDateTime.of(2014, 8, 15, 0, 0), new BigDecimal("-1234.5"));
  }

  @Test
  void withoutStructureTheHeaderNamesStringColumns() throws Exception {
    try (TypedTextReader reader = open("id,Name\r\n1,a\r\n", DEFAULTS.withFirstRowAsHeader(true),
        null)) {
      assertThat(reader.schema()).isEqualTo(RowSchema.strings(List.of("id", "Name")));
      assertThat(reader.next()).containsExactly("1", "a");
      assertThat(reader.position()).isEqualTo("line 2");
      assertThat(reader.next()).isNull();
    }
  }

  @Test
  void withoutStructureOrHeaderColumnsArePropN() throws Exception {
    try (TypedTextReader reader = open("1,a,\\N\r\n2,b,c\r\n", DEFAULTS, null)) {
      assertThat(reader.schema()).isEqualTo(RowSchema.strings(List.of("Prop_0", "Prop_1",
          "Prop_2")));
      assertThat(reader.next()).containsExactly("1", "a", null);
      assertThat(reader.position()).isEqualTo("line 1");
      assertThat(reader.next()).containsExactly("2", "b", "c");
      assertThat(reader.next()).isNull();
    }
    try (TypedTextReader empty = open("", DEFAULTS, null)) {
      assertThat(empty.schema().size()).isZero();
      assertThat(empty.next()).isNull();
    }
  }

  @Test
  void wrongColumnCountIsSkippable() throws Exception {
    RowSchema schema = RowSchema.of(Field.of("a", AdfType.INT32), Field.of("b", AdfType.STRING));
    // the first row is short: the structure, not the first row, fixes the count
    try (TypedTextReader reader = open("1\r\n2,x\r\n3,y,z\r\n4,w\r\n", DEFAULTS, schema)) {
      BadRowException first = catchBad(reader);
      assertThat(first).hasMessage("in.csv:1: expected 2 columns, found 1");
      assertThat(first.isRowSkippable()).isTrue();
      assertThat(first.rowText()).isEqualTo("1");
      assertThat(reader.next()).containsExactly(2, "x");
      BadRowException third = catchBad(reader);
      assertThat(third).hasMessage("in.csv:3: expected 2 columns, found 3");
      assertThat(third.rowText()).isEqualTo("3,y,z");
      assertThat(third.column()).isNull();
      assertThat(reader.next()).containsExactly(4, "w");
      assertThat(reader.next()).isNull();
    }
  }

  @Test
  void conversionFailureNamesTheColumn() throws Exception {
    RowSchema schema = RowSchema.of(Field.of("id", AdfType.INT32),
        Field.of("when", AdfType.DATETIME));
    try (TypedTextReader reader =
        open("id,when\r\n1,2014-06-01\r\nx,2014-06-02\r\n3,soon\r\n4,\r\n",
            DEFAULTS.withFirstRowAsHeader(true), schema)) {
      assertThat(reader.next()).containsExactly(1, LocalDateTime.of(2014, 6, 1, 0, 0));
      BadRowException id = catchBad(reader);
      assertThat(id).hasMessage("in.csv:3: column 'id': cannot convert 'x' to Int32: not a"
          + " number");
      assertThat(id.column()).isEqualTo("id");
      assertThat(id.position()).isEqualTo("line 3");
      assertThat(id.rowText()).isEqualTo("x,2014-06-02");
      assertThat(id.isRowSkippable()).isTrue();
      assertThat(catchBad(reader).getMessage()).startsWith("in.csv:4: column 'when': cannot"
          + " convert 'soon' to Datetime: not a date and time");
      assertThat(reader.next()).containsExactly(4, null);
      assertThat(reader.next()).isNull();
    }
  }

  @Test
  void unreadableTextIsNotSkippable() throws Exception {
    try (TypedTextReader reader = open("1,\"open\r\n", QUOTED, null)) {
      BadRowException e = catchBad(reader);
      assertThat(e.isRowSkippable()).isFalse();
      assertThat(e.getMessage()).startsWith("in.csv:1: unterminated quote");
    }
  }

  @Test
  void writerConvertsOtherClassesOrFailsTheRow() throws Exception {
    RowSchema schema = RowSchema.of(Field.of("n", AdfType.INT16), Field.of("s", AdfType.STRING));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TypedTextWriter writer = new TypedTextWriter(out, DEFAULTS, schema)) {
      writer.write(new Object[] {7L, 1.5d});
      assertThatThrownBy(() -> writer.write(new Object[] {"many", "x"}))
          .isInstanceOf(BadRowException.class)
          .hasMessage("output:row 2: column 'n': cannot convert 'many' to Int16: not a number");
      writer.write(new Object[] {null, ""});
      assertThatThrownBy(() -> writer.write(new Object[] {1}))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("row has 1 values, the schema 2 columns");
    }
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("7,1.5\r\n\\N,\r\n");
  }

  static BadRowException catchBad(TypedTextReader reader) {
    try {
      reader.next();
    } catch (BadRowException e) {
      return e;
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("no BadRowException");
  }
}
