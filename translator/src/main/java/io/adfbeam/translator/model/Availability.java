package io.adfbeam.translator.model;

import io.adfbeam.translator.json.SourceLocation;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * A v1 slice schedule ({@code availability} of a dataset, {@code scheduler} of an activity).
 * Times are UTC.
 */
public record Availability(
    Frequency frequency,
    int interval,
    Style style,
    Optional<LocalDateTime> anchorDateTime,
    Optional<Duration> offset,
    SourceLocation location) {

  /** The unit of a slice. */
  public enum Frequency implements AdfEnum {
    MINUTE("Minute"),
    HOUR("Hour"),
    DAY("Day"),
    WEEK("Week"),
    MONTH("Month");

    private final String adfName;

    Frequency(String adfName) {
      this.adfName = adfName;
    }

    @Override
    public String adfName() {
      return adfName;
    }
  }

  /** Whether a slice is produced at the start or the end of its interval. */
  public enum Style implements AdfEnum {
    START_OF_INTERVAL("StartOfInterval"),
    END_OF_INTERVAL("EndOfInterval");

    private final String adfName;

    Style(String adfName) {
      this.adfName = adfName;
    }

    @Override
    public String adfName() {
      return adfName;
    }
  }

  /** Same schedule, ignoring where it is written. */
  public boolean sameScheduleAs(Availability other) {
    return frequency == other.frequency
        && interval == other.interval
        && style == other.style
        && anchorDateTime.equals(other.anchorDateTime)
        && offset.equals(other.offset);
  }

  /** {@code Hour x 1}, with style, anchor and offset when set, for messages. */
  public String describe() {
    StringBuilder sb = new StringBuilder(frequency.adfName()).append(" x ").append(interval);
    if (style != Style.END_OF_INTERVAL) {
      sb.append(", style ").append(style.adfName());
    }
    anchorDateTime.ifPresent(a -> sb.append(", anchorDateTime ").append(a));
    offset.ifPresent(o -> sb.append(", offset ").append(o));
    return sb.toString();
  }
}
