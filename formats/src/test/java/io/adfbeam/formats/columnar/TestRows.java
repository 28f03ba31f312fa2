package io.adfbeam.formats.columnar;

import static org.assertj.core.api.Assertions.fail;

import io.adfbeam.formats.AdfType;
import io.adfbeam.formats.rows.Field;
import io.adfbeam.formats.rows.RowReader;
import io.adfbeam.formats.rows.RowSchema;
import io.adfbeam.formats.rows.RowWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;

/** A dataset holding every ADF type, edge values and nulls, and exact row comparison. */
final class TestRows {
  private TestRows() {}

  static final RowSchema SCHEMA =
      RowSchema.of(
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

  /** Rows with edge values first (all nulls, minimums, maximums), then seeded random rows. */
  static List<Object[]> rows(int n, long seed) {
    List<Object[]> out = new ArrayList<>(n);
    List<Object[]> edges = List.of(
        new Object[SCHEMA.size()],
        new Object[] {Short.MIN_VALUE, Integer.MIN_VALUE, Long.MIN_VALUE, -Float.MAX_VALUE,
            Double.NEGATIVE_INFINITY, new BigDecimal("-99999999999999999999.999999999999999999"),
            new byte[0], false, "", new UUID(0, 0), LocalDateTime.of(1, 1, 1, 0, 0),
            OffsetDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(14)),
            ColumnarValues.fromTicks(Long.MIN_VALUE)},
        new Object[] {Short.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE, Float.NaN, -0.0d,
            new BigDecimal("99999999999999999999.999999999999999999"),
            new byte[] {0, -1, 127, -128}, true, "null \\N \u00e9\u4e2d\ud83d\ude00\r\n\"",
            new UUID(-1, -1), LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_900),
            OffsetDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_900, ZoneOffset.ofHours(-14)),
            ColumnarValues.fromTicks(Long.MAX_VALUE)},
        new Object[] {(short) 0, 0, 0L, -0.0f, Double.MIN_VALUE,
            new BigDecimal("0.000000000000000001"), new byte[] {42}, null, " x ",
            UUID.fromString("123e4567-e89b-12d3-a456-426614174000"),
            LocalDateTime.of(1969, 12, 31, 23, 59, 59, 100),
            OffsetDateTime.of(2024, 2, 29, 12, 30, 0, 1_000_000, ZoneOffset.ofHoursMinutes(5, 45)),
            Duration.ofNanos(-100)});
    for (int i = 0; i < Math.min(n, edges.size()); i++) {
      out.add(edges.get(i));
    }
    Random r = new Random(seed);
    for (int i = out.size(); i < n; i++) {
      out.add(random(r));
    }
    return out;
  }

  static Object[] random(Random r) {
    Object[] row = new Object[SCHEMA.size()];
    row[0] = (short) r.nextInt();
    row[1] = r.nextInt();
    row[2] = r.nextLong();
    row[3] = r.nextFloat() * 1000 - 500;
    row[4] = r.nextGaussian() * 1e6;
    row[5] = new BigDecimal(new BigInteger(100, r), 18).subtract(BigDecimal.valueOf(1L << 40));
    byte[] b = new byte[r.nextInt(20)];
    r.nextBytes(b);
    row[6] = b;
    row[7] = r.nextBoolean();
    row[8] = "row " + r.nextInt(1000) + (r.nextInt(10) == 0 ? " \u00fc\u00df" : "");
    row[9] = new UUID(r.nextLong(), r.nextLong());
    long ticksSinceYear1 = (long) (r.nextDouble() * 3.15e18);
    row[10] = LocalDateTime.of(1, 1, 1, 0, 0).plusSeconds(ticksSinceYear1 / 10_000_000)
        .plusNanos(ticksSinceYear1 % 10_000_000 * 100);
    row[11] = OffsetDateTime.of((LocalDateTime) row[10],
        ZoneOffset.ofTotalSeconds((r.nextInt(57) - 28) * 30 * 60));
    row[12] = ColumnarValues.fromTicks(r.nextLong() >> r.nextInt(40));
    for (int c = 0; c < row.length; c++) {
      if (r.nextInt(8) == 0) {
        row[c] = null;
      }
    }
    return row;
  }

  static void writeAll(RowWriter w, List<Object[]> rows) throws IOException {
    try (w) {
      for (Object[] row : rows) {
        w.write(row);
      }
    }
  }

  static List<Object[]> readAll(RowReader r) throws IOException {
    List<Object[]> out = new ArrayList<>();
    try (r) {
      for (Object[] row = r.next(); row != null; row = r.next()) {
        out.add(row);
      }
    }
    return out;
  }

  /** Every value equal by {@code equals} (arrays by content) and of the same class. */
  static void assertSameRows(List<Object[]> actual, List<Object[]> expected) {
    if (actual.size() != expected.size()) {
      fail("expected " + expected.size() + " rows, got " + actual.size());
    }
    for (int i = 0; i < expected.size(); i++) {
      Object[] e = expected.get(i);
      Object[] a = actual.get(i);
      if (a.length != e.length) {
        fail("row " + i + ": expected " + e.length + " values, got " + a.length);
      }
      for (int c = 0; c < e.length; c++) {
        boolean same = Objects.deepEquals(a[c], e[c])
            && (a[c] == null || a[c].getClass() == e[c].getClass());
        if (!same) {
          fail("row " + i + " column " + c + ": expected " + show(e[c]) + ", got " + show(a[c]));
        }
      }
    }
  }

  static String show(Object v) {
    if (v == null) {
      return "null";
    }
    String s = v instanceof byte[] b ? Arrays.toString(b) : v.toString();
    return s + " (" + v.getClass().getSimpleName() + ")";
  }
}
