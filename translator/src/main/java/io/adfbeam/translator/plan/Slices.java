package io.adfbeam.translator.plan;

import io.adfbeam.translator.model.Availability;
import io.adfbeam.translator.model.Availability.Frequency;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The slices of an availability schedule. Slice boundaries are {@code anchor + offset + k *
 * interval * frequency} for every whole {@code k}; the anchor is {@code anchorDateTime} with the
 * parts finer than the frequency dropped, or by default 0001-01-01T00:00 (.NET's
 * DateTime.MinValue, a Monday), so hourly slices start on the hour, daily ones at midnight,
 * weekly ones on Mondays and monthly ones on the first of the month. Computed arithmetically, so
 * finding the slices of a window costs nothing per slice outside it.
 */
public final class Slices {
  private static final LocalDateTime MIN_VALUE = LocalDateTime.of(1, 1, 1, 0, 0);

  private Slices() {}

  /** The slices that overlap {@code window}, in time order. */
  public static List<SliceWindow> overlapping(Availability availability, SliceWindow window) {
    LocalDateTime origin = origin(availability);
    long k = indexOf(availability, origin, window.start());
    LocalDateTime start = boundary(availability, origin, k);
    if (!start.isBefore(window.end())) {
      return List.of();
    }
    LocalDateTime end = boundary(availability, origin, k + 1);
    if (!end.isBefore(window.end())) {
      return List.of(new SliceWindow(start, end)); // one slice: a run's own, most of the time
    }
    List<SliceWindow> slices = new ArrayList<>();
    while (start.isBefore(window.end())) {
      slices.add(new SliceWindow(start, end));
      k++;
      start = end; // each slice starts where the one before ends
      end = boundary(availability, origin, k + 1);
    }
    return slices;
  }

  /** The slice that contains {@code time}. */
  public static SliceWindow containing(Availability availability, LocalDateTime time) {
    LocalDateTime origin = origin(availability);
    long k = indexOf(availability, origin, time);
    return new SliceWindow(boundary(availability, origin, k), boundary(availability, origin, k + 1));
  }

  /**
   * The index k of the slice containing {@code time}. Fixed-length steps count seconds between
   * epoch seconds: {@code Duration.between} first tries nanoseconds, which overflow a long
   * between the default origin (year 1) and today, and it throws and catches an exception for
   * every slice before it counts seconds.
   */
  private static long indexOf(Availability a, LocalDateTime origin, LocalDateTime time) {
    long k;
    if (a.frequency() == Frequency.MONTH) {
      k = Math.floorDiv(ChronoUnit.MONTHS.between(origin, time), a.interval());
    } else {
      k = Math.floorDiv(time.toEpochSecond(ZoneOffset.UTC) - origin.toEpochSecond(ZoneOffset.UTC),
          stepSeconds(a));
    }
    // Month lengths and rounding may put the estimate one off: settle it exactly.
    while (boundary(a, origin, k).isAfter(time)) {
      k--;
    }
    while (!boundary(a, origin, k + 1).isAfter(time)) {
      k++;
    }
    return k;
  }

  private static LocalDateTime boundary(Availability a, LocalDateTime origin, long k) {
    if (a.frequency() == Frequency.MONTH) {
      return origin.plusMonths(k * a.interval());
    }
    return origin.plusSeconds(k * stepSeconds(a));
  }

  private static long stepSeconds(Availability a) {
    long unit = switch (a.frequency()) {
      case MINUTE -> 60L;
      case HOUR -> 3_600L;
      case DAY -> 86_400L;
      case WEEK -> 7 * 86_400L;
      case MONTH -> throw new IllegalStateException("months have no fixed length");
    };
    return unit * a.interval();
  }

  private static LocalDateTime origin(Availability a) {
    LocalDateTime anchor = a.anchorDateTime().map(t -> truncate(t, a.frequency())).orElse(MIN_VALUE);
    return a.offset().map(anchor::plus).orElse(anchor);
  }

  private static LocalDateTime truncate(LocalDateTime t, Frequency f) {
    return switch (f) {
      case MINUTE -> t.truncatedTo(ChronoUnit.MINUTES);
      case HOUR -> t.truncatedTo(ChronoUnit.HOURS);
      case DAY, WEEK -> t.truncatedTo(ChronoUnit.DAYS);
      case MONTH -> t.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
    };
  }
}
