package io.adfbeam.translator.plan;

import io.adfbeam.translator.time.AdfDateTimes;
import java.time.LocalDateTime;
import java.util.Objects;

/** A half-open UTC time window {@code [start, end)}: a slice, or the window a run covers. */
public record SliceWindow(LocalDateTime start, LocalDateTime end) implements Comparable<SliceWindow> {

  public SliceWindow {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException(
          "a window's end " + AdfDateTimes.format(end) + " must be after its start "
              + AdfDateTimes.format(start));
    }
  }

  /**
   * Parses {@code START/END} in ISO 8601, e.g. {@code 2014-06-01T18:00:00Z/2014-06-01T21:00:00Z}.
   *
   * @throws IllegalArgumentException with a message saying what is wrong
   */
  public static SliceWindow parse(String text) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("malformed window '" + text
          + "'; expected START/END such as 2014-06-01T18:00:00Z/2014-06-01T21:00:00Z");
    }
    return new SliceWindow(
        AdfDateTimes.parse(text.substring(0, slash).trim()),
        AdfDateTimes.parse(text.substring(slash + 1).trim()));
  }

  public boolean overlaps(SliceWindow other) {
    return start.isBefore(other.end) && other.start.isBefore(end);
  }

  public boolean contains(SliceWindow other) {
    return !other.start.isBefore(start) && !other.end.isAfter(end);
  }

  @Override
  public int compareTo(SliceWindow o) {
    int c = start.compareTo(o.start);
    return c != 0 ? c : end.compareTo(o.end);
  }

  @Override
  public String toString() {
    return AdfDateTimes.format(start) + "/" + AdfDateTimes.format(end);
  }
}
