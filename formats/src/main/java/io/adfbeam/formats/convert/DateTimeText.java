package io.adfbeam.formats.convert;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Date, time and time-span text without a .NET format: the forms read by default and the
 * invariant forms written.
 */
final class DateTimeText {
  private static final String TIME =
      "(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?";
  private static final String ZONE = "\\s*(Z|z|[+-]\\d{2}(?::?\\d{2})?)?";
  /** {@code yyyy-MM-dd}, then optionally {@code T} or a space and a time, then an offset. */
  private static final Pattern ISO =
      Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:(?:T|\\s+)" + TIME + ")?" + ZONE);
  /** Numeric dates with / . or -, in the culture's order, then a time with AM/PM, then offset. */
  private static final Pattern NUMERIC =
      Pattern.compile("(\\d{1,4})([/.-])(\\d{1,2})\\2(\\d{1,4})(?:(?:T|\\s+)" + TIME
          + "(?:\\s*([^\\d\\s+-][^\\s+-]*))?)?" + ZONE);
  private static final Pattern TIMESPAN =
      Pattern.compile("(-)?(?:(\\d+)\\.)?(\\d+)(?::(\\d+))?(?::(\\d+))?(?::(\\d+))?(?:\\.(\\d{1,9}))?");

  private DateTimeText() {}

  /** What default date-time parsing accepts, for messages. */
  static String expected(Culture culture) {
    return "yyyy-MM-dd HH:mm:ss[.fffffff], ISO 8601 or " + culture.dateOrder.example
        + " HH:mm:ss";
  }

  /**
   * Parses a date-time in one of the default forms; null when the text is none of them.
   *
   * @throws DateTimeException when the text has a default form but is not a valid date-time
   */
  static DotNetDateTimeFormat.Parsed parseDefault(String s, Culture culture) {
    Matcher m = ISO.matcher(s);
    if (m.matches()) {
      return build(num(m.group(1)), num(m.group(2)), num(m.group(3)), m, 4, -1, m.group(8));
    }
    m = NUMERIC.matcher(s);
    if (m.matches()) {
      String a = m.group(1);
      String b = m.group(3);
      String c = m.group(4);
      int year;
      int month;
      int day;
      if (a.length() > 2) {
        year = num(a);
        month = num(b);
        day = num(c);
      } else if (culture.dateOrder == Culture.DateOrder.DMY) {
        day = num(a);
        month = num(b);
        year = year(c);
      } else {
        month = num(a);
        day = num(b);
        year = year(c);
      }
      int ampm = -1;
      String designator = m.group(9);
      if (designator != null) {
        if (designator.equalsIgnoreCase(culture.am) || designator.equalsIgnoreCase("AM")) {
          ampm = 0;
        } else if (designator.equalsIgnoreCase(culture.pm) || designator.equalsIgnoreCase("PM")) {
          ampm = 1;
        } else {
          return null;
        }
      }
      return build(year, month, day, m, 5, ampm, m.group(10));
    }
    return null;
  }

  private static int year(String digits) {
    int y = num(digits);
    return digits.length() <= 2 ? (y < 50 ? 2000 + y : 1900 + y) : y;
  }

  private static DotNetDateTimeFormat.Parsed build(
      int year, int month, int day, Matcher m, int timeGroup, int ampm, String zone) {
    int hour = m.group(timeGroup) == null ? 0 : num(m.group(timeGroup));
    if (ampm >= 0) {
      if (hour < 1 || hour > 12) {
        throw new DateTimeException("hour " + hour + " is not a 12-hour clock hour");
      }
      hour = hour % 12 + (ampm == 1 ? 12 : 0);
    }
    int minute = m.group(timeGroup + 1) == null ? 0 : num(m.group(timeGroup + 1));
    int second = m.group(timeGroup + 2) == null ? 0 : num(m.group(timeGroup + 2));
    int nanos = nanos(m.group(timeGroup + 3));
    ZoneOffset offset = null;
    if (zone != null) {
      offset = zone.equalsIgnoreCase("Z") ? ZoneOffset.UTC : ZoneOffset.of(
          zone.length() == 5 ? zone.substring(0, 3) + ":" + zone.substring(3) : zone);
    }
    return new DotNetDateTimeFormat.Parsed(
        LocalDateTime.of(year, month, day, hour, minute, second, nanos), offset);
  }

  private static int nanos(String digits) {
    if (digits == null) {
      return 0;
    }
    int v = num(digits);
    for (int i = digits.length(); i < 9; i++) {
      v *= 10;
    }
    return v;
  }

  private static int num(String digits) {
    return Integer.parseInt(digits);
  }

  /** {@code yyyy-MM-dd HH:mm:ss} and the trimmed fraction: the invariant Datetime text. */
  static String format(LocalDateTime t, char separator) {
    StringBuilder sb = new StringBuilder(30);
    int year = t.getYear();
    if (year < 0 || year > 9999) {
      sb.append(year);
    } else {
      sb.append(DotNetDateTimeFormat.pad(year, 4));
    }
    sb.append('-').append(DotNetDateTimeFormat.pad(t.getMonthValue(), 2))
        .append('-').append(DotNetDateTimeFormat.pad(t.getDayOfMonth(), 2))
        .append(separator).append(DotNetDateTimeFormat.pad(t.getHour(), 2))
        .append(':').append(DotNetDateTimeFormat.pad(t.getMinute(), 2))
        .append(':').append(DotNetDateTimeFormat.pad(t.getSecond(), 2));
    appendFraction(sb, t.getNano(), false);
    return sb.toString();
  }

  /** Datetime text and {@code +hh:mm}, separated by a space or not. */
  static String format(OffsetDateTime t, char separator, boolean spaceBeforeOffset) {
    return format(t.toLocalDateTime(), separator) + (spaceBeforeOffset ? " " : "")
        + DotNetDateTimeFormat.offsetText(t.getOffset());
  }

  /**
   * Appends {@code .} and the fraction of a second: 7 digits (.NET ticks) or 9 when the value is
   * finer than a tick; with {@code trim}, trailing zeros (and an empty fraction) dropped.
   */
  private static void appendFraction(StringBuilder sb, int nanos, boolean fixed) {
    if (nanos == 0) {
      return;
    }
    String digits = DotNetDateTimeFormat.pad(nanos, 9);
    if (fixed) {
      digits = nanos % 100 == 0 ? digits.substring(0, 7) : digits;
    } else {
      int end = digits.length();
      while (digits.charAt(end - 1) == '0') {
        end--;
      }
      digits = digits.substring(0, end);
    }
    sb.append('.').append(digits);
  }

  /**
   * Parses .NET TimeSpan text: {@code [-][d.]hh:mm[:ss[.fffffff]]}, {@code d:hh:mm:ss}, or a
   * number of days; as in .NET, {@code hh:mm:ss} with hours above 23 reads as {@code d:hh:mm}
   * ({@code 24:00:00} is 24 days). Null when the text is not a TimeSpan.
   */
  static Duration parseTimeSpan(String s) {
    Matcher m = TIMESPAN.matcher(s);
    if (!m.matches()) {
      return null;
    }
    boolean negative = m.group(1) != null;
    String daysDot = m.group(2);
    String[] parts = {m.group(3), m.group(4), m.group(5), m.group(6)};
    int count = parts[3] != null ? 4 : parts[2] != null ? 3 : parts[1] != null ? 2 : 1;
    String fraction = m.group(7);
    long days = 0;
    long hours = 0;
    long minutes = 0;
    long seconds = 0;
    if (count == 1) {
      if (daysDot != null || fraction != null) {
        return null;
      }
      days = Long.parseLong(parts[0]);
    } else if (count == 4) {
      if (daysDot != null) {
        return null;
      }
      days = Long.parseLong(parts[0]);
      hours = Long.parseLong(parts[1]);
      minutes = Long.parseLong(parts[2]);
      seconds = Long.parseLong(parts[3]);
    } else {
      days = daysDot == null ? 0 : Long.parseLong(daysDot);
      hours = Long.parseLong(parts[0]);
      minutes = Long.parseLong(parts[1]);
      seconds = count == 3 ? Long.parseLong(parts[2]) : 0;
      if (count == 2 && fraction != null) {
        return null;
      }
      if (count == 3 && daysDot == null && hours > 23 && fraction == null) {
        // .NET reads 24:00:00 as 24 days: d:hh:mm
        days = hours;
        hours = minutes;
        minutes = seconds;
        seconds = 0;
      }
    }
    if (hours > 23 || minutes > 59 || seconds > 59) {
      return null;
    }
    Duration d = Duration.ofDays(days).plusHours(hours).plusMinutes(minutes)
        .plusSeconds(seconds).plusNanos(nanos(fraction));
    return negative ? d.negated() : d;
  }

  /** The .NET "c" form: {@code [-][d.]hh:mm:ss[.fffffff]} (9 fraction digits below a tick). */
  static String formatTimeSpan(Duration d) {
    StringBuilder sb = new StringBuilder();
    if (d.isNegative()) {
      sb.append('-');
      d = d.negated();
    }
    long secs = d.getSeconds();
    long days = secs / 86_400;
    if (days > 0) {
      sb.append(days).append('.');
    }
    sb.append(DotNetDateTimeFormat.pad((int) (secs / 3600 % 24), 2)).append(':')
        .append(DotNetDateTimeFormat.pad((int) (secs / 60 % 60), 2)).append(':')
        .append(DotNetDateTimeFormat.pad((int) (secs % 60), 2));
    appendFraction(sb, d.getNano(), true);
    return sb.toString();
  }
}
