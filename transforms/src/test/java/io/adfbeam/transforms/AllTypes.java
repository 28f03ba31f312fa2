package io.adfbeam.transforms;

import io.adfbeam.formats.AdfType;
import io.adfbeam.formats.rows.Field;
import io.adfbeam.formats.rows.RowSchema;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * A dataset holding every ADF type with its edge values (minimums and maximums, 100 ns fractions,
 * years 1 and 9999, non-zero offsets, negative time spans and days, NaN, infinities and negative
 * zero, text with delimiters, quotes, line ends and characters outside the BMP) and a row of nulls.
 * The first column, {@code id}, numbers the rows from 1.
 *
 * <p>Empty text and empty Byte[] are left out: TextFormat reads an empty field as null ({@code
 * treatEmptyAsNull}, ADF's default), so they cannot survive a text hop by design.
 */
public final class AllTypes {
  private AllTypes() {}

  public static final RowSchema SCHEMA =
      RowSchema.of(
          Field.of("id", AdfType.INT32),
          Field.of("i16", AdfType.INT16),
          Field.of("i32", AdfType.INT32),
          Field.of("i64", AdfType.INT64),
          Field.of("single", AdfType.SINGLE),
          Field.of("double", AdfType.DOUBLE),
          Field.of("dec", AdfType.DECIMAL),
          Field.of("bytes", AdfType.BYTE_ARRAY),
          Field.of("flag", AdfType.BOOLEAN),
          Field.of("text", AdfType.STRING),
          Field.of("guid", AdfType.GUID),
          Field.of("when", AdfType.DATETIME),
          Field.of("when offset", AdfType.DATETIMEOFFSET),
          Field.of("span", AdfType.TIMESPAN));

  /** The rows, a new list each time. */
  public static List<Object[]> rows() {
    byte[] all = new byte[256];
    for (int i = 0; i < all.length; i++) {
      all[i] = (byte) i;
    }
    long minTicks = Long.MIN_VALUE;
    long maxTicks = Long.MAX_VALUE;
    return List.of(
        new Object[] {1, (short) -12345, 2_000_000_000, -9_000_000_000_000_000_000L,
            3.1415927f, -2.718281828459045e-300, new BigDecimal("12345.6789"),
            new byte[] {0, 1, -1, 127, -128}, true,
            "Z\u00fcrich, \"quoted\"\r\nline 2 \u2014 \u4e2d\u6587 \ud83d\ude00",
            UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e"),
            LocalDateTime.of(2024, 2, 29, 12, 34, 56, 123_456_700),
            OffsetDateTime.of(2024, 2, 29, 12, 34, 56, 123_456_700, ZoneOffset.ofHoursMinutes(5, 45)),
            Duration.ofDays(-3).minusHours(4).minusMinutes(5).minusSeconds(6).minusNanos(789_012_300)},
        new Object[] {2, Short.MIN_VALUE, Integer.MIN_VALUE, Long.MIN_VALUE, -Float.MAX_VALUE,
            Double.MIN_VALUE, new BigDecimal("-99999999999999999999.999999999999999999"),
            new byte[] {42}, false, "a,b;c\td|e\\N", new UUID(0, 0),
            LocalDateTime.of(1, 1, 1, 0, 0),
            OffsetDateTime.of(1, 1, 2, 0, 0, 0, 0, ZoneOffset.ofHours(14)),
            ticks(minTicks)},
        new Object[] {3, Short.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE, Float.MIN_VALUE,
            Double.MAX_VALUE, new BigDecimal("99999999999999999999.999999999999999999"), all, true,
            "\"", new UUID(-1, -1), LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_900),
            OffsetDateTime.of(9999, 12, 30, 23, 59, 59, 999_999_900, ZoneOffset.ofHours(-14)),
            ticks(maxTicks)},
        new Object[] {4, (short) 0, 0, 0L, -0.0f, Double.NaN, new BigDecimal("0.000000000000000001"),
            new byte[] {0}, false, " leading and trailing ", new UUID(0x123e4567e89b12d3L, 0xa456426614174000L),
            LocalDateTime.of(1969, 12, 31, 23, 59, 59, 100),
            OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 100, ZoneOffset.ofHoursMinutes(-9, -30)),
            Duration.ofNanos(-100)},
        new Object[] {5, (short) 7, -1, 1L, Float.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
            new BigDecimal("-0.5"), new byte[] {-1, -1}, true, "\n", UUID.fromString("6F9619FF-8B86-D011-B42D-00C04FC964FF"),
            LocalDateTime.of(2014, 6, 1, 18, 0), OffsetDateTime.of(2014, 6, 1, 18, 0, 0, 0,
                ZoneOffset.UTC), Duration.ofDays(10).plusSeconds(1)},
        new Object[] {6, null, null, null, Float.NaN, -0.0d, BigDecimal.ZERO, null, null, "NULL?",
            null, null, null, Duration.ZERO},
        nulls(7));
  }

  private static Object[] nulls(int id) {
    Object[] row = new Object[SCHEMA.size()];
    row[0] = id;
    return row;
  }

  /** A .NET TimeSpan of {@code ticks} (100 ns each). */
  private static Duration ticks(long ticks) {
    return Duration.ofSeconds(Math.floorDiv(ticks, 10_000_000L),
        Math.floorMod(ticks, 10_000_000L) * 100);
  }

}
