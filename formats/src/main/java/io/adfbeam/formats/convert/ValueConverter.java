package io.adfbeam.formats.convert;

import io.adfbeam.formats.AdfType;
import io.adfbeam.formats.rows.AdfValues;
import io.adfbeam.formats.rows.Field;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Converts values to the type of one column, as ADF converts between its interim types; and prints
 * them as text. One converter serves one {@link Field}: its culture and format are compiled once.
 *
 * <h2>Between types</h2>
 *
 * <ul>
 *   <li>Numbers (Int16, Int32, Int64, Single, Double, Decimal, and any other {@link Number}) convert
 *       to each other when the value fits: an integer type takes whole values in its range only
 *       ({@code 1.5} or {@code 40000} to Int16 fail, nothing is rounded or wrapped); Single and
 *       Double take any finite value in their range (rounding to the nearest), NaN and infinities
 *       stay (Single to Double widens exactly, as .NET does); Decimal takes any finite value exactly (a Single or Double by its shortest decimal
 *       text, so {@code 0.1f} is {@code 0.1}).
 *   <li>Boolean to a number is 1 or 0; a number to Boolean must be exactly 1 or 0.
 *   <li>Datetime and Datetimeoffset convert to each other through UTC (a Datetime is a UTC time).
 *   <li>Anything converts to String with {@link #toText(Object)}; String converts to anything with
 *       the text rules below. Other pairs (Guid and Int32, Timespan and Datetime) fail.
 * </ul>
 *
 * <h2>Text to a type</h2>
 *
 * Leading and trailing white space is ignored, and empty (or blank) text is null, for every type but
 * String (which keeps text as it is).
 *
 * <ul>
 *   <li>Numbers: an optional sign, digits with the culture's decimal separator ({@code ,} for
 *       de-de) and group separators between groups of three digits ({@code 1.234,5} in de-de,
 *       {@code 1,234.5} in en-us), an optional exponent ({@code 1.5E-3}); Single and Double also
 *       take {@code NaN}, {@code Infinity} and {@code -Infinity} (and {@code ∞}). Integer types
 *       take such text when its value is whole ({@code 12.0} is 12).
 *   <li>Boolean: {@code true} or {@code false} in any case, {@code 1} or {@code 0}.
 *   <li>Guid: 32 hex digits, plain, with hyphens (8-4-4-4-12), and optionally in {@code {}} or
 *       {@code ()}, any case.
 *   <li>Byte[]: Base64 (standard alphabet, padding optional, white space ignored): this is how ADF
 *       writes binary columns to text and JSON.
 *   <li>Datetime and Datetimeoffset with a {@code format}: the .NET format in the field's culture
 *       (see {@link DotNetDateTimeFormat}). Without one: {@code yyyy-MM-dd}, optionally with {@code
 *       T} or a space and {@code HH:mm[:ss[.fffffffff]]} (ISO 8601 and the invariant form); or a
 *       numeric date with {@code /}, {@code .} or {@code -} in the culture's order (month first for
 *       invariant and en-us, day first for de-de and fr-fr; a four-digit first part is a year), with
 *       an optional time and AM/PM designator. Either may end in {@code Z} or an offset {@code
 *       +hh:mm}. A Datetime with an offset is converted to UTC; a Datetimeoffset without one is
 *       taken as UTC.
 *   <li>Timespan: .NET TimeSpan text {@code [-][d.]hh:mm[:ss[.fffffff]]}, {@code d:hh:mm:ss}, or a
 *       whole number of days; {@code hh:mm:ss} with more than 23 hours reads as days, hours and
 *       minutes, as in .NET ({@code 24:00:00} is 24 days).
 * </ul>
 *
 * <h2>A type to text (invariant, round-trippable)</h2>
 *
 * <table>
 *   <caption>Text written for each type</caption>
 *   <tr><th>Type</th><th>Text</th><th>Example</th></tr>
 *   <tr><td>Int16, Int32, Int64</td><td>digits, {@code -} when negative</td><td>-42</td></tr>
 *   <tr><td>Single, Double</td><td>shortest text that reads back to the same value; exponent
 *       {@code E+XX} from 1E+07 (Single) or 1E+15 (Double) up and from 1E-05 down, as .NET's
 *       {@code R}; NaN, Infinity, -Infinity</td><td>0.1, 1.5E+20, 1E-06</td></tr>
 *   <tr><td>Decimal</td><td>plain digits, scale kept</td><td>1234.50</td></tr>
 *   <tr><td>Boolean</td><td>{@code True}, {@code False} (as .NET and ADF print them)</td>
 *       <td>True</td></tr>
 *   <tr><td>Byte[]</td><td>Base64 with padding</td><td>AQL/</td></tr>
 *   <tr><td>Guid</td><td>lower-case 8-4-4-4-12</td><td>0f8fad5b-d9cb-469f-a165-70867728950e</td>
 *   </tr>
 *   <tr><td>Datetime</td><td>{@code yyyy-MM-dd HH:mm:ss.fffffff}, trailing fraction zeros (and
 *       the point) dropped</td><td>2014-06-01 18:00:00.5</td></tr>
 *   <tr><td>Datetimeoffset</td><td>the same and {@code  +hh:mm}</td>
 *       <td>2014-06-01 18:00:00 +02:00</td></tr>
 *   <tr><td>Timespan</td><td>.NET {@code c}: {@code [-][d.]hh:mm:ss[.fffffff]}</td>
 *       <td>1.02:03:04.5000000</td></tr>
 * </table>
 *
 * <p>Fractions of seconds have 9 digits only for values finer than .NET's 100 ns tick, which ADF
 * itself cannot hold. {@link #format} uses the field's format for Datetime and Datetimeoffset when
 * there is one, and the culture's decimal separator for Single, Double and Decimal, so that text
 * written with a field reads back with it; {@link #toText} is always invariant.
 */
public final class ValueConverter implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Pattern NUMBER =
      Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?");
  private static final Pattern GUID =
      Pattern.compile("[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?"
          + "[0-9a-fA-F]{12}");
  private static final BigDecimal[][] RANGES = {
    {BigDecimal.valueOf(Short.MIN_VALUE), BigDecimal.valueOf(Short.MAX_VALUE)},
    {BigDecimal.valueOf(Integer.MIN_VALUE), BigDecimal.valueOf(Integer.MAX_VALUE)},
    {BigDecimal.valueOf(Long.MIN_VALUE), BigDecimal.valueOf(Long.MAX_VALUE)}
  };
  private static final ValueConverter[] INVARIANT = new ValueConverter[AdfType.values().length];

  static {
    for (AdfType t : AdfType.values()) {
      INVARIANT[t.ordinal()] = new ValueConverter(Field.of(t.adfName(), t));
    }
  }

  private final Field field;
  private final AdfType type;
  private final Culture culture;
  private final DotNetDateTimeFormat dateFormat;

  private ValueConverter(Field field) {
    this.field = field;
    this.type = field.type();
    this.culture = Culture.of(field.culture());
    String format = field.format();
    this.dateFormat =
        type.isDateTime() && format != null && !format.isEmpty()
            ? DotNetDateTimeFormat.compile(format, culture)
            : null;
  }

  /**
   * The converter for a column. The format applies to Datetime and Datetimeoffset columns only
   * (other types ignore it, as ADF does); the culture to numbers and dates.
   *
   * @throws IllegalArgumentException if the culture is unknown or the format invalid
   */
  public static ValueConverter of(Field field) {
    return new ValueConverter(Objects.requireNonNull(field, "field"));
  }

  /** The invariant converter to {@code type} (no culture, no format). */
  public static ValueConverter of(AdfType type) {
    return INVARIANT[type.ordinal()];
  }

  /** The field this converter converts to. */
  public Field field() {
    return field;
  }

  /**
   * Converts {@code value} to {@code type} with the invariant culture.
   *
   * @see #convert(Object)
   */
  public static Object convert(Object value, AdfType type) throws ConversionException {
    return INVARIANT[type.ordinal()].convert(value);
  }

  /**
   * Converts a value of any ADF type (see {@link AdfValues}) to this field's type; text is parsed
   * with the field's culture and format, and null stays null.
   *
   * @return null or an instance of {@code AdfValues.javaClass(field().type())}
   * @throws ConversionException if ADF has no such conversion or the value does not fit
   */
  public Object convert(Object value) throws ConversionException {
    if (value == null) {
      return null;
    }
    if (value instanceof String s) {
      return parse(s);
    }
    if (AdfValues.javaClass(type).isInstance(value)) {
      return value;
    }
    return switch (type) {
      case INT16, INT32, INT64 -> toInteger(value);
      case SINGLE -> toSingle(value);
      case DOUBLE -> toDouble(value);
      case DECIMAL -> toDecimal(value);
      case BOOLEAN -> toBoolean(value);
      case STRING -> toText(value);
      case DATETIME -> {
        if (value instanceof OffsetDateTime o) {
          yield o.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        } else if (value instanceof Instant i) {
          yield LocalDateTime.ofInstant(i, ZoneOffset.UTC);
        } else if (value instanceof LocalDate d) {
          yield d.atStartOfDay();
        }
        throw noConversion(value);
      }
      case DATETIMEOFFSET -> {
        if (value instanceof LocalDateTime t) {
          yield t.atOffset(ZoneOffset.UTC);
        } else if (value instanceof Instant i) {
          yield i.atOffset(ZoneOffset.UTC);
        } else if (value instanceof LocalDate d) {
          yield d.atStartOfDay().atOffset(ZoneOffset.UTC);
        }
        throw noConversion(value);
      }
      case BYTE_ARRAY, GUID, TIMESPAN -> throw noConversion(value);
    };
  }

  private ConversionException noConversion(Object value) {
    return new ConversionException(value, type, "no conversion from " + typeName(value) + " to "
        + type.adfName());
  }

  // ---- numbers

  /** The exact decimal value of a number or Boolean; null for NaN and infinities. */
  private BigDecimal exact(Object value) throws ConversionException {
    if (value instanceof BigDecimal d) {
      return d;
    } else if (value instanceof Long || value instanceof Integer || value instanceof Short
        || value instanceof Byte) {
      return BigDecimal.valueOf(((Number) value).longValue());
    } else if (value instanceof BigInteger i) {
      return new BigDecimal(i);
    } else if (value instanceof Double d) {
      return d.isNaN() || d.isInfinite() ? null : new BigDecimal(Double.toString(d));
    } else if (value instanceof Float f) {
      return f.isNaN() || f.isInfinite() ? null : new BigDecimal(Float.toString(f));
    } else if (value instanceof Boolean b) {
      return b ? BigDecimal.ONE : BigDecimal.ZERO;
    } else if (value instanceof Number n) {
      try {
        return new BigDecimal(n.toString());
      } catch (NumberFormatException e) {
        return new BigDecimal(n.doubleValue());
      }
    }
    throw noConversion(value);
  }

  private Object toInteger(Object value) throws ConversionException {
    BigDecimal d = exact(value);
    if (d == null) {
      throw new ConversionException(value, type, "not a finite number");
    }
    return integer(value, d);
  }

  private Object integer(Object original, BigDecimal d) throws ConversionException {
    BigDecimal[] range = RANGES[type.ordinal() - AdfType.INT16.ordinal()];
    if (d.signum() != 0 && d.stripTrailingZeros().scale() > 0) {
      throw new ConversionException(original, type, "not a whole number");
    }
    if (d.compareTo(range[0]) < 0 || d.compareTo(range[1]) > 0) {
      throw new ConversionException(original, type,
          "out of range (" + range[0] + " to " + range[1] + ")");
    }
    long v = d.longValue();
    return switch (type) {
      case INT16 -> (short) v;
      case INT32 -> (int) v;
      default -> v;
    };
  }

  private Object toSingle(Object value) throws ConversionException {
    if (value instanceof Double d) {
      if (!d.isNaN() && !d.isInfinite() && Math.abs(d) > Float.MAX_VALUE) {
        throw outOfRange(value);
      }
      return d.floatValue();
    }
    BigDecimal d = exact(value);
    float f = d.floatValue();
    if (Float.isInfinite(f)) {
      throw outOfRange(value);
    }
    return f;
  }

  private Object toDouble(Object value) throws ConversionException {
    if (value instanceof Float f) {
      return f.doubleValue();
    }
    BigDecimal d = exact(value);
    double v = d.doubleValue();
    if (Double.isInfinite(v)) {
      throw outOfRange(value);
    }
    return v;
  }

  private ConversionException outOfRange(Object value) {
    return new ConversionException(value, type, "out of range for " + type.adfName());
  }

  private Object toDecimal(Object value) throws ConversionException {
    BigDecimal d = exact(value);
    if (d == null) {
      throw new ConversionException(value, type, toText(value) + " has no Decimal value");
    }
    return d;
  }

  private Object toBoolean(Object value) throws ConversionException {
    BigDecimal d = exact(value);
    if (d != null && d.compareTo(BigDecimal.ONE) == 0) {
      return Boolean.TRUE;
    }
    if (d != null && d.signum() == 0) {
      return Boolean.FALSE;
    }
    throw new ConversionException(value, type, "only 1 and 0 convert to Boolean");
  }

  // ---- text to a type

  /**
   * Parses text to this field's type with its culture and format. Blank text is null for every
   * type but String.
   *
   * @throws ConversionException if the text is not a value of the type
   */
  public Object parse(String text) throws ConversionException {
    if (text == null) {
      return null;
    }
    if (type == AdfType.STRING) {
      return text;
    }
    String s = text.strip();
    if (s.isEmpty()) {
      return null;
    }
    switch (type) {
      case INT16, INT32, INT64 -> {
        if (plainInteger(s)) {
          // Fast path, the same value as below: a sign and at most 18 digits fit in a long.
          long v = Long.parseLong(s);
          if (type == AdfType.INT64) {
            return v;
          } else if (type == AdfType.INT32 && v == (int) v) {
            return (int) v;
          } else if (type == AdfType.INT16 && v == (short) v) {
            return (short) v;
          }
        }
        BigDecimal d = number(s);
        if (d == null) {
          throw new ConversionException(text, type, "not a number");
        }
        return integer(text, d);
      }
      case SINGLE, DOUBLE -> {
        Double special = special(s);
        if (special != null) {
          return type == AdfType.SINGLE ? (Object) special.floatValue() : special;
        }
        String normal = normalize(s);
        if (normal == null) {
          throw new ConversionException(text, type, "not a number");
        }
        if (type == AdfType.SINGLE) {
          float f = Float.parseFloat(normal);
          if (Float.isInfinite(f)) {
            throw outOfRange(text);
          }
          return f;
        }
        double d = Double.parseDouble(normal);
        if (Double.isInfinite(d)) {
          throw outOfRange(text);
        }
        return d;
      }
      case DECIMAL -> {
        if (culture.decimalSeparator == '.' && plainDecimal(s)) {
          // Fast path: text that normalize() would leave as it is.
          return new BigDecimal(s);
        }
        BigDecimal d = number(s);
        if (d == null) {
          throw new ConversionException(text, type, "not a number");
        }
        return d;
      }
      case BOOLEAN -> {
        if (s.equalsIgnoreCase("true") || s.equals("1")) {
          return Boolean.TRUE;
        }
        if (s.equalsIgnoreCase("false") || s.equals("0")) {
          return Boolean.FALSE;
        }
        throw new ConversionException(text, type, "not a Boolean (true, false, 1 or 0)");
      }
      case GUID -> {
        String g = s;
        if (g.length() == 38 && (g.charAt(0) == '{' && g.charAt(37) == '}'
            || g.charAt(0) == '(' && g.charAt(37) == ')')) {
          g = g.substring(1, 37);
        }
        if ((g.length() != 36 && g.length() != 32) || !GUID.matcher(g).matches()
            || (g.length() == 36 && g.charAt(8) != '-')) {
          throw new ConversionException(text, type,
              "not a GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)");
        }
        String hex = g.replace("-", "");
        return new UUID(Long.parseUnsignedLong(hex.substring(0, 16), 16),
            Long.parseUnsignedLong(hex.substring(16), 16));
      }
      case BYTE_ARRAY -> {
        try {
          return Base64.getDecoder().decode(s.replaceAll("\\s+", ""));
        } catch (IllegalArgumentException e) {
          throw new ConversionException(text, type, "not Base64 text");
        }
      }
      case DATETIME -> {
        DotNetDateTimeFormat.Parsed p = parseDateTime(text, s);
        return p.offset() == null
            ? p.dateTime()
            : p.dateTime().atOffset(p.offset()).withOffsetSameInstant(ZoneOffset.UTC)
                .toLocalDateTime();
      }
      case DATETIMEOFFSET -> {
        DotNetDateTimeFormat.Parsed p = parseDateTime(text, s);
        return p.dateTime().atOffset(p.offset() == null ? ZoneOffset.UTC : p.offset());
      }
      case TIMESPAN -> {
        Duration d;
        try {
          d = DateTimeText.parseTimeSpan(s);
        } catch (ArithmeticException | NumberFormatException e) {
          d = null;
        }
        if (d == null) {
          throw new ConversionException(text, type,
              "not a .NET TimeSpan ([-][d.]hh:mm[:ss[.fffffff]])");
        }
        return d;
      }
      default -> throw new IllegalStateException(type.name());
    }
  }

  private DotNetDateTimeFormat.Parsed parseDateTime(String text, String s)
      throws ConversionException {
    if (dateFormat != null) {
      try {
        return dateFormat.parse(s);
      } catch (DateTimeException e) {
        throw new ConversionException(text, type, e.getMessage());
      }
    }
    DotNetDateTimeFormat.Parsed p;
    try {
      p = DateTimeText.parseDefault(s, culture);
    } catch (DateTimeException e) {
      throw new ConversionException(text, type, "not a valid date and time: " + e.getMessage());
    }
    if (p == null) {
      throw new ConversionException(text, type,
          "not a date and time (expected " + DateTimeText.expected(culture) + ")");
    }
    return p;
  }

  private static Double special(String s) {
    String t = s.startsWith("+") ? s.substring(1) : s;
    if (t.equalsIgnoreCase("NaN")) {
      return Double.NaN;
    }
    if (t.equalsIgnoreCase("Infinity") || t.equals("∞")) {
      return Double.POSITIVE_INFINITY;
    }
    if (t.equalsIgnoreCase("-Infinity") || t.equals("-∞")) {
      return Double.NEGATIVE_INFINITY;
    }
    return null;
  }

  /** An optional sign and 1 to 18 ASCII digits: a long, whatever the culture. */
  private static boolean plainInteger(String s) {
    int n = s.length();
    int i = n > 0 && (s.charAt(0) == '-' || s.charAt(0) == '+') ? 1 : 0;
    if (n - i < 1 || n - i > 18) {
      return false;
    }
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /**
   * An optional sign, digits, and optionally a point and more digits ({@code -12.50}): Java's
   * form already, when the culture's decimal separator is the point.
   */
  private static boolean plainDecimal(String s) {
    int n = s.length();
    int i = n > 0 && (s.charAt(0) == '-' || s.charAt(0) == '+') ? 1 : 0;
    int before = 0;
    while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      i++;
      before++;
    }
    if (before == 0) {
      return false;
    }
    if (i == n) {
      return true;
    }
    if (s.charAt(i++) != '.') {
      return false;
    }
    int after = 0;
    while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      i++;
      after++;
    }
    return after > 0 && i == n;
  }

  private BigDecimal number(String s) {
    String normal = normalize(s);
    if (normal == null) {
      return null;
    }
    try {
      return new BigDecimal(normal);
    } catch (NumberFormatException | ArithmeticException e) {
      return null;
    }
  }

  /**
   * Number text in the culture to Java's form ({@code .} and no groups), or null when it is not a
   * number: group separators must stand between groups of three digits before the decimal
   * separator.
   */
  private String normalize(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    int i = 0;
    if (i < s.length() && (s.charAt(i) == culture.minusSign || s.charAt(i) == '\u2212')) {
      sb.append('-');
      i++;
    }
    int digitsSinceGroup = 0;
    boolean grouped = false;
    boolean inFraction = false;
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        sb.append(c);
        digitsSinceGroup++;
      } else if (!inFraction && c == culture.decimalSeparator) {
        if (grouped && digitsSinceGroup != 3) {
          return null;
        }
        sb.append('.');
        inFraction = true;
        grouped = false;
      } else if (!inFraction && culture.groupSeparators.indexOf(c) >= 0 && sb.length() > 0
          && Character.isDigit(sb.charAt(sb.length() - 1))) {
        if (grouped ? digitsSinceGroup != 3 : digitsSinceGroup > 3) {
          return null;
        }
        grouped = true;
        digitsSinceGroup = 0;
      } else if (c == 'e' || c == 'E') {
        if (grouped && digitsSinceGroup != 3) {
          return null;
        }
        grouped = false;
        inFraction = true;
        sb.append(s, i, s.length());
        break;
      } else if (c == '+' || c == '-') {
        sb.append(c);
      } else {
        return null;
      }
    }
    if (grouped && digitsSinceGroup != 3) {
      return null;
    }
    String normal = sb.toString();
    return NUMBER.matcher(normal).matches() ? normal : null;
  }

  // ---- a type to text

  /**
   * Prints a value of this field's type (or one that converts to it) as text with the field's
   * format and culture: the text {@link #parse} reads back to the same value.
   *
   * @return null for null
   * @throws ConversionException if the value does not convert to this field's type
   */
  public String format(Object value) throws ConversionException {
    Object v = convert(value);
    if (v == null) {
      return null;
    }
    if (dateFormat != null) {
      if (v instanceof LocalDateTime t) {
        return dateFormat.format(t, ZoneOffset.UTC);
      }
      OffsetDateTime o = (OffsetDateTime) v;
      if (!dateFormat.hasOffset()) {
        o = o.withOffsetSameInstant(ZoneOffset.UTC);
      }
      return dateFormat.format(o.toLocalDateTime(), o.getOffset());
    }
    String text = toText(v);
    if (culture.decimalSeparator != '.'
        && (v instanceof Float || v instanceof Double || v instanceof BigDecimal)) {
      text = text.replace('.', culture.decimalSeparator);
    }
    return text;
  }

  /**
   * The invariant text of a value of any ADF type (see the class comment), or null for null.
   *
   * @throws IllegalArgumentException for a value of another class
   */
  public static String toText(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof String s) {
      return s;
    } else if (value instanceof Double d) {
      return shortest(d, false);
    } else if (value instanceof Float f) {
      return shortest(f, true);
    } else if (value instanceof BigDecimal d) {
      return d.toPlainString();
    } else if (value instanceof Number n) {
      return n.toString();
    } else if (value instanceof Boolean b) {
      return b ? "True" : "False";
    } else if (value instanceof byte[] bytes) {
      return Base64.getEncoder().encodeToString(bytes);
    } else if (value instanceof UUID u) {
      return u.toString();
    } else if (value instanceof LocalDateTime t) {
      return DateTimeText.format(t, ' ');
    } else if (value instanceof OffsetDateTime t) {
      return DateTimeText.format(t, ' ', true);
    } else if (value instanceof Duration d) {
      return DateTimeText.formatTimeSpan(d);
    } else if (value instanceof Instant i) {
      return DateTimeText.format(LocalDateTime.ofInstant(i, ZoneOffset.UTC), ' ');
    } else if (value instanceof LocalDate d) {
      return DateTimeText.format(d.atStartOfDay(), ' ');
    }
    throw new IllegalArgumentException("not an ADF value: " + value.getClass().getName());
  }

  /**
   * ISO 8601 text for Datetime ({@code 2014-06-01T18:00:00.5}) and Datetimeoffset ({@code
   * 2014-06-01T18:00:00+02:00}) values, as JSON carries them; {@link #toText} for other values.
   */
  public static String toIsoText(Object value) {
    if (value instanceof LocalDateTime t) {
      return DateTimeText.format(t, 'T');
    } else if (value instanceof OffsetDateTime t) {
      return DateTimeText.format(t, 'T', false);
    }
    return toText(value);
  }

  /**
   * The shortest text that reads back to the same value, in .NET's {@code R} layout: plain digits
   * for decimal exponents from -4 to 14 (6 for Single), {@code d.dddE+XX} outside.
   */
  private static String shortest(double d, boolean single) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    if (d == 0) {
      return 1 / d < 0 ? "-0" : "0";
    }
    BigDecimal bd =
        new BigDecimal(single ? Float.toString((float) d) : Double.toString(d))
            .stripTrailingZeros();
    int exponent = bd.precision() - bd.scale() - 1;
    if (exponent >= -4 && exponent < (single ? 7 : 15)) {
      return bd.toPlainString();
    }
    String digits = bd.unscaledValue().abs().toString();
    StringBuilder sb = new StringBuilder();
    if (bd.signum() < 0) {
      sb.append('-');
    }
    sb.append(digits.charAt(0));
    if (digits.length() > 1) {
      sb.append('.').append(digits, 1, digits.length());
    }
    sb.append('E').append(exponent < 0 ? '-' : '+');
    int abs = Math.abs(exponent);
    if (abs < 10) {
      sb.append('0');
    }
    return sb.append(abs).toString();
  }

  // ---- messages

  /** The ADF type name of a value's class, or the Java class name. */
  static String typeName(Object value) {
    for (AdfType t : AdfType.values()) {
      if (AdfValues.javaClass(t).isInstance(value)) {
        return t.adfName();
      }
    }
    return value.getClass().getSimpleName();
  }

  /** A value for messages: text quoted (and cut at 100 characters), others with their type. */
  static String describe(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String s) {
      return "'" + (s.length() > 100 ? s.substring(0, 100) + "..." : s) + "'";
    }
    String text;
    try {
      text = toText(value);
    } catch (IllegalArgumentException e) {
      text = String.valueOf(value);
    }
    if (text.length() > 100) {
      text = text.substring(0, 100) + "...";
    }
    return text + " (" + typeName(value) + ")";
  }

  @Override
  public String toString() {
    return "ValueConverter{" + field + "}";
  }
}
