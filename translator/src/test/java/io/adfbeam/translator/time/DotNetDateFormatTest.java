package io.adfbeam.translator.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class DotNetDateFormatTest {

  /** Friday 2009-06-05 13:45:30.0123456 (a single-digit day and month, a PM hour). */
  private static final LocalDateTime T = LocalDateTime.of(2009, 6, 5, 13, 45, 30, 12_345_600);

  private static final LocalDateTime MIDNIGHT = LocalDateTime.of(2014, 1, 9, 0, 7, 3);

  @Test
  void yearForms() {
    assertThat(DotNetDateFormat.format(T, "yyyy")).isEqualTo("2009");
    assertThat(DotNetDateFormat.format(T, "yyy")).isEqualTo("2009");
    assertThat(DotNetDateFormat.format(T, "yy")).isEqualTo("09");
    assertThat(DotNetDateFormat.format(T, "%y")).isEqualTo("9");
    assertThat(DotNetDateFormat.format(T, "yyyyy")).isEqualTo("02009");
    assertThat(DotNetDateFormat.format(LocalDateTime.of(5, 1, 1, 0, 0), "yyy")).isEqualTo("005");
  }

  @Test
  void monthForms() {
    assertThat(DotNetDateFormat.format(T, "MM")).isEqualTo("06");
    assertThat(DotNetDateFormat.format(T, "%M")).isEqualTo("6");
    assertThat(DotNetDateFormat.format(T, "MMM")).isEqualTo("Jun");
    assertThat(DotNetDateFormat.format(T, "MMMM")).isEqualTo("June");
    assertThat(DotNetDateFormat.format(T, "MMMMM")).isEqualTo("June");
  }

  @Test
  void dayForms() {
    assertThat(DotNetDateFormat.format(T, "dd")).isEqualTo("05");
    assertThat(DotNetDateFormat.format(T, "%d")).isEqualTo("5");
    assertThat(DotNetDateFormat.format(T, "ddd")).isEqualTo("Fri");
    assertThat(DotNetDateFormat.format(T, "dddd")).isEqualTo("Friday");
    assertThat(DotNetDateFormat.format(T, "d MMMM")).isEqualTo("5 June");
  }

  @Test
  void hourMinuteSecondForms() {
    assertThat(DotNetDateFormat.format(T, "HH:mm:ss")).isEqualTo("13:45:30");
    assertThat(DotNetDateFormat.format(T, "hh")).isEqualTo("01");
    assertThat(DotNetDateFormat.format(T, "%h")).isEqualTo("1");
    assertThat(DotNetDateFormat.format(MIDNIGHT, "%H")).isEqualTo("0");
    assertThat(DotNetDateFormat.format(MIDNIGHT, "H:m:s")).isEqualTo("0:7:3");
    assertThat(DotNetDateFormat.format(MIDNIGHT, "HHH mmm sss")).isEqualTo("00 07 03");
  }

  @Test
  void twelveHourClockAtMidnightAndNoonIsTwelve() {
    assertThat(DotNetDateFormat.format(MIDNIGHT, "hh")).isEqualTo("12");
    assertThat(DotNetDateFormat.format(MIDNIGHT.withHour(12), "h tt")).isEqualTo("12 PM");
  }

  @Test
  void amPmDesignators() {
    assertThat(DotNetDateFormat.format(T, "h:mm tt")).isEqualTo("1:45 PM");
    assertThat(DotNetDateFormat.format(MIDNIGHT, "hh:mm tt")).isEqualTo("12:07 AM");
    assertThat(DotNetDateFormat.format(MIDNIGHT, "%t")).isEqualTo("A");
    assertThat(DotNetDateFormat.format(T, "%t")).isEqualTo("P");
  }

  @Test
  void lowerCaseFractionsAreTruncatedDigits() {
    assertThat(DotNetDateFormat.format(T, "%f")).isEqualTo("0");
    assertThat(DotNetDateFormat.format(T, "ff")).isEqualTo("01");
    assertThat(DotNetDateFormat.format(T, "fff")).isEqualTo("012");
    assertThat(DotNetDateFormat.format(T, "fffffff")).isEqualTo("0123456");
    assertThat(DotNetDateFormat.format(MIDNIGHT, "ss.fff")).isEqualTo("03.000");
  }

  @Test
  void upperCaseFractionsDropTrailingZerosAndTheDot() {
    assertThat(DotNetDateFormat.format(T, "ss.FFFFFFF")).isEqualTo("30.0123456");
    assertThat(DotNetDateFormat.format(T.withNano(500_000_000), "ss.FFF")).isEqualTo("30.5");
    assertThat(DotNetDateFormat.format(T, "ss.F")).isEqualTo("30");
    assertThat(DotNetDateFormat.format(MIDNIGHT, "HH:mm:ss.FFF")).isEqualTo("00:07:03");
  }

  @Test
  void eightFractionDigitsAreAnError() {
    assertThat(DotNetDateFormat.problem("ss.ffffffff"))
        .hasValueSatisfying(m -> assertThat(m).contains("at most 7 fraction digits"));
    assertThat(DotNetDateFormat.problem("FFFFFFFF")).isPresent();
  }

  @Test
  void timeZoneSpecifiersShowUtc() {
    assertThat(DotNetDateFormat.format(T, "HH:mmK")).isEqualTo("13:45Z");
    assertThat(DotNetDateFormat.format(T, "%z")).isEqualTo("+0");
    assertThat(DotNetDateFormat.format(T, "zz")).isEqualTo("+00");
    assertThat(DotNetDateFormat.format(T, "zzz")).isEqualTo("+00:00");
  }

  @Test
  void era() {
    assertThat(DotNetDateFormat.format(T, "yyyy g")).isEqualTo("2009 A.D.");
    assertThat(DotNetDateFormat.format(T, "gg")).isEqualTo("A.D.");
  }

  @Test
  void separatorsAreInvariant() {
    assertThat(DotNetDateFormat.format(T, "MM/dd/yyyy HH:mm")).isEqualTo("06/05/2009 13:45");
  }

  @Test
  void quotedLiterals() {
    assertThat(DotNetDateFormat.format(T, "'year' yyyy")).isEqualTo("year 2009");
    assertThat(DotNetDateFormat.format(T, "\"day\" dd")).isEqualTo("day 05");
    assertThat(DotNetDateFormat.format(T, "'it''s' d")).isEqualTo("its 5");
    assertThat(DotNetDateFormat.format(T, "'a\\'b'")).isEqualTo("a'b");
    assertThat(DotNetDateFormat.format(T, "yyyy'-'MM")).isEqualTo("2009-06");
  }

  @Test
  void unterminatedQuoteIsAnError() {
    assertThatThrownBy(() -> DotNetDateFormat.format(T, "yyyy'MM"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unterminated quote ' at position 5");
    assertThat(DotNetDateFormat.problem("\"abc")).isPresent();
  }

  @Test
  void backslashEscapes() {
    assertThat(DotNetDateFormat.format(T, "\\d\\a\\y d")).isEqualTo("day 5");
    assertThat(DotNetDateFormat.format(T, "HH\\h")).isEqualTo("13h");
    assertThat(DotNetDateFormat.problem("yyyy\\")).hasValueSatisfying(
        m -> assertThat(m).contains("escapes nothing"));
  }

  @Test
  void percentSelectsASingleCustomSpecifier() {
    assertThat(DotNetDateFormat.format(T, "%M")).isEqualTo("6");
    assertThat(DotNetDateFormat.format(T, "%H")).isEqualTo("13");
    assertThat(DotNetDateFormat.format(T, "%MM")).isEqualTo("66");
    assertThat(DotNetDateFormat.problem("yyyy%")).isPresent();
    assertThat(DotNetDateFormat.problem("%%")).isPresent();
  }

  @Test
  void otherCharactersAreLiteral() {
    assertThat(DotNetDateFormat.format(T, "yyyyMMdd-HH")).isEqualTo("20090605-13");
    assertThat(DotNetDateFormat.format(T, "[yyyy] x_y")).isEqualTo("[2009] x_9");
  }

  @Test
  void standardFormats() {
    assertThat(DotNetDateFormat.format(T, "d")).isEqualTo("06/05/2009");
    assertThat(DotNetDateFormat.format(T, "D")).isEqualTo("Friday, 05 June 2009");
    assertThat(DotNetDateFormat.format(T, "f")).isEqualTo("Friday, 05 June 2009 13:45");
    assertThat(DotNetDateFormat.format(T, "F")).isEqualTo("Friday, 05 June 2009 13:45:30");
    assertThat(DotNetDateFormat.format(T, "g")).isEqualTo("06/05/2009 13:45");
    assertThat(DotNetDateFormat.format(T, "G")).isEqualTo("06/05/2009 13:45:30");
    assertThat(DotNetDateFormat.format(T, "M")).isEqualTo("June 05");
    assertThat(DotNetDateFormat.format(T, "m")).isEqualTo("June 05");
    assertThat(DotNetDateFormat.format(T, "o")).isEqualTo("2009-06-05T13:45:30.0123456Z");
    assertThat(DotNetDateFormat.format(T, "O")).isEqualTo("2009-06-05T13:45:30.0123456Z");
    assertThat(DotNetDateFormat.format(T, "R")).isEqualTo("Fri, 05 Jun 2009 13:45:30 GMT");
    assertThat(DotNetDateFormat.format(T, "r")).isEqualTo("Fri, 05 Jun 2009 13:45:30 GMT");
    assertThat(DotNetDateFormat.format(T, "s")).isEqualTo("2009-06-05T13:45:30");
    assertThat(DotNetDateFormat.format(T, "t")).isEqualTo("13:45");
    assertThat(DotNetDateFormat.format(T, "T")).isEqualTo("13:45:30");
    assertThat(DotNetDateFormat.format(T, "u")).isEqualTo("2009-06-05 13:45:30Z");
    assertThat(DotNetDateFormat.format(T, "U")).isEqualTo("Friday, 05 June 2009 13:45:30");
    assertThat(DotNetDateFormat.format(T, "y")).isEqualTo("2009 June");
    assertThat(DotNetDateFormat.format(T, "Y")).isEqualTo("2009 June");
  }

  @Test
  void emptyPatternIsGeneral() {
    assertThat(DotNetDateFormat.format(T, "")).isEqualTo("06/05/2009 13:45:30");
  }

  @Test
  void unknownSingleCharacterIsAnError() {
    assertThatThrownBy(() -> DotNetDateFormat.format(T, "H"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid .NET date format 'H': unknown standard format")
        .hasMessageContaining("%H");
    assertThat(DotNetDateFormat.problem("x")).isPresent();
    assertThat(DotNetDateFormat.problem("-")).isPresent();
  }

  @Test
  void problemIsEmptyForValidPatterns() {
    assertThat(DotNetDateFormat.problem("yyyy-MM-ddTHH:mm:ss.fffffffK")).isEmpty();
    assertThat(DotNetDateFormat.problem("s")).isEmpty();
    assertThat(DotNetDateFormat.problem("%M")).isEmpty();
    assertThat(DotNetDateFormat.problem(null)).isPresent();
  }

  @Test
  void leapDay() {
    LocalDateTime leap = LocalDateTime.of(2016, 2, 29, 23, 59, 59);
    assertThat(DotNetDateFormat.format(leap, "ddd dd MMM yyyy hh:mm:ss tt"))
        .isEqualTo("Mon 29 Feb 2016 11:59:59 PM");
  }
}
