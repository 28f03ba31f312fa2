package io.adfbeam.translator.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.adfbeam.translator.json.SourceLocation;
import io.adfbeam.translator.model.Availability;
import io.adfbeam.translator.model.Availability.Frequency;
import io.adfbeam.translator.model.Availability.Style;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SlicesTest {
  private static final SourceLocation HERE = new SourceLocation("test", 1, 1, "/availability");

  @Test
  void fifteenMinutes() {
    assertThat(Slices.overlapping(every(Frequency.MINUTE, 15),
        window("2014-06-01T10:00", "2014-06-01T11:00")))
        .containsExactly(
            window("2014-06-01T10:00", "2014-06-01T10:15"),
            window("2014-06-01T10:15", "2014-06-01T10:30"),
            window("2014-06-01T10:30", "2014-06-01T10:45"),
            window("2014-06-01T10:45", "2014-06-01T11:00"));
  }

  @Test
  void hourly() {
    assertThat(Slices.overlapping(every(Frequency.HOUR, 1),
        window("2014-06-01T18:00", "2014-06-01T21:00")))
        .containsExactly(
            window("2014-06-01T18:00", "2014-06-01T19:00"),
            window("2014-06-01T19:00", "2014-06-01T20:00"),
            window("2014-06-01T20:00", "2014-06-01T21:00"));
  }

  @Test
  void everyFourHoursFromMidnight() {
    assertThat(Slices.overlapping(every(Frequency.HOUR, 4),
        window("2014-06-01T00:00", "2014-06-01T12:00")))
        .containsExactly(
            window("2014-06-01T00:00", "2014-06-01T04:00"),
            window("2014-06-01T04:00", "2014-06-01T08:00"),
            window("2014-06-01T08:00", "2014-06-01T12:00"));
  }

  @Test
  void daily() {
    assertThat(Slices.overlapping(every(Frequency.DAY, 1),
        window("2014-06-01T00:00", "2014-06-03T00:00")))
        .containsExactly(
            window("2014-06-01T00:00", "2014-06-02T00:00"),
            window("2014-06-02T00:00", "2014-06-03T00:00"));
  }

  @Test
  void dailyWithSixHourOffset() {
    Availability daily = new Availability(Frequency.DAY, 1, Style.END_OF_INTERVAL,
        Optional.empty(), Optional.of(Duration.ofHours(6)), HERE);

    assertThat(Slices.overlapping(daily, window("2014-06-01T00:00", "2014-06-02T00:00")))
        .containsExactly(
            window("2014-05-31T06:00", "2014-06-01T06:00"),
            window("2014-06-01T06:00", "2014-06-02T06:00"));
  }

  @Test
  void weeklySlicesStartOnMonday() {
    List<SliceWindow> slices = Slices.overlapping(every(Frequency.WEEK, 1),
        window("2014-06-04T00:00", "2014-06-12T00:00")); // a Wednesday to a Thursday

    assertThat(slices).containsExactly(
        window("2014-06-02T00:00", "2014-06-09T00:00"),
        window("2014-06-09T00:00", "2014-06-16T00:00"));
    assertThat(slices.get(0).start().getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
  }

  @Test
  void monthlySlicesAcrossJanuary31() {
    assertThat(Slices.overlapping(every(Frequency.MONTH, 1),
        window("2014-01-31T00:00", "2014-03-01T00:00")))
        .containsExactly(
            window("2014-01-01T00:00", "2014-02-01T00:00"),
            window("2014-02-01T00:00", "2014-03-01T00:00"));
  }

  @Test
  void monthlyAnchorOnJanuary31KeepsWholeMonths() {
    Availability monthly = new Availability(Frequency.MONTH, 1, Style.END_OF_INTERVAL,
        Optional.of(at("2014-01-31T10:30")), Optional.empty(), HERE);

    assertThat(Slices.overlapping(monthly, window("2014-02-15T00:00", "2014-04-15T00:00")))
        .containsExactly(
            window("2014-02-01T00:00", "2014-03-01T00:00"),
            window("2014-03-01T00:00", "2014-04-01T00:00"),
            window("2014-04-01T00:00", "2014-05-01T00:00"));
  }

  @Test
  void anchorPartsFinerThanTheFrequencyAreIgnored() {
    Availability fourHours = new Availability(Frequency.HOUR, 4, Style.END_OF_INTERVAL,
        Optional.of(at("2014-06-01T01:30:45")), Optional.empty(), HERE);
    Availability daily = new Availability(Frequency.DAY, 1, Style.END_OF_INTERVAL,
        Optional.of(at("2014-06-01T06:45")), Optional.empty(), HERE);

    assertThat(Slices.overlapping(fourHours, window("2014-06-01T00:00", "2014-06-01T09:00")))
        .containsExactly(
            window("2014-05-31T21:00", "2014-06-01T01:00"),
            window("2014-06-01T01:00", "2014-06-01T05:00"),
            window("2014-06-01T05:00", "2014-06-01T09:00"));
    assertThat(Slices.overlapping(daily, window("2014-06-10T12:00", "2014-06-11T00:00")))
        .containsExactly(window("2014-06-10T00:00", "2014-06-11T00:00"));
  }

  @Test
  void aWindowNotAlignedToSlicesGetsEverySliceOverlappingIt() {
    assertThat(Slices.overlapping(every(Frequency.HOUR, 1),
        window("2014-06-01T10:30", "2014-06-01T12:15")))
        .containsExactly(
            window("2014-06-01T10:00", "2014-06-01T11:00"),
            window("2014-06-01T11:00", "2014-06-01T12:00"),
            window("2014-06-01T12:00", "2014-06-01T13:00"));
  }

  @Test
  void theSliceContainingATime() {
    assertThat(Slices.containing(every(Frequency.HOUR, 1), at("2014-06-01T18:59:59")))
        .isEqualTo(window("2014-06-01T18:00", "2014-06-01T19:00"));
    assertThat(Slices.containing(every(Frequency.HOUR, 1), at("2014-06-01T19:00")))
        .isEqualTo(window("2014-06-01T19:00", "2014-06-01T20:00"));
  }

  @Test
  void oneHundredThousandHourlySlices() {
    LocalDateTime start = at("2000-01-01T00:00");
    SliceWindow window = new SliceWindow(start, start.plusHours(100_000));

    List<SliceWindow> slices = Slices.overlapping(every(Frequency.HOUR, 1), window);

    assertThat(slices).hasSize(100_000);
    assertThat(slices.get(0)).isEqualTo(new SliceWindow(start, start.plusHours(1)));
    assertThat(slices.get(99_999))
        .isEqualTo(new SliceWindow(start.plusHours(99_999), start.plusHours(100_000)));
  }

  private static Availability every(Frequency frequency, int interval) {
    return new Availability(frequency, interval, Style.END_OF_INTERVAL, Optional.empty(),
        Optional.empty(), HERE);
  }

  private static LocalDateTime at(String text) {
    return LocalDateTime.parse(text);
  }

  private static SliceWindow window(String start, String end) {
    return new SliceWindow(at(start), at(end));
  }
}
