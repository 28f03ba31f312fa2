package io.adfbeam.formats.columnar;

import io.adfbeam.formats.AdfType;
import io.adfbeam.formats.rows.AdfValues;
import io.adfbeam.formats.rows.BadRowException;
import io.adfbeam.formats.rows.RowSchema;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Value rules shared by the Avro, ORC and Parquet codecs (see the package documentation). */
final class ColumnarValues {
  private ColumnarValues() {}

  /** The file metadata key listing each column's ADF type, in column order, comma separated. */
  static final String ADF_TYPES_KEY = "adf.types";

  /** Decimal columns are written as DECIMAL(38, 18). */
  static final int DECIMAL_PRECISION = 38;

  static final int DECIMAL_SCALE = 18;

  /** .NET ticks: 100 ns. */
  static final long NANOS_PER_TICK = 100;

  static final LocalDateTime MIN_DATETIME = LocalDateTime.of(1, 1, 1, 0, 0);
  static final LocalDateTime MAX_DATETIME = LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_999);

  /** ISO 8601 with 7 to 9 fraction digits and an explicit offset: {@code +00:00}, never Z. */
  static final DateTimeFormatter OFFSET_FORMAT =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .appendLiteral('T')
          .appendValue(ChronoField.HOUR_OF_DAY, 2)
          .appendLiteral(':')
          .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
          .appendLiteral(':')
          .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
          .appendFraction(ChronoField.NANO_OF_SECOND, 7, 9, true)
          .appendOffset("+HH:MM:ss", "+00:00")
          .toFormatter();

  /** ISO 8601 local date-time with 7 to 9 fraction digits (Avro's Datetime strings). */
  static final DateTimeFormatter LOCAL_FORMAT =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .appendLiteral('T')
          .appendValue(ChronoField.HOUR_OF_DAY, 2)
          .appendLiteral(':')
          .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
          .appendLiteral(':')
          .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
          .appendFraction(ChronoField.NANO_OF_SECOND, 7, 9, true)
          .toFormatter();

  static String adfTypes(RowSchema schema) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < schema.size(); i++) {
      sb.append(i == 0 ? "" : ",").append(schema.field(i).type().adfName());
    }
    return sb.toString();
  }

  /** The types listed under {@link #ADF_TYPES_KEY}, if the list is there and has n entries. */
  static Optional<List<AdfType>> parseAdfTypes(String value, int n) {
    if (value == null) {
      return Optional.empty();
    }
    String[] parts = value.isEmpty() ? new String[0] : value.split(",", -1);
    if (parts.length != n) {
      return Optional.empty();
    }
    List<AdfType> out = new ArrayList<>(n);
    for (String p : parts) {
      Optional<AdfType> t = AdfType.fromAdfName(p);
      if (t.isEmpty()) {
        return Optional.empty();
      }
      out.add(t.get());
    }
    return Optional.of(out);
  }

  /**
   * Checks a row before it is written: its width, each value's class, and the value ranges the
   * formats hold exactly. Nothing is written for a row that fails.
   */
  static void check(RowSchema schema, Object[] row, String source, long rowNumber)
      throws BadRowException {
    if (row.length != schema.size()) {
      throw new BadRowException(source, "row " + rowNumber, null,
          "the row has " + row.length + " values, the schema " + schema.size() + " columns",
          true, null);
    }
    for (int i = 0; i < row.length; i++) {
      Object v = row[i];
      if (v == null) {
        continue;
      }
      AdfType type = schema.field(i).type();
      String problem = problem(type, v);
      if (problem != null) {
        throw new BadRowException(source, "row " + rowNumber, schema.field(i).name(), problem,
            true, null);
      }
    }
  }

  private static String problem(AdfType type, Object v) {
    Class<?> expected = AdfValues.javaClass(type);
    if (!expected.isInstance(v)) {
      return type.adfName() + " expects " + expected.getSimpleName() + ", got "
          + v.getClass().getSimpleName();
    }
    switch (type) {
      case DECIMAL:
        return decimalProblem((BigDecimal) v);
      case DATETIME: {
        LocalDateTime t = (LocalDateTime) v;
        return t.isBefore(MIN_DATETIME) || t.isAfter(MAX_DATETIME)
            ? "Datetime " + t + " is outside 0001-01-01 to 9999-12-31" : null;
      }
      case TIMESPAN: {
        Duration d = (Duration) v;
        if (d.getNano() % NANOS_PER_TICK != 0) {
          return "Timespan " + d + " is not a whole number of 100 ns ticks";
        }
        try {
          ticks(d);
          return null;
        } catch (ArithmeticException e) {
          return "Timespan " + d + " does not fit in 64-bit ticks";
        }
      }
      default:
        return null;
    }
  }

  private static String decimalProblem(BigDecimal d) {
    if (d.scale() >= 0 && d.scale() <= DECIMAL_SCALE) {
      // Fast path: at scale 18 nothing is rounded, and a non-zero value has precision() - scale()
      // integer digits (as it will after setScale), so no BigInteger needs to be made.
      return d.signum() != 0 && d.precision() - d.scale() > DECIMAL_PRECISION - DECIMAL_SCALE
          ? "Decimal " + d.toPlainString() + " has more than "
              + (DECIMAL_PRECISION - DECIMAL_SCALE) + " integer digits (columns are DECIMAL(38,18))"
          : null;
    }
    BigDecimal scaled;
    try {
      scaled = d.setScale(DECIMAL_SCALE);
    } catch (ArithmeticException e) {
      return "Decimal " + d.toPlainString() + " has more than " + DECIMAL_SCALE
          + " fraction digits (columns are DECIMAL(38,18))";
    }
    if (scaled.precision() > DECIMAL_PRECISION) {
      return "Decimal " + d.toPlainString() + " has more than "
          + (DECIMAL_PRECISION - DECIMAL_SCALE) + " integer digits (columns are DECIMAL(38,18))";
    }
    return null;
  }

  /** The unscaled value of a checked Decimal at scale 18. */
  static BigInteger unscaled(BigDecimal d) {
    return d.setScale(DECIMAL_SCALE).unscaledValue();
  }

  private static final long[] POWERS_OF_TEN = new long[19];

  static {
    POWERS_OF_TEN[0] = 1;
    for (int i = 1; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
    }
  }

  /**
   * A checked Decimal at scale 18 as 16 bytes of big-endian two's complement: {@code
   * toFixed(unscaled(d), 16)}, computed in 128-bit long arithmetic when the unscaled value fits in
   * a long (up to 18 digits), without BigInteger.
   */
  static byte[] fixed16(BigDecimal d) {
    int scale = d.scale();
    if (scale < 0 || scale > DECIMAL_SCALE || d.precision() > 18) {
      return toFixed(unscaled(d), 16);
    }
    long u = d.unscaledValue().longValue();
    long p = POWERS_OF_TEN[DECIMAL_SCALE - scale];
    // u * p exactly, as 128 bits: p > 0, so the signed high word is multiplyHigh's.
    long hi = Math.multiplyHigh(u, p);
    long lo = u * p;
    byte[] out = new byte[16];
    for (int i = 0; i < 8; i++) {
      out[i] = (byte) (hi >>> (56 - 8 * i));
      out[8 + i] = (byte) (lo >>> (56 - 8 * i));
    }
    return out;
  }

  /** Big-endian two's complement in exactly {@code size} bytes (sign-extended). */
  static byte[] toFixed(BigInteger v, int size) {
    byte[] raw = v.toByteArray();
    byte[] out = new byte[size];
    byte pad = (byte) (v.signum() < 0 ? 0xff : 0);
    int off = size - raw.length;
    for (int i = 0; i < off; i++) {
      out[i] = pad;
    }
    System.arraycopy(raw, 0, out, off, raw.length);
    return out;
  }

  static long ticks(Duration d) {
    long seconds = d.getSeconds();
    long fraction = d.getNano() / NANOS_PER_TICK;
    if (seconds < 0 && fraction > 0) {
      seconds++;
      fraction -= 10_000_000L;
    }
    return Math.addExact(Math.multiplyExact(seconds, 10_000_000L), fraction);
  }

  static Duration fromTicks(long ticks) {
    return Duration.ofSeconds(Math.floorDiv(ticks, 10_000_000L),
        Math.floorMod(ticks, 10_000_000L) * NANOS_PER_TICK);
  }

  static byte[] uuidBytes(UUID u) {
    byte[] b = new byte[16];
    long hi = u.getMostSignificantBits();
    long lo = u.getLeastSignificantBits();
    for (int i = 0; i < 8; i++) {
      b[i] = (byte) (hi >>> (56 - 8 * i));
      b[8 + i] = (byte) (lo >>> (56 - 8 * i));
    }
    return b;
  }

  static UUID uuid(byte[] b, int off) {
    long hi = 0;
    long lo = 0;
    for (int i = 0; i < 8; i++) {
      hi = (hi << 8) | (b[off + i] & 0xff);
      lo = (lo << 8) | (b[off + 8 + i] & 0xff);
    }
    return new UUID(hi, lo);
  }

  static String formatOffset(OffsetDateTime t) {
    if (t.getYear() < 0 || t.getYear() > 9999) {
      return OFFSET_FORMAT.format(t);
    }
    ZoneOffset o = t.getOffset();
    return formatLocal(t.toLocalDateTime()) + (o.getTotalSeconds() == 0 ? "+00:00" : o.getId());
  }

  static OffsetDateTime parseOffset(String s) {
    int n = s.length();
    if (n >= 33 && s.charAt(n - 6) != ':' && (s.charAt(n - 6) == '+' || s.charAt(n - 6) == '-')) {
      LocalDateTime local = fastLocal(s, n - 6);
      if (local != null) {
        return OffsetDateTime.of(local, ZoneOffset.of(s.substring(n - 6)));
      }
    }
    return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  /** {@code yyyy-MM-ddTHH:mm:ss.fffffff}, two more digits when the nanoseconds need them. */
  static String formatLocal(LocalDateTime t) {
    int year = t.getYear();
    if (year < 0 || year > 9999) {
      return LOCAL_FORMAT.format(t);
    }
    int nano = t.getNano();
    boolean nine = nano % 100 != 0;
    char[] c = new char[nine ? 29 : 27];
    digits(c, 0, year, 4);
    c[4] = '-';
    digits(c, 5, t.getMonthValue(), 2);
    c[7] = '-';
    digits(c, 8, t.getDayOfMonth(), 2);
    c[10] = 'T';
    digits(c, 11, t.getHour(), 2);
    c[13] = ':';
    digits(c, 14, t.getMinute(), 2);
    c[16] = ':';
    digits(c, 17, t.getSecond(), 2);
    c[19] = '.';
    if (nine) {
      digits(c, 20, nano, 9);
    } else {
      digits(c, 20, nano / 100, 7);
    }
    return new String(c);
  }

  private static void digits(char[] c, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      c[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }

  static LocalDateTime parseLocal(String s) {
    LocalDateTime t = fastLocal(s, s.length());
    return t != null ? t : LocalDateTime.parse(s, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
  }

  /** Parses what {@link #formatLocal} writes in {@code s[0, end)}; null for anything else. */
  private static LocalDateTime fastLocal(String s, int end) {
    if ((end != 27 && end != 29) || s.charAt(4) != '-' || s.charAt(7) != '-'
        || s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':'
        || s.charAt(19) != '.') {
      return null;
    }
    int year = number(s, 0, 4);
    int month = number(s, 5, 2);
    int day = number(s, 8, 2);
    int hour = number(s, 11, 2);
    int minute = number(s, 14, 2);
    int second = number(s, 17, 2);
    int fraction = number(s, 20, end - 20);
    if ((year | month | day | hour | minute | second | fraction) < 0) {
      return null;
    }
    try {
      return LocalDateTime.of(year, month, day, hour, minute, second,
          end == 27 ? fraction * 100 : fraction);
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  private static int number(String s, int at, int width) {
    int v = 0;
    for (int i = at; i < at + width; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  /** Parses a stored Datetimeoffset, Datetime or Guid text, as a skippable bad value. */
  static Object parseText(AdfType type, String s, String source, String position, String column)
      throws BadRowException {
    try {
      return switch (type) {
        case DATETIMEOFFSET -> parseOffset(s);
        case DATETIME -> parseLocal(s);
        case GUID -> UUID.fromString(s);
        default -> s;
      };
    } catch (DateTimeParseException | IllegalArgumentException e) {
      throw new BadRowException(source, position, column,
          "'" + s + "' is not a " + type.adfName() + " value", true, s);
    }
  }

  /** Julian day number of 1970-01-01, for Parquet INT96 timestamps. */
  static final long JULIAN_EPOCH_DAY = 2_440_588L;

  static LocalDateTime fromEpochNanos(long seconds, int nanos) {
    return LocalDateTime.ofEpochSecond(seconds, nanos, ZoneOffset.UTC);
  }

  static LocalDateTime fromDays(long epochDay) {
    return LocalDate.ofEpochDay(epochDay).atStartOfDay();
  }
}
