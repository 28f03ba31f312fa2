package io.adfbeam.formats.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.adfbeam.formats.AdfType;
import io.adfbeam.formats.convert.ConversionException;
import io.adfbeam.formats.convert.ValueConverter;
import io.adfbeam.formats.rows.BadRowException;
import io.adfbeam.formats.rows.Field;
import io.adfbeam.formats.rows.RowReader;
import io.adfbeam.formats.rows.RowSchema;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Reads ADF JSON files ({@code JsonFormat}) as typed rows. The file is parsed as a stream of
 * top-level values with Jackson; each object (or array element, for arrayOfObjects) is read into a
 * tree on its own, so memory holds one object at a time.
 *
 * <h2>Layout</h2>
 *
 * <ul>
 *   <li>setOfObjects: top-level objects, one or many, on one line each, spread over lines, or
 *       one right after the other ({@code {..}{..}}).
 *   <li>arrayOfObjects: a top-level array whose elements are the objects (further top-level arrays
 *       after it are read too).
 *   <li>jsonNodeReference ({@code $.orders} or {@code orders}): each object gives one row per
 *       element of that array (an object there counts as one element; a missing, null or empty
 *       array gives no rows). Paths with {@code $} read from the object, paths without from the
 *       element.
 * </ul>
 *
 * <h2>Columns</h2>
 *
 * <ul>
 *   <li>With a structure: each column's path is its jsonPathDefinition entry (the name matched
 *       exactly, else ignoring case), or else the property of that name (case-sensitive) in the
 *       element or object, or else, for a name with the nesting separator, the nested property
 *       ({@code order.date}).
 *   <li>Without a structure but with a jsonPathDefinition: its columns, in its order.
 *   <li>With neither: the first object's properties (the first element's, with a node reference),
 *       flattened: a nested object's properties become {@code order.date} with the nesting
 *       separator (no separator: the object is one column of JSON text); arrays are one column of
 *       JSON text. Where two flattened names coincide, the first is kept.
 *   <li>Without a structure, a column's type follows the first row's value: a JSON number is
 *       Decimal (exact), true or false Boolean, anything else String.
 * </ul>
 *
 * <h2>Values</h2>
 *
 * JSON null and missing properties are null. Strings convert with the column's culture and format
 * ({@link ValueConverter#parse}); numbers and booleans convert as values ({@link
 * ValueConverter#convert}), and to String as their JSON text ({@code 1.50}, {@code true}); arrays
 * and objects convert to String as compact JSON text and to nothing else. Property names are
 * case-sensitive; of duplicate names in one object, the last wins.
 *
 * <h2>Errors</h2>
 *
 * A value that does not convert, a top-level value that is not an object (or not an array, for
 * arrayOfObjects), or a node reference that is neither array nor object fail with a skippable
 * {@link BadRowException}; its row text is the object (or element) as compact JSON. Malformed JSON
 * or undecodable bytes fail with a non-skippable one at the line of the error, and every later call
 * throws it again. Positions are {@code line N} (where the object starts) or {@code line N,
 * $.orders[k]} for a cross-applied element.
 *
 * <h2>Encoding</h2>
 *
 * The options' charset decodes the bytes (invalid bytes fail). For Unicode charsets a byte order
 * mark is dropped and decides the encoding, as .NET's {@code StreamReader} does.
 */
public final class JsonRowReader implements RowReader {
  static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
          .build();

  /** Where one column's value is found. */
  private record Column(JsonPath path, String name, List<String> nested) {}

  /** One object (and element, when cross-applying) a row is made of. */
  private record Source(JsonNode root, JsonNode element, String position) {}

  private final String source;
  private final JsonFormatOptions options;
  private final JsonParser parser;
  private final JsonPath reference;
  private final RowSchema schema;
  private final Column[] columns;
  private final ValueConverter[] converters;
  private final Deque<BadRowException> queued = new ArrayDeque<>();
  private Source lookahead;
  private BadRowException failure;
  private boolean inArray;
  private JsonNode root;
  private long rootLine;
  private Iterator<JsonNode> elements;
  private int elementIndex;
  private String position = "line 0";

  /**
   * Opens a reader. Without a structure and a jsonPathDefinition, reads the first object to learn
   * the columns.
   *
   * @param in the decompressed bytes, closed with this reader
   * @param options the JSON format
   * @param structure the declared columns, or null
   * @param source the file's name, for messages
   * @throws IllegalArgumentException if a JSON path is invalid, or a column's culture or format
   */
  public JsonRowReader(InputStream in, JsonFormatOptions options, RowSchema structure,
      String source) throws IOException {
    this.source = Objects.requireNonNull(source, "source");
    this.options = options.validate();
    this.reference = options.jsonNodeReference().map(JsonPath::parse).orElse(null);
    try {
      this.parser = MAPPER.getFactory().createParser(decode(in, options.encoding()));
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
    try {
      Map<String, String> paths = options.jsonPathDefinition();
      List<Column> cols = new ArrayList<>();
      List<Field> fields = new ArrayList<>();
      if (structure != null) {
        for (Field f : structure.fields()) {
          String path = pathOf(paths, f.name());
          cols.add(path != null ? new Column(JsonPath.parse(path), f.name(), null)
              : new Column(null, f.name(), split(f.name())));
          fields.add(f);
        }
      } else {
        peek();
        JsonNode first = lookahead == null ? null
            : lookahead.element != null ? lookahead.element : lookahead.root;
        if (!paths.isEmpty()) {
          for (Map.Entry<String, String> e : paths.entrySet()) {
            JsonPath path = JsonPath.parse(e.getValue());
            cols.add(new Column(path, e.getKey(), null));
            fields.add(Field.of(e.getKey(), lookahead == null ? AdfType.STRING
                : inferType(path.find(lookahead.root, lookahead.element))));
          }
        } else if (first != null && first.isObject()) {
          flatten(first, new ArrayList<>(), cols, fields);
        }
      }
      this.columns = cols.toArray(new Column[0]);
      this.schema = new RowSchema(fields);
      this.converters = new ValueConverter[fields.size()];
      for (int i = 0; i < converters.length; i++) {
        converters[i] = ValueConverter.of(fields.get(i));
      }
    } catch (IOException | RuntimeException e) {
      parser.close();
      throw e;
    }
  }

  private static String pathOf(Map<String, String> paths, String name) {
    String exact = paths.get(name);
    if (exact != null) {
      return exact;
    }
    for (Map.Entry<String, String> e : paths.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue();
      }
    }
    return null;
  }

  private List<String> split(String name) {
    String sep = options.nestingSeparator();
    if (sep.isEmpty() || !name.contains(sep)) {
      return null;
    }
    return Arrays.asList(name.split(Pattern.quote(sep), -1));
  }

  private void flatten(JsonNode object, List<String> prefix, List<Column> cols,
      List<Field> fields) {
    String sep = options.nestingSeparator();
    object.fields().forEachRemaining(e -> {
      List<String> keys = new ArrayList<>(prefix);
      keys.add(e.getKey());
      JsonNode v = e.getValue();
      if (v.isObject() && v.size() > 0 && !sep.isEmpty()) {
        flatten(v, keys, cols, fields);
        return;
      }
      String name = String.join(sep, keys);
      if (fields.stream().anyMatch(f -> f.name().equals(name))) {
        return;
      }
      cols.add(new Column(JsonPath.keys(keys), name, null));
      fields.add(Field.of(name, inferType(v)));
    });
  }

  private static AdfType inferType(JsonNode v) {
    if (v == null) {
      return AdfType.STRING;
    }
    return v.isNumber() ? AdfType.DECIMAL : v.isBoolean() ? AdfType.BOOLEAN : AdfType.STRING;
  }

  // ---- decoding

  private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
  private static final Charset UTF_32LE = Charset.forName("UTF-32LE");

  /** A strict decoder for the charset, or the one a byte order mark names (BOM dropped). */
  private static Reader decode(InputStream raw, Charset configured) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
    Charset cs = configured;
    String name = configured.name();
    if (name.startsWith("UTF-")) {
      in.mark(4);
      byte[] b = new byte[4];
      int n = in.readNBytes(b, 0, 4);
      in.reset();
      int skip = 0;
      if (n >= 4 && b[0] == 0 && b[1] == 0 && (b[2] & 0xff) == 0xfe && (b[3] & 0xff) == 0xff) {
        cs = UTF_32BE;
        skip = 4;
      } else if (n >= 4 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe && b[2] == 0
          && b[3] == 0 && name.startsWith("UTF-32")) {
        cs = UTF_32LE;
        skip = 4;
      } else if (n >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb
          && (b[2] & 0xff) == 0xbf) {
        cs = StandardCharsets.UTF_8;
        skip = 3;
      } else if (n >= 2 && (b[0] & 0xff) == 0xfe && (b[1] & 0xff) == 0xff) {
        cs = StandardCharsets.UTF_16BE;
        skip = 2;
      } else if (n >= 2 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe) {
        cs = StandardCharsets.UTF_16LE;
        skip = 2;
      }
      in.skipNBytes(skip);
    }
    return new InputStreamReader(in, cs.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT));
  }

  // ---- reading

  @Override
  public RowSchema schema() {
    return schema;
  }

  /** Reads up to the first row source (for the schema), keeping errors on the way for later. */
  private void peek() throws IOException {
    while (true) {
      try {
        lookahead = nextSource();
        return;
      } catch (BadRowException e) {
        if (!e.isRowSkippable()) {
          return;
        }
        queued.add(e);
      }
    }
  }

  @Override
  public Object[] next() throws IOException {
    Source s;
    if (!queued.isEmpty()) {
      BadRowException e = queued.poll();
      position = e.position();
      throw e;
    } else if (lookahead != null) {
      s = lookahead;
      lookahead = null;
    } else {
      s = nextSource();
    }
    if (s == null) {
      return null;
    }
    position = s.position;
    Object[] row = new Object[columns.length];
    for (int i = 0; i < columns.length; i++) {
      JsonNode node = find(columns[i], s);
      try {
        row[i] = value(node, converters[i]);
      } catch (ConversionException e) {
        throw new BadRowException(source, s.position, columns[i].name, e.getMessage(), true,
            (s.element != null ? s.element : s.root).toString());
      }
    }
    return row;
  }

  private static JsonNode find(Column c, Source s) {
    if (c.path != null) {
      return c.path.find(s.root, s.element);
    }
    JsonNode start = s.element != null ? s.element : s.root;
    JsonNode v = start.get(c.name);
    if (v == null && c.nested != null) {
      for (String key : c.nested) {
        v = start.get(key);
        if (v == null) {
          return null;
        }
        start = v;
      }
    }
    return v;
  }

  private static Object value(JsonNode n, ValueConverter c) throws ConversionException {
    if (n == null || n.isNull() || n.isMissingNode()) {
      return null;
    }
    AdfType type = c.field().type();
    if (n.isTextual()) {
      return c.parse(n.textValue());
    }
    if (n.isNumber()) {
      if (type == AdfType.STRING) {
        return n.isBigDecimal() ? n.decimalValue().toPlainString() : n.asText();
      }
      return c.convert(n.numberValue());
    }
    if (n.isBoolean()) {
      return type == AdfType.STRING ? n.asText() : c.convert(n.booleanValue());
    }
    if (type == AdfType.STRING) {
      return n.toString();
    }
    String text = n.toString();
    throw new ConversionException(text.length() > 100 ? text.substring(0, 100) + "..." : text,
        type, "a JSON " + (n.isArray() ? "array" : "object") + " has no " + type.adfName()
            + " value");
  }

  /** The next object (and element) to make a row of; null at the end. */
  private Source nextSource() throws IOException {
    if (failure != null) {
      throw failure;
    }
    try {
      while (true) {
        if (elements != null) {
          if (elements.hasNext()) {
            JsonNode element = elements.next();
            return new Source(root, element,
                "line " + rootLine + ", " + reference + "[" + elementIndex++ + "]");
          }
          elements = null;
        }
        JsonNode next = nextRoot();
        if (next == null) {
          return null;
        }
        if (reference == null) {
          return new Source(next, null, "line " + rootLine);
        }
        root = next;
        JsonNode array = reference.find(next, null);
        elementIndex = 0;
        if (array == null || array.isNull() || array.isMissingNode()) {
          continue;
        }
        if (array.isArray()) {
          elements = array.elements();
        } else if (array.isObject()) {
          elements = List.of(array).iterator();
        } else {
          throw new BadRowException(source, "line " + rootLine, null, "jsonNodeReference '"
              + reference + "' is " + kind(array) + ", not an array", true, next.toString());
        }
      }
    } catch (JsonProcessingException e) {
      long line = e.getLocation() == null ? parser.currentLocation().getLineNr()
          : e.getLocation().getLineNr();
      throw fail(line, "malformed JSON: " + e.getOriginalMessage());
    } catch (CharacterCodingException e) {
      throw fail(parser.currentLocation().getLineNr(),
          "bytes that are not valid " + options.encoding().name());
    }
  }

  private BadRowException fail(long line, String reason) {
    failure = new BadRowException(source, "line " + line, null, reason, false, null);
    position = failure.position();
    return failure;
  }

  /** The next top-level object (array element for arrayOfObjects); null at the end. */
  private JsonNode nextRoot() throws IOException {
    while (true) {
      JsonToken t = parser.nextToken();
      if (inArray) {
        if (t == JsonToken.END_ARRAY) {
          inArray = false;
          continue;
        }
      } else if (t == null) {
        return null;
      } else if (t == JsonToken.START_ARRAY
          && options.filePattern() == JsonFormatOptions.FilePattern.ARRAY_OF_OBJECTS) {
        inArray = true;
        continue;
      }
      rootLine = parser.currentTokenLocation().getLineNr();
      JsonNode node = MAPPER.readTree(parser);
      boolean arrays = options.filePattern() == JsonFormatOptions.FilePattern.ARRAY_OF_OBJECTS;
      if (!node.isObject() || (arrays && !inArray)) {
        String expected = arrays && !inArray ? "a top-level array (filePattern arrayOfObjects)"
            : inArray ? "an object in the array" : "an object (filePattern setOfObjects)";
        throw new BadRowException(source, "line " + rootLine, null,
            "expected " + expected + ", found " + kind(node), true, node.toString());
      }
      return node;
    }
  }

  private static String kind(JsonNode n) {
    return switch (n.getNodeType()) {
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a Boolean";
      case NULL -> "null";
      default -> n.getNodeType().name().toLowerCase(Locale.ROOT);
    };
  }

  /** {@code line N}, or {@code line N, $.orders[k]} for a cross-applied element. */
  @Override
  public String position() {
    return position;
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }
}
