package io.adfbeam.formats.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.adfbeam.formats.AdfType;
import io.adfbeam.formats.Encodings;
import io.adfbeam.formats.json.JsonFormatOptions.FilePattern;
import io.adfbeam.formats.rows.BadRowException;
import io.adfbeam.formats.rows.Field;
import io.adfbeam.formats.rows.RowSchema;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JsonCodecTest {
  static final JsonFormatOptions SET = JsonFormatOptions.defaults();
  static final JsonFormatOptions ARRAY = SET.withFilePattern(FilePattern.ARRAY_OF_OBJECTS);

  static byte[] fixture(String name) {
    try (InputStream in = JsonCodecTest.class.getResourceAsStream("/json/" + name)) {
      assertThat(in).as(name).isNotNull();
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonRowReader open(String fixture, JsonFormatOptions options, RowSchema structure)
      throws IOException {
    return new JsonRowReader(new ByteArrayInputStream(fixture(fixture + "/input.json")), options,
        structure, fixture + "/input.json");
  }

  static List<List<Object>> readAll(JsonRowReader reader) throws IOException {
    List<List<Object>> rows = new ArrayList<>();
    try (reader) {
      for (Object[] row = reader.next(); row != null; row = reader.next()) {
        rows.add(Arrays.asList(row));
      }
    }
    return rows;
  }

  static List<List<Object>> read(String fixture, JsonFormatOptions options, RowSchema structure)
      throws IOException {
    return readAll(open(fixture, options, structure));
  }

  static List<Object> row(Object... values) {
    return Arrays.asList(values);
  }

  static Map<String, String> paths(String... columnPath) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < columnPath.length; i += 2) {
      m.put(columnPath[i], columnPath[i + 1]);
    }
    return m;
  }

  static BigDecimal dec(String s) {
    return new BigDecimal(s);
  }

  // ---- file patterns

  @Test
  void setOfObjectsSingleObject() throws Exception {
    RowSchema structure = RowSchema.of(Field.of("id", AdfType.INT32),
        Field.of("name", AdfType.STRING), Field.of("price", AdfType.DECIMAL),
        Field.of("active", AdfType.BOOLEAN), Field.of("created", AdfType.DATETIME),
        Field.of("missing", AdfType.STRING));
    JsonRowReader reader = open("set-single", SET, structure);
    assertThat(reader.schema()).isEqualTo(structure);
    assertThat(readAll(reader)).containsExactly(
        row(7, "Ann", dec("12.50"), true, LocalDateTime.of(2014, 6, 1, 18, 0), null));
  }

  @Test
  void setOfObjectsLineDelimited() throws Exception {
    JsonRowReader reader = open("set-lines", SET,
        RowSchema.of(Field.of("name", AdfType.STRING), Field.of("score", AdfType.DOUBLE),
            Field.of("id", AdfType.INT64)));
    assertThat(reader.next()).containsExactly("a", 1.5d, 1L);
    assertThat(reader.position()).isEqualTo("line 1");
    assertThat(reader.next()).containsExactly("b", null, 2L);
    assertThat(reader.position()).isEqualTo("line 2");
    assertThat(reader.next()).containsExactly("c", -2000d, 3L);
    assertThat(reader.position()).isEqualTo("line 4");
    assertThat(reader.next()).isNull();
    reader.close();
  }

  @Test
  void setOfObjectsConcatenated() throws Exception {
    assertThat(read("set-concatenated", SET, null)).containsExactly(
        row(dec("1"), "x"), row(dec("2"), "y"), row(dec("3"), "z"), row(dec("4"), "w"));
  }

  @Test
  void arrayOfObjectsWithCultureAndFormat() throws Exception {
    RowSchema structure = RowSchema.of(Field.of("id", AdfType.INT16),
        new Field("when", AdfType.DATETIME, "en-us", "MM/dd/yyyy HH:mm"),
        new Field("amount", AdfType.DECIMAL, "de-de", null));
    JsonRowReader reader = open("array", ARRAY, structure);
    assertThat(reader.next()).containsExactly((short) 1, LocalDateTime.of(2014, 6, 1, 18, 0),
        dec("1234.5"));
    assertThat(reader.position()).isEqualTo("line 2");
    assertThat(reader.next()).containsExactly((short) 2, LocalDateTime.of(2014, 12, 31, 7, 30),
        dec("-0.25"));
    assertThat(reader.position()).isEqualTo("line 3");
    assertThat(reader.next()).isNull();
  }

  @Test
  void arrayOfObjectsRejectsAnObjectAtTheTop() throws Exception {
    JsonRowReader reader = open("set-single", ARRAY, RowSchema.of(Field.of("id", AdfType.INT32)));
    assertThatThrownBy(reader::next)
        .isInstanceOf(BadRowException.class)
        .hasMessage("set-single/input.json:1: expected a top-level array (filePattern"
            + " arrayOfObjects), found an object")
        .matches(e -> ((BadRowException) e).isRowSkippable());
    assertThat(reader.next()).isNull();
  }

  // ---- jsonNodeReference and jsonPathDefinition

  @Test
  void nodeReferenceCrossApplies() throws Exception {
    JsonFormatOptions options = SET.withJsonNodeReference("$.orders")
        .withJsonPathDefinition(paths("customer", "$.customer", "region", "$.region.name",
            "orderId", "id", "total", "total"));
    RowSchema structure = RowSchema.of(Field.of("customer", AdfType.STRING),
        Field.of("region", AdfType.STRING), Field.of("orderId", AdfType.INT32),
        Field.of("total", AdfType.DECIMAL));
    JsonRowReader reader = open("node-reference", options, structure);
    assertThat(reader.next()).containsExactly("Ann", "EU", 1, dec("10.5"));
    assertThat(reader.position()).isEqualTo("line 1, $.orders[0]");
    assertThat(reader.next()).containsExactly("Ann", "EU", 2, dec("20"));
    assertThat(reader.position()).isEqualTo("line 1, $.orders[1]");
    assertThat(reader.next()).containsExactly("Cid", "APAC", 3, dec("7"));
    assertThat(reader.position()).isEqualTo("line 4, $.orders[0]");
    assertThat(reader.next()).isNull();
  }

  @Test
  void nodeReferenceWithoutDollarAndWithoutStructure() throws Exception {
    JsonRowReader reader = open("node-reference", SET.withJsonNodeReference("orders"), null);
    assertThat(reader.schema()).isEqualTo(
        RowSchema.of(Field.of("id", AdfType.DECIMAL), Field.of("total", AdfType.DECIMAL)));
    assertThat(readAll(reader)).containsExactly(
        row(dec("1"), dec("10.5")), row(dec("2"), dec("20")), row(dec("3"), dec("7")));
  }

  @Test
  void pathFromTheRoot() throws Exception {
    JsonRowReader reader = open("path-root", SET.withJsonPathDefinition(paths("X", "$.x")), null);
    assertThat(reader.schema()).isEqualTo(RowSchema.of(Field.of("X", AdfType.STRING)));
    assertThat(readAll(reader)).containsExactly(row("first"), row("second"));
  }

  @Test
  void nestedPath() throws Exception {
    JsonFormatOptions options = SET.withJsonPathDefinition(
        paths("c", "$.a.b.c", "d", "$['a'][\"d\"]", "b", "$.a.b"));
    assertThat(read("path-nested", options, RowSchema.of(Field.of("c", AdfType.INT64),
        Field.of("d", AdfType.STRING), Field.of("b", AdfType.STRING))))
        .containsExactly(row(42L, "deep", "{\"c\":42}"), row(null, "no b", null));
  }

  @Test
  void arrayIndexPath() throws Exception {
    JsonFormatOptions options = SET.withJsonPathDefinition(
        paths("first", "arr[0].p", "second", "$.arr[1].p"));
    assertThat(read("path-index", options, null))
        .containsExactly(row("zero", "one"), row(null, null));
  }

  @Test
  void wildcardPathCollects() throws Exception {
    JsonFormatOptions options = SET.withJsonPathDefinition(paths("ps", "$.arr[*].p"));
    assertThat(read("path-wildcard", options, null))
        .containsExactly(row("[1,\"three\"]"), row((Object) null));
  }

  @Test
  void relativePathsInsideTheReference() throws Exception {
    JsonFormatOptions options = SET.withJsonNodeReference("$.lines").withJsonPathDefinition(
        paths("orderId", "$.id", "sku", "sku", "quantity", "qty", "firstTag", "tags[0]",
            "tags", "tags"));
    RowSchema structure = RowSchema.of(Field.of("orderId", AdfType.STRING),
        Field.of("sku", AdfType.STRING), Field.of("quantity", AdfType.INT32),
        Field.of("firstTag", AdfType.STRING), Field.of("tags", AdfType.STRING));
    assertThat(read("path-relative", options, structure)).containsExactly(
        row("A", "s1", 2, "red", "[\"red\",\"big\"]"), row("A", "s2", 5, null, "[]"));
  }

  @Test
  void structureWithoutPathsFindsPropertiesByNameThenNested() throws Exception {
    RowSchema structure = RowSchema.of(Field.of("region.name", AdfType.STRING),
        Field.of("customer", AdfType.STRING), Field.of("Customer", AdfType.STRING));
    assertThat(read("node-reference", SET, structure)).containsExactly(
        row("EU", "Ann", null), row("US", "Bob", null), row("APAC", "Cid", null));
  }

  @Test
  void schemaFromTheFirstObjectFlattened() throws Exception {
    JsonRowReader reader = open("flatten", SET, null);
    assertThat(reader.schema()).isEqualTo(RowSchema.of(
        Field.of("id", AdfType.DECIMAL), Field.of("order.date", AdfType.STRING),
        Field.of("order.lines.count", AdfType.DECIMAL), Field.of("tags", AdfType.STRING),
        Field.of("ok", AdfType.BOOLEAN), Field.of("note", AdfType.STRING),
        Field.of("dup", AdfType.DECIMAL)));
    assertThat(readAll(reader)).containsExactly(
        row(dec("1"), "2014-06-01", dec("2"), "[\"a\",\"b\"]", false, null, dec("2")),
        row(dec("2.5"), "2014-06-02", null, "[]", true, "n", null));
  }

  @Test
  void flatteningFollowsTheNestingSeparator() throws Exception {
    JsonRowReader reader = open("flatten", SET.withNestingSeparator("_"), null);
    assertThat(reader.schema().names()).containsExactly(
        "id", "order_date", "order_lines_count", "tags", "ok", "note", "dup");
    reader.close();
    JsonRowReader flat = open("flatten", SET.withNestingSeparator(""), null);
    assertThat(flat.schema().names()).containsExactly("id", "order", "tags", "ok", "note", "dup");
    assertThat(flat.next()[1]).isEqualTo("{\"date\":\"2014-06-01\",\"lines\":{\"count\":2}}");
    flat.close();
  }

  // ---- encodings

  @Test
  void utf16WithByteOrderMark() throws Exception {
    Charset utf16 = Encodings.forDotNetName("utf-16").orElseThrow();
    assertThat(read("encoding-utf16", SET.withEncoding(utf16), null))
        .containsExactly(row("Zoë", "Kraków"), row("日本", "東京"));
    // The byte order mark decides, whatever the options say.
    assertThat(read("encoding-utf16", SET, null))
        .containsExactly(row("Zoë", "Kraków"), row("日本", "東京"));
  }

  @Test
  void windows1252() throws Exception {
    Charset cp1252 = Encodings.forDotNetName("windows-1252").orElseThrow();
    assertThat(read("encoding-windows1252", SET.withEncoding(cp1252), null))
        .containsExactly(row("Zoë", "€5"));
    JsonRowReader utf8 = open("encoding-windows1252", SET, null);
    assertThatThrownBy(utf8::next)
        .isInstanceOf(BadRowException.class)
        .hasMessage("encoding-windows1252/input.json:1: bytes that are not valid UTF-8");
  }

  @Test
  void writesAndReadsBackInOtherEncodings() throws Exception {
    RowSchema schema = RowSchema.of(Field.of("s", AdfType.STRING));
    for (String name : List.of("utf-16", "utf-16be", "utf-32", "windows-1252", "shift_jis")) {
      JsonFormatOptions options = SET.withEncoding(Encodings.forDotNetName(name).orElseThrow());
      byte[] bytes = write(options, schema, List.of(new Object[] {"Zoë €"},
          new Object[] {"日本 \uD83D\uDE00"}));
      assertThat(readAll(new JsonRowReader(new ByteArrayInputStream(bytes), options, schema,
          name))).as(name).containsExactly(row("Zoë €"), row("日本 \uD83D\uDE00"));
    }
    byte[] latin = write(SET.withEncoding(StandardCharsets.ISO_8859_1), schema,
        List.<Object[]>of(new Object[] {"ë€"}));
    assertThat(new String(latin, StandardCharsets.ISO_8859_1)).isEqualTo("{\"s\":\"ë\\u20ac\"}\r\n");
  }

  // ---- errors

  @Test
  void malformedJsonFailsWithTheLineNumber() throws Exception {
    JsonRowReader reader = open("malformed", SET, null);
    assertThat(reader.next()).containsExactly(dec("1"));
    assertThat(reader.next()).containsExactly(dec("2"));
    BadRowException e = catchBad(reader);
    assertThat(e.getMessage()).startsWith(
        "malformed/input.json:3: malformed JSON: Unexpected character (',' (code 44))");
    assertThat(e.position()).isEqualTo("line 3");
    assertThat(e.isRowSkippable()).isFalse();
    assertThat(reader.position()).isEqualTo("line 3");
    assertThat(catchBad(reader)).isSameAs(e);
    reader.close();
  }

  @Test
  void truncatedJson() throws Exception {
    JsonRowReader reader = new JsonRowReader(
        new ByteArrayInputStream("[{\"a\":1},\n{\"a\":".getBytes(StandardCharsets.UTF_8)),
        ARRAY, RowSchema.of(Field.of("a", AdfType.INT32)), "t.json");
    assertThat(reader.next()).containsExactly(1);
    assertThat(catchBad(reader).getMessage()).startsWith("t.json:2: malformed JSON: Unexpected"
        + " end-of-input");
  }

  @Test
  void valuesThatDoNotConvertAndNonObjectsAreSkippable() throws Exception {
    JsonRowReader reader = open("not-objects", SET, null);
    assertThat(reader.schema()).isEqualTo(RowSchema.of(Field.of("id", AdfType.DECIMAL)));
    assertThat(reader.next()).containsExactly(dec("1"));
    BadRowException number = catchBad(reader);
    assertThat(number).hasMessage("not-objects/input.json:2: expected an object (filePattern"
        + " setOfObjects), found a number");
    assertThat(number.isRowSkippable()).isTrue();
    assertThat(number.rowText()).isEqualTo("42");
    assertThat(catchBad(reader)).hasMessage("not-objects/input.json:3: expected an object"
        + " (filePattern setOfObjects), found an array");
    BadRowException conversion = catchBad(reader);
    assertThat(conversion).hasMessage("not-objects/input.json:4: column 'id': cannot convert"
        + " 'two' to Decimal: not a number");
    assertThat(conversion.column()).isEqualTo("id");
    assertThat(conversion.rowText()).isEqualTo("{\"id\":\"two\"}");
    assertThat(reader.position()).isEqualTo("line 4");
    assertThat(reader.next()).containsExactly(dec("3"));
    assertThat(reader.next()).isNull();
  }

  @Test
  void skippableErrorsBeforeTheFirstObjectComeFirst() throws Exception {
    JsonRowReader reader = new JsonRowReader(new ByteArrayInputStream(
        "7\n{\"a\":true}\n".getBytes(StandardCharsets.UTF_8)), SET, null, "s.json");
    assertThat(reader.schema()).isEqualTo(RowSchema.of(Field.of("a", AdfType.BOOLEAN)));
    assertThat(catchBad(reader)).hasMessage("s.json:1: expected an object (filePattern"
        + " setOfObjects), found a number");
    assertThat(reader.next()).containsExactly(true);
    assertThat(reader.next()).isNull();
  }

  @Test
  void objectsDoNotConvertToNumbers() throws Exception {
    JsonRowReader reader = open("path-nested", SET.withJsonPathDefinition(paths("b", "$.a.b")),
        RowSchema.of(Field.of("b", AdfType.INT32)));
    assertThat(catchBad(reader)).hasMessage("path-nested/input.json:1: column 'b': cannot"
        + " convert '{\"c\":42}' to Int32: a JSON object has no Int32 value");
  }

  @Test
  void optionsSerialize() throws Exception {
    JsonFormatOptions options = ARRAY.withEncoding(StandardCharsets.UTF_16BE)
        .withNestingSeparator("/").withJsonNodeReference("$.orders")
        .withJsonPathDefinition(paths("b", "$.b", "a", "a"));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(options);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      JsonFormatOptions back = (JsonFormatOptions) in.readObject();
      assertThat(back).isEqualTo(options);
      assertThat(back.encoding()).isEqualTo(StandardCharsets.UTF_16BE);
      assertThat(back.jsonPathDefinition().keySet()).containsExactly("b", "a");
    }
    assertThat(FilePattern.fromAdfName("ArrayOfObjects")).contains(FilePattern.ARRAY_OF_OBJECTS);
  }

  @Test
  void badPathsAreRejected() {
    assertThatThrownBy(() -> SET.withJsonPathDefinition(paths("a", "$.x[abc]")).validate())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("jsonPathDefinition of column 'a': invalid JSON path '$.x[abc]': expected a"
            + " number, * or a quoted name inside [ ] at position 4");
    assertThatThrownBy(() -> SET.withJsonNodeReference("$.a[*]").validate())
        .hasMessage("jsonNodeReference '$.a[*]' may not hold [*]");
    assertThatThrownBy(() -> SET.withJsonPathDefinition(paths("a", "$.x[0")).validate())
        .hasMessage("jsonPathDefinition of column 'a': invalid JSON path '$.x[0': [ at position 4"
            + " is not closed");
  }

  static BadRowException catchBad(JsonRowReader reader) {
    try {
      reader.next();
    } catch (BadRowException e) {
      return e;
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("no BadRowException");
  }

  // ---- writing

  static byte[] write(JsonFormatOptions options, RowSchema schema, List<Object[]> rows)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonRowWriter writer = new JsonRowWriter(out, options, schema)) {
      for (Object[] row : rows) {
        writer.write(row);
      }
    }
    return out.toByteArray();
  }

  @Test
  void nestingOnWrite() throws Exception {
    RowSchema schema = RowSchema.of(Field.of("id", AdfType.INT64),
        Field.of("order.date", AdfType.DATETIME), Field.of("order.total", AdfType.DECIMAL),
        Field.of("customer.name", AdfType.STRING), Field.of("order.paid", AdfType.BOOLEAN),
        Field.of("tag", AdfType.STRING));
    byte[] bytes = write(SET, schema, List.of(
        new Object[] {1L, LocalDateTime.of(2014, 6, 1, 18, 0), dec("12.50"), "Ann", true, null},
        new Object[] {2L, LocalDateTime.of(2014, 6, 2, 0, 0, 0, 500_000_000), dec("-0.001"),
            "Bo \"B\"", false, "x"}));
    assertThat(new String(bytes, StandardCharsets.UTF_8))
        .isEqualTo(new String(fixture("nesting/expected.json"), StandardCharsets.UTF_8));
    // and the reader takes it back apart
    assertThat(readAll(new JsonRowReader(new ByteArrayInputStream(bytes), SET, schema, "n")))
        .containsExactly(
            row(1L, LocalDateTime.of(2014, 6, 1, 18, 0), dec("12.50"), "Ann", true, null),
            row(2L, LocalDateTime.of(2014, 6, 2, 0, 0, 0, 500_000_000), dec("-0.001"),
                "Bo \"B\"", false, "x"));
  }

  @Test
  void arrayOfObjectsOnWrite() throws Exception {
    RowSchema schema = RowSchema.of(Field.of("id", AdfType.INT32), Field.of("name",
        AdfType.STRING));
    byte[] bytes = write(ARRAY, schema, List.of(new Object[] {1, "a"}, new Object[] {2, null}));
    assertThat(new String(bytes, StandardCharsets.UTF_8))
        .isEqualTo(new String(fixture("array-write/expected.json"), StandardCharsets.UTF_8));
    assertThat(new String(write(ARRAY, schema, List.of()), StandardCharsets.UTF_8))
        .isEqualTo("[]\r\n");
    assertThat(write(SET, schema, List.of())).isEmpty();
  }

  @Test
  void nestingConflictsAreErrors() {
    assertThatThrownBy(() -> new JsonRowWriter(new ByteArrayOutputStream(), SET,
        RowSchema.of(Field.of("a", AdfType.STRING), Field.of("a.b", AdfType.STRING))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("column 'a.b' nests inside column 'a', which holds a value");
    assertThatThrownBy(() -> new JsonRowWriter(new ByteArrayOutputStream(), SET,
        RowSchema.of(Field.of("a.b", AdfType.STRING), Field.of("a", AdfType.STRING))))
        .hasMessage("column 'a' is both a value and an object holding other columns");
    assertThatThrownBy(() -> new JsonRowWriter(new ByteArrayOutputStream(), SET,
        RowSchema.of(Field.of("a.b", AdfType.STRING), Field.of("a.b", AdfType.INT32))))
        .hasMessage("column 'a.b' writes the same property as column 'a.b'");
  }

  @Test
  void writerConvertsValuesOrFailsTheRow() throws Exception {
    RowSchema schema = RowSchema.of(Field.of("n", AdfType.INT16));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonRowWriter writer = new JsonRowWriter(out, SET, schema)) {
      writer.write(new Object[] {"12"});
      assertThatThrownBy(() -> writer.write(new Object[] {100_000}))
          .isInstanceOf(BadRowException.class)
          .hasMessage("output:row 2: column 'n': cannot convert 100000 (Int32) to Int16: out of"
              + " range (-32768 to 32767)");
      writer.write(new Object[] {null});
      assertThatThrownBy(() -> writer.write(new Object[] {1, 2}))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("row has 2 values, the schema 1 columns");
    }
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"n\":12}\r\n{\"n\":null}\r\n");
  }

  /** Every type, written, then parsed by plain Jackson (not our reader) to the same values. */
  @Test
  void writtenJsonParsesBackWithJackson() throws Exception {
    UUID guid = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");
    RowSchema schema = RowSchema.of(Field.of("i16", AdfType.INT16), Field.of("i32", AdfType.INT32),
        Field.of("i64", AdfType.INT64), Field.of("f", AdfType.SINGLE),
        Field.of("d", AdfType.DOUBLE), Field.of("dec", AdfType.DECIMAL),
        Field.of("bytes", AdfType.BYTE_ARRAY), Field.of("b", AdfType.BOOLEAN),
        Field.of("s", AdfType.STRING), Field.of("g", AdfType.GUID),
        Field.of("dt", AdfType.DATETIME), Field.of("dto", AdfType.DATETIMEOFFSET),
        Field.of("ts", AdfType.TIMESPAN), Field.of("nan", AdfType.DOUBLE));
    Object[] values = {(short) -5, Integer.MAX_VALUE, Long.MIN_VALUE, 0.1f, 1e300,
        dec("123456789012345678901234567890.000000001"), new byte[] {1, 2, 3}, true,
        "tab\t\"q\" \u0001 é", guid, LocalDateTime.of(2014, 6, 1, 18, 0, 0, 123_456_700),
        OffsetDateTime.of(2014, 6, 1, 18, 0, 0, 0, ZoneOffset.ofHours(-8)),
        Duration.parse("PT26H3M4.5S"), Double.NaN};
    byte[] bytes = write(ARRAY, schema, List.<Object[]>of(values, new Object[values.length]));

    ObjectMapper plain = new ObjectMapper();
    JsonNode array = plain.readTree(bytes);
    assertThat(array.isArray()).isTrue();
    assertThat(array.size()).isEqualTo(2);
    JsonNode o = array.get(0);
    assertThat(o.get("i16").isInt()).isTrue();
    assertThat(o.get("i16").intValue()).isEqualTo(-5);
    assertThat(o.get("i32").intValue()).isEqualTo(Integer.MAX_VALUE);
    assertThat(o.get("i64").longValue()).isEqualTo(Long.MIN_VALUE);
    assertThat(o.get("f").isNumber()).isTrue();
    assertThat(o.get("f").floatValue()).isEqualTo(0.1f);
    assertThat(o.get("d").doubleValue()).isEqualTo(1e300);
    assertThat(o.get("dec").isNumber()).isTrue();
    assertThat(new String(bytes, StandardCharsets.UTF_8))
        .contains("\"dec\":123456789012345678901234567890.000000001,");
    assertThat(o.get("b").booleanValue()).isTrue();
    assertThat(o.get("s").textValue()).isEqualTo("tab\t\"q\" \u0001 é");
    assertThat(o.get("bytes").textValue()).isEqualTo("AQID");
    assertThat(o.get("g").textValue()).isEqualTo("0f8fad5b-d9cb-469f-a165-70867728950e");
    assertThat(o.get("dt").textValue()).isEqualTo("2014-06-01T18:00:00.1234567");
    assertThat(LocalDateTime.parse(o.get("dt").textValue()))
        .isEqualTo(LocalDateTime.of(2014, 6, 1, 18, 0, 0, 123_456_700));
    assertThat(OffsetDateTime.parse(o.get("dto").textValue()))
        .isEqualTo(OffsetDateTime.of(2014, 6, 1, 18, 0, 0, 0, ZoneOffset.ofHours(-8)));
    assertThat(o.get("ts").textValue()).isEqualTo("1.02:03:04.5000000");
    assertThat(o.get("nan").textValue()).isEqualTo("NaN");
    JsonNode nulls = array.get(1);
    assertThat(nulls.size()).isEqualTo(values.length);
    nulls.elements().forEachRemaining(n -> assertThat(n.isNull()).isTrue());

    // Decimal exactly: read the number with BigDecimal precision.
    ObjectMapper exact = new ObjectMapper()
        .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    assertThat(exact.readTree(bytes).get(0).get("dec").decimalValue())
        .isEqualTo(dec("123456789012345678901234567890.000000001"));

    // and our reader gives back the values themselves
    List<List<Object>> back = readAll(new JsonRowReader(new ByteArrayInputStream(bytes), ARRAY,
        schema, "all"));
    assertThat(back).hasSize(2);
    for (int i = 0; i < values.length; i++) {
      assertThat(back.get(0).get(i)).as(schema.field(i).name()).isEqualTo(values[i]);
    }
    assertThat(back.get(1)).containsOnlyNulls();
  }

  @Test
  void negativeZeroIsWrittenAsTextAndReadsBackWithItsSign() throws IOException {
    RowSchema schema = RowSchema.of(Field.of("f", AdfType.SINGLE), Field.of("d", AdfType.DOUBLE));
    byte[] bytes = write(SET, schema, List.<Object[]>of(new Object[] {-0.0f, -0.0d},
        new Object[] {0.0f, 0.0d}));

    assertThat(new String(bytes, StandardCharsets.UTF_8))
        .isEqualTo("{\"f\":\"-0\",\"d\":\"-0\"}\r\n{\"f\":0,\"d\":0}\r\n");
    List<List<Object>> back = readAll(new JsonRowReader(new ByteArrayInputStream(bytes), SET,
        schema, "zeros"));
    assertThat(back).containsExactly(row(-0.0f, -0.0d), row(0.0f, 0.0d));
    assertThat(Float.floatToIntBits((Float) back.get(0).get(0)))
        .isEqualTo(Float.floatToIntBits(-0.0f));
    assertThat(Double.doubleToLongBits((Double) back.get(0).get(1)))
        .isEqualTo(Double.doubleToLongBits(-0.0d));
  }
}
