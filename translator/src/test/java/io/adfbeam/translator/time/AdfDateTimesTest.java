package io.adfbeam.translator.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class AdfDateTimesTest {

  private static final LocalDateTime SIX_PM = LocalDateTime.of(2014, 6, 1, 18, 0);

  @Test
  void withAndWithoutZ() {
    assertThat(AdfDateTimes.parse("2014-06-01T18:00:00Z")).isEqualTo(SIX_PM);
    assertThat(AdfDateTimes.parse("2014-06-01T18:00:00")).isEqualTo(SIX_PM);
    assertThat(AdfDateTimes.parse("2014-06-01t18:00:00z")).isEqualTo(SIX_PM);
    assertThat(AdfDateTimes.parse(" 2014-06-01T18:00:00Z ")).isEqualTo(SIX_PM);
  }

  @Test
  void withoutSeconds() {
    assertThat(AdfDateTimes.parse("2014-06-01T18:00Z")).isEqualTo(SIX_PM);
    assertThat(AdfDateTimes.parse("2014-06-01T18:00")).isEqualTo(SIX_PM);
  }

  @Test
  void dateAloneIsMidnight() {
    assertThat(AdfDateTimes.parse("2014-06-01")).isEqualTo(LocalDateTime.of(2014, 6, 1, 0, 0));
  }

  @Test
  void fractionalSeconds() {
    assertThat(AdfDateTimes.parse("2014-06-01T18:00:00.5Z"))
        .isEqualTo(SIX_PM.withNano(500_000_000));
    assertThat(AdfDateTimes.parse("2014-06-01T18:00:00.1234567"))
        .isEqualTo(SIX_PM.withNano(123_456_700));
    assertThat(AdfDateTimes.parse("2014-06-01T18:00:00,25Z"))
        .isEqualTo(SIX_PM.withNano(250_000_000));
  }

  @Test
  void offsetsAreConvertedToUtc() {
    assertThat(AdfDateTimes.parse("2014-06-01T18:00:00+05:30"))
        .isEqualTo(LocalDateTime.of(2014, 6, 1, 12, 30));
    assertThat(AdfDateTimes.parse("2014-06-01T22:00:00-0300"))
        .isEqualTo(LocalDateTime.of(2014, 6, 2, 1, 0));
    assertThat(AdfDateTimes.parse("2014-01-01T01:00:00+02"))
        .isEqualTo(LocalDateTime.of(2013, 12, 31, 23, 0));
  }

  @Test
  void leapDays() {
    assertThat(AdfDateTimes.parse("2016-02-29")).isEqualTo(LocalDateTime.of(2016, 2, 29, 0, 0));
    assertThatThrownBy(() -> AdfDateTimes.parse("2015-02-29"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("malformed date '2015-02-29'")
        .hasMessageEndingWith("; expected ISO 8601 such as 2014-06-01T18:00:00Z");
  }

  @Test
  void malformed() {
    assertThatThrownBy(() -> AdfDateTimes.parse("06/01/2014"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("malformed date '06/01/2014'; expected ISO 8601 such as 2014-06-01T18:00:00Z");
    for (String bad : new String[] {"", "2014-6-1", "2014-06-01T18", "2014-06-01 18:00:00",
        "2014-06-01T24:00:00", "2014-13-01", "2014-06-01T18:00:00+25:00", "20140601T180000Z",
        "2014-06-01Z", "2014-06-01T18:00:00.1234567890"}) {
      assertThatThrownBy(() -> AdfDateTimes.parse(bad)).as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("malformed date");
    }
    assertThatThrownBy(() -> AdfDateTimes.parse(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void format() {
    assertThat(AdfDateTimes.format(SIX_PM)).isEqualTo("2014-06-01T18:00:00Z");
    assertThat(AdfDateTimes.format(SIX_PM.withNano(500_000_000)))
        .isEqualTo("2014-06-01T18:00:00.5Z");
    assertThat(AdfDateTimes.format(LocalDateTime.of(1, 1, 1, 0, 0, 0, 100)))
        .isEqualTo("0001-01-01T00:00:00.0000001Z");
  }

  @Test
  void formatRoundTrips() {
    for (String text : new String[] {"2014-06-01T18:00:00Z", "2016-02-29T23:59:59.999Z"}) {
      assertThat(AdfDateTimes.format(AdfDateTimes.parse(text))).isEqualTo(text);
    }
  }
}
