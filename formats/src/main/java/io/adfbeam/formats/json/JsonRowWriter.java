package io.adfbeam.formats.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import io.adfbeam.formats.convert.ConversionException;
import io.adfbeam.formats.convert.ValueConverter;
import io.adfbeam.formats.rows.BadRowException;
import io.adfbeam.formats.rows.Field;
import io.adfbeam.formats.rows.RowSchema;
import io.adfbeam.formats.rows.RowWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes typed rows as ADF JSON ({@code JsonFormat}).
 *
 * <ul>
 *   <li>setOfObjects: one object per line, each line ending in {@code \r\n} (the line end ADF's
 *       text output uses; JSON Lines readers take it too).
 *   <li>arrayOfObjects: one array, {@code [}, the objects one per line separated by {@code ,},
 *       {@code ]}.
 *   <li>A column name with the nesting separator nests: {@code order.date} and {@code order.id}
 *       become {@code "order": {"date": .., "id": ..}}, in the order the columns first mention each
 *       name. A column that is both a value and a parent ({@code order} and {@code order.date}) is
 *       an error.
 *   <li>Values: null as {@code null}; Int16, Int32, Int64 and Decimal as JSON numbers (Decimal
 *       exactly, in plain digits); Single and Double as numbers in their shortest round-trip text
 *       ({@code 0.1}, {@code 1E+20}), NaN, infinities and negative zero as the strings {@code
 *       "NaN"}, {@code "Infinity"}, {@code "-Infinity"}, {@code "-0"} (a JSON number {@code -0}
 *       reads back as 0 in most readers, ours included); Boolean as {@code true}/{@code false}; Byte[] as a Base64
 *       string; Guid lower-case; Datetime as ISO 8601 {@code 2014-06-01T18:00:00.1234567} (UTC, no
 *       zone), Datetimeoffset with its offset {@code 2014-06-01T18:00:00+02:00} (or both in the
 *       column's .NET format, when it has one); Timespan in .NET's {@code c} form.
 *   <li>Encoding: the options' charset; UTF-16 and UTF-32 files start with a byte order mark (UTF-8
 *       files do not). Characters the charset cannot encode are written as JSON {@code \}{@code
 *       uXXXX} escapes, so any text fits any charset.
 * </ul>
 */
public final class JsonRowWriter implements RowWriter {
  private static final Set<String> BOM_CHARSETS =
      Set.of("UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE", "UTF-32");
  private static final String LINE_END = "\r\n";

  private final JsonGenerator gen;
  private final boolean array;
  private final RowSchema schema;
  private final ValueConverter[] converters;
  /** Output layout: property name to a column index (Integer) or a nested map. */
  private final Map<String, Object> layout = new LinkedHashMap<>();
  private long rows;
  private boolean closed;

  /**
   * A writer of rows of {@code schema}; closing it writes the end of the file and closes {@code
   * out}.
   *
   * @throws IllegalArgumentException if two columns write the same property, one column nests in
   *     another, or a column's culture or format is invalid
   */
  public JsonRowWriter(OutputStream out, JsonFormatOptions options, RowSchema schema)
      throws IOException {
    this.schema = schema;
    this.array = options.filePattern() == JsonFormatOptions.FilePattern.ARRAY_OF_OBJECTS;
    converters = new ValueConverter[schema.size()];
    String sep = options.nestingSeparator();
    for (int i = 0; i < converters.length; i++) {
      Field f = schema.field(i);
      converters[i] = ValueConverter.of(f);
      List<String> path = sep.isEmpty() ? List.of(f.name())
          : Arrays.asList(f.name().split(Pattern.quote(sep), -1));
      if (path.stream().anyMatch(String::isEmpty)) {
        path = List.of(f.name());
      }
      place(path, i);
    }
    Charset cs = options.encoding();
    CharsetEncoder encoder = cs.newEncoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    Writer w = new OutputStreamWriter(out, encoder);
    if (BOM_CHARSETS.contains(cs.name())) {
      w.write('\uFEFF');
    }
    gen = JsonRowReader.MAPPER.getFactory().createGenerator(w);
    gen.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    gen.setPrettyPrinter(new LinePrinter());
    if (!cs.name().startsWith("UTF-")) {
      gen.setCharacterEscapes(new EncoderEscapes(cs));
    }
    if (array) {
      gen.writeStartArray();
    }
  }

  @SuppressWarnings("unchecked")
  private void place(List<String> path, int column) {
    Map<String, Object> level = layout;
    for (int k = 0; k < path.size(); k++) {
      String key = path.get(k);
      Object there = level.get(key);
      boolean last = k == path.size() - 1;
      if (last) {
        if (there != null) {
          throw new IllegalArgumentException("column '" + schema.field(column).name() + "' "
              + (there instanceof Integer i ? "writes the same property as column '"
                  + schema.field(i).name() + "'"
                  : "is both a value and an object holding other columns"));
        }
        level.put(key, column);
      } else if (there instanceof Integer i) {
        throw new IllegalArgumentException("column '" + schema.field(column).name()
            + "' nests inside column '" + schema.field(i).name() + "', which holds a value");
      } else {
        level = (Map<String, Object>) level.computeIfAbsent(key, x -> new LinkedHashMap<>());
      }
    }
  }

  /**
   * Writes one row.
   *
   * @throws IllegalArgumentException if the row has another length than the schema
   * @throws BadRowException (skippable) if a value does not convert to its column's type; nothing
   *     of the row is written
   */
  @Override
  public void write(Object[] row) throws IOException {
    if (closed) {
      throw new IOException("writer closed");
    }
    if (row.length != converters.length) {
      throw new IllegalArgumentException(
          "row has " + row.length + " values, the schema " + converters.length + " columns");
    }
    Object[] values = new Object[row.length];
    for (int i = 0; i < row.length; i++) {
      try {
        values[i] = converters[i].convert(row[i]);
      } catch (ConversionException e) {
        throw new BadRowException("output", "row " + (rows + 1), schema.field(i).name(),
            e.getMessage(), true, null);
      }
    }
    writeObject(layout, values);
    if (!array) {
      gen.writeRaw(LINE_END);
    }
    rows++;
  }

  @SuppressWarnings("unchecked")
  private void writeObject(Map<String, Object> level, Object[] values) throws IOException {
    gen.writeStartObject();
    for (Map.Entry<String, Object> e : level.entrySet()) {
      gen.writeFieldName(e.getKey());
      if (e.getValue() instanceof Integer i) {
        writeValue(values[i], converters[i]);
      } else {
        writeObject((Map<String, Object>) e.getValue(), values);
      }
    }
    gen.writeEndObject();
  }

  private void writeValue(Object v, ValueConverter c) throws IOException {
    if (v == null) {
      gen.writeNull();
    } else if (v instanceof Short s) {
      gen.writeNumber(s);
    } else if (v instanceof Integer i) {
      gen.writeNumber(i);
    } else if (v instanceof Long l) {
      gen.writeNumber(l);
    } else if (v instanceof BigDecimal d) {
      gen.writeNumber(d);
    } else if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      String text = ValueConverter.toText(v);
      // JSON has no NaN or infinities, and JSON readers (Jackson's trees, .NET's decimal) read the
      // number -0 as 0: these are written as strings, which read back exactly.
      if (Double.isNaN(d) || Double.isInfinite(d) || (d == 0 && 1 / d < 0)) {
        gen.writeString(text);
      } else {
        gen.writeNumber(text);
      }
    } else if (v instanceof Boolean b) {
      gen.writeBoolean(b);
    } else if (v instanceof String s) {
      gen.writeString(s);
    } else if (v instanceof byte[] bytes) {
      gen.writeString(Base64.getEncoder().encodeToString(bytes));
    } else if (c.field().format() != null && c.field().type().isDateTime()) {
      try {
        gen.writeString(c.format(v));
      } catch (ConversionException e) {
        throw new IllegalStateException(e);
      }
    } else {
      gen.writeString(ValueConverter.toIsoText(v));
    }
  }

  /** The number of rows written. */
  public long rowCount() {
    return rows;
  }

  /** Ends the array (arrayOfObjects), writes what is buffered and closes the stream. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (array) {
        gen.writeEndArray();
        gen.writeRaw(LINE_END);
      }
    } finally {
      gen.close();
    }
  }

  /** Compact objects; the top-level array's elements one per line. */
  private static final class LinePrinter extends MinimalPrettyPrinter {
    private static final long serialVersionUID = 1L;

    LinePrinter() {
      super(null);
    }

    @Override
    public void beforeArrayValues(JsonGenerator g) throws IOException {
      g.writeRaw(LINE_END);
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
      g.writeRaw("," + LINE_END);
    }

    @Override
    public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
      g.writeRaw(nrOfValues > 0 ? LINE_END + "]" : "]");
    }
  }

  /** Escapes, as {@code \}{@code uXXXX}, the characters a non-Unicode charset cannot encode. */
  private static final class EncoderEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private final transient CharsetEncoder encoder;
    private final int[] ascii = standardAsciiEscapesForJSON();

    EncoderEscapes(Charset cs) {
      encoder = cs.newEncoder();
      for (int c = 0; c < 128; c++) {
        if (ascii[c] == 0 && !encoder.canEncode((char) c)) {
          ascii[c] = ESCAPE_STANDARD;
        }
      }
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      if (encoder.canEncode((char) ch)) {
        return null;
      }
      return new SerializedString(String.format("\\u%04x", ch));
    }
  }
}
