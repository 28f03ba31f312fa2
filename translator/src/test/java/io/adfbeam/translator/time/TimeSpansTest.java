package io.adfbeam.translator.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TimeSpansTest {

  @Test
  void hoursMinutesSeconds() {
    assertThat(TimeSpans.parse("01:00:00")).isEqualTo(Duration.ofHours(1));
    assertThat(TimeSpans.parse("00:01:00")).isEqualTo(Duration.ofMinutes(1));
    assertThat(TimeSpans.parse("06:00:00")).isEqualTo(Duration.ofHours(6));
    assertThat(TimeSpans.parse("1:2:3")).isEqualTo(Duration.ofSeconds(3723));
    assertThat(TimeSpans.parse("23:59:59")).isEqualTo(Duration.ofSeconds(86_399));
  }

  @Test
  void twoNumbersAreHoursAndMinutes() {
    assertThat(TimeSpans.parse("1:2")).isEqualTo(Duration.ofHours(1).plusMinutes(2));
    assertThat(TimeSpans.parse("10:0")).isEqualTo(Duration.ofHours(10));
  }

  @Test
  void bareNumberIsDays() {
    assertThat(TimeSpans.parse("2")).isEqualTo(Duration.ofDays(2));
    assertThat(TimeSpans.parse("0")).isEqualTo(Duration.ZERO);
  }

  @Test
  void daysBeforeADot() {
    assertThat(TimeSpans.parse("1.00:00:00")).isEqualTo(Duration.ofDays(1));
    assertThat(TimeSpans.parse("10.12:00")).isEqualTo(Duration.ofDays(10).plusHours(12));
    assertThat(TimeSpans.parse("0.12:00")).isEqualTo(Duration.ofHours(12));
  }

  @Test
  void hoursOver23AreReadAsDaysLikeDotNet() {
    assertThat(TimeSpans.parse("24:00:00")).isEqualTo(Duration.ofDays(24));
    assertThat(TimeSpans.parse("30:05:10"))
        .isEqualTo(Duration.ofDays(30).plusHours(5).plusMinutes(10));
  }

  @Test
  void colonAfterDaysIsTheCultureSensitiveForm() {
    assertThat(TimeSpans.parse("1:02:03:04"))
        .isEqualTo(Duration.ofDays(1).plusHours(2).plusMinutes(3).plusSeconds(4));
    assertThat(TimeSpans.parse("1:02:03:04.5"))
        .isEqualTo(Duration.ofDays(1).plusHours(2).plusMinutes(3).plusMillis(4_500));
  }

  @Test
  void fractions() {
    assertThat(TimeSpans.parse("00:00:00.5000000")).isEqualTo(Duration.ofMillis(500));
    assertThat(TimeSpans.parse("0:0:0.250")).isEqualTo(Duration.ofMillis(250));
    assertThat(TimeSpans.parse("99.23:59:59.9999999"))
        .isEqualTo(Duration.ofDays(100).minusNanos(100));
    assertThat(TimeSpans.parse("0023:0059:0059.0099"))
        .isEqualTo(Duration.ofSeconds(86_399).plusNanos(9_900_000));
  }

  @Test
  void negative() {
    assertThat(TimeSpans.parse("-00:30:00")).isEqualTo(Duration.ofMinutes(-30));
    assertThat(TimeSpans.parse("-1.00:00:00.5")).isEqualTo(Duration.ofMillis(-86_400_500));
    assertThat(TimeSpans.parse(" 01:00:00 ")).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void outOfRangeComponents() {
    assertThatThrownBy(() -> TimeSpans.parse("0:60:0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("minutes 60 out of range 0-59");
    assertThatThrownBy(() -> TimeSpans.parse("0:0:60")).hasMessageContaining("seconds 60");
    assertThatThrownBy(() -> TimeSpans.parse("24:0")).hasMessageContaining("hours 24");
    assertThatThrownBy(() -> TimeSpans.parse("23:59:60")).hasMessageContaining("seconds 60")
        .hasMessageNotContaining("d:hh:mm");
    assertThatThrownBy(() -> TimeSpans.parse("24:60:00"))
        .hasMessageContaining("hours 60 out of range 0-23")
        .hasMessageContaining("read as d:hh:mm");
    assertThatThrownBy(() -> TimeSpans.parse("10675200")).hasMessageContaining("days");
    assertThatThrownBy(() -> TimeSpans.parse("0:0:0.12345678"))
        .hasMessageContaining("at most 7");
    assertThatThrownBy(() -> TimeSpans.parse("10675199.23:00:00"))
        .hasMessageContaining("beyond the largest TimeSpan");
  }

  @Test
  void malformed() {
    assertThatThrownBy(() -> TimeSpans.parse("1:00:00:00:00"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("malformed TimeSpan '1:00:00:00:00'; expected [-][d.]hh:mm[:ss[.fffffff]]"
            + " such as 01:00:00 (an hour) or 1.00:00:00 (a day)");
    for (String bad : new String[] {"", "10:", ":10", "10:20:", ".123", "10.", "10.12", "1h",
        "PT1H", "1 00:00", "--1", "1.2.3"}) {
      assertThatThrownBy(() -> TimeSpans.parse(bad)).as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("malformed TimeSpan");
    }
    assertThatThrownBy(() -> TimeSpans.parse(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void formatConstantForm() {
    assertThat(TimeSpans.format(Duration.ofHours(1))).isEqualTo("01:00:00");
    assertThat(TimeSpans.format(Duration.ZERO)).isEqualTo("00:00:00");
    assertThat(TimeSpans.format(Duration.ofDays(1).plusHours(2).plusMinutes(3).plusSeconds(4)))
        .isEqualTo("1.02:03:04");
    assertThat(TimeSpans.format(Duration.ofMillis(30_500))).isEqualTo("00:00:30.5000000");
    assertThat(TimeSpans.format(Duration.ofMinutes(-30))).isEqualTo("-00:30:00");
    assertThat(TimeSpans.format(Duration.ofDays(24))).isEqualTo("24.00:00:00");
    assertThat(TimeSpans.format(Duration.ofNanos(-150))).isEqualTo("-00:00:00.0000001");
    assertThat(TimeSpans.format(Duration.ofNanos(50))).isEqualTo("00:00:00");
  }

  @Test
  void formatRoundTrips() {
    for (String text : new String[] {"01:00:00", "1.00:00:00", "-00:30:00", "00:00:00.5000000",
        "10675199.02:48:05.4775807"}) {
      assertThat(TimeSpans.format(TimeSpans.parse(text))).isEqualTo(text);
    }
  }

  @Test
  void formatBeyondTimeSpanRange() {
    assertThatThrownBy(() -> TimeSpans.format(Duration.ofDays(11_000_000)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("beyond the range of a TimeSpan");
  }
}
