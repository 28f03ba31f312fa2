package io.adfbeam.formats.columnar;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The fast paths of Decimal checking and encoding give what the BigInteger ones give. */
class ColumnarValuesTest {
  @Test
  void fixed16MatchesTheBigIntegerEncoding() {
    String[] values = {"0", "0.00", "-0.5", "1", "-1", "12345.67", "-12345.67", "0.000000000000000001",
        "-0.000000000000000001", "999999999999999999", "-999999999999999999",
        "99999999999999999.9", "1E+3", "12345678901234567890.123456789012345678",
        "-99999999999999999999.999999999999999999", "1.500000000000000000000"};
    for (String v : values) {
      BigDecimal d = new BigDecimal(v);
      assertThat(ColumnarValues.fixed16(d)).as(v)
          .isEqualTo(ColumnarValues.toFixed(ColumnarValues.unscaled(d), 16));
    }
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < 100_000; i++) {
      BigDecimal d = BigDecimal.valueOf(random.nextLong() / (1L << random.nextInt(1, 40)),
          random.nextInt(0, 19));
      assertThat(ColumnarValues.fixed16(d)).as(d.toPlainString())
          .isEqualTo(ColumnarValues.toFixed(ColumnarValues.unscaled(d), 16));
    }
  }

  @Test
  void decimalChecksAgreeWithScaling() {
    assertThat(problem("99999999999999999999.999999999999999999")).isNull();
    assertThat(problem("100000000000000000000")).contains("more than 20 integer digits");
    assertThat(problem("-100000000000000000000.5")).contains("more than 20 integer digits");
    assertThat(problem("0.0000000000000000001")).contains("more than 18 fraction digits");
    assertThat(problem("1.5000000000000000000000")).isNull(); // trailing zeros only
    assertThat(problem("0E-30")).isNull();
    assertThat(problem("0.000")).isNull();
    assertThat(problem("1E+19")).isNull();
    assertThat(problem("1E+20")).contains("more than 20 integer digits");
  }

  private static String problem(String value) {
    try {
      ColumnarValues.check(io.adfbeam.formats.rows.RowSchema.of(io.adfbeam.formats.rows.Field.of(
          "d", io.adfbeam.formats.AdfType.DECIMAL)), new Object[] {new BigDecimal(value)}, "t", 1);
      return null;
    } catch (io.adfbeam.formats.rows.BadRowException e) {
      return e.getMessage();
    }
  }
}
