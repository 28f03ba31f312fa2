package io.adfbeam.translator.time;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * .NET {@code TimeSpan} text as ADF uses it: {@code "timeout": "01:00:00"}, {@code
 * "retryInterval": "00:01:00"}, {@code "offset": "06:00:00"}, {@code "delay": "1.00:00:00"}.
 *
 * <p>{@link #parse} follows {@code TimeSpan.Parse} with the invariant culture, whose grammar is
 * {@code [ws][-]{ d | [d.]hh:mm[:ss[.ff]] }[ws]}:
 *
 * <ul>
 *   <li>a bare number is a count of <em>days</em> ({@code "2"} is two days);
 *   <li>two numbers are {@code h:m} ({@code "1:2"} is 01:02:00, never minutes and seconds);
 *   <li>{@code h:m:s}, {@code d.h:m}, {@code d.h:m:s}, {@code h:m:s.f} and {@code d.h:m:s.f};
 *   <li>.NET also accepts its culture-sensitive "general" form {@code d:h:m:s[.f]}, with a colon
 *       after the days, so {@code "1:02:03:04"} is 1.02:03:04; and, because it falls back to that
 *       form when {@code h:m:s} does not fit, three colon-separated numbers whose first is over 23
 *       are {@code d:h:m}: {@code "24:00:00"} is 24 <em>days</em>, not 24 hours. This quirk is
 *       reproduced on purpose so a pipeline means here what it meant in ADF.
 * </ul>
 *
 * <p>Ranges are those of .NET: hours 0-23, minutes 0-59, seconds 0-59, days 0-10675199, at most
 * seven fraction digits; leading zeros are allowed ({@code "0023:0059:0059"}). Surrounding white
 * space is ignored; a leading {@code -} negates the whole value.
 */
public final class TimeSpans {

  private static final long TICKS_PER_SECOND = 10_000_000L;
  private static final long TICKS_PER_MINUTE = 60 * TICKS_PER_SECOND;
  private static final long TICKS_PER_HOUR = 60 * TICKS_PER_MINUTE;
  private static final long TICKS_PER_DAY = 24 * TICKS_PER_HOUR;
  private static final long MAX_DAYS = 10_675_199L;
  private static final int MAX_FRACTION_DIGITS = 7;
  private static final String EXPECTED = "expected [-][d.]hh:mm[:ss[.fffffff]] such as 01:00:00"
      + " (an hour) or 1.00:00:00 (a day)";

  private TimeSpans() {}

  /**
   * Parses .NET TimeSpan text.
   *
   * @param text for example {@code 01:00:00}, {@code 1.00:00:00}, {@code -00:30:00}, {@code
   *     00:00:00.5000000} or {@code 2} (two days)
   * @return the duration
   * @throws IllegalArgumentException if the text is malformed or a component is out of range
   */
  public static Duration parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("missing TimeSpan; " + EXPECTED);
    }
    String s = text.strip();
    boolean negative = s.startsWith("-");
    if (negative) {
      s = s.substring(1);
    }
    List<String> numbers = new ArrayList<>();
    StringBuilder separators = new StringBuilder();
    int i = 0;
    while (true) {
      int start = i;
      while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        i++;
      }
      if (i == start) {
        throw malformed(text);
      }
      numbers.add(s.substring(start, i));
      if (i == s.length()) {
        break;
      }
      char sep = s.charAt(i++);
      if (sep != ':' && sep != '.') {
        throw malformed(text);
      }
      separators.append(sep);
    }
    long ticks = switch (separators.toString()) {
      case "" -> days(text, numbers.get(0));
      case ":" -> time(text, null, numbers.get(0), numbers.get(1), "0", null);
      case "::" -> {
        // .NET tries h:m:s first, then its culture-sensitive d:h:m.
        try {
          yield time(text, null, numbers.get(0), numbers.get(1), numbers.get(2), null);
        } catch (IllegalArgumentException hms) {
          try {
            yield time(text, numbers.get(0), numbers.get(1), numbers.get(2), "0", null);
          } catch (IllegalArgumentException dhm) {
            if (!hms.getMessage().contains(" hours ")) {
              throw hms;
            }
            throw new IllegalArgumentException(dhm.getMessage() + " (read as d:hh:mm because"
                + " hours over 23 make .NET take the first number as days)", dhm);
          }
        }
      }
      case ".:" -> time(text, numbers.get(0), numbers.get(1), numbers.get(2), "0", null);
      case ".::", ":::" ->
          time(text, numbers.get(0), numbers.get(1), numbers.get(2), numbers.get(3), null);
      case "::." ->
          time(text, null, numbers.get(0), numbers.get(1), numbers.get(2), numbers.get(3));
      case ".::.", ":::." -> time(text, numbers.get(0), numbers.get(1), numbers.get(2),
          numbers.get(3), numbers.get(4));
      default -> throw malformed(text);
    };
    long signed = negative ? -ticks : ticks;
    return Duration.ofSeconds(signed / TICKS_PER_SECOND, signed % TICKS_PER_SECOND * 100);
  }

  /**
   * Formats a duration in the .NET constant ("c") form {@code [-][d.]hh:mm:ss[.fffffff]}, for
   * example {@code 01:00:00}, {@code 1.02:03:04}, {@code -00:30:00} or {@code 00:00:30.5000000}.
   * The fraction is shown, with seven digits, only when it is not zero; a part of the duration
   * finer than one tick (100 ns) is dropped.
   *
   * @param d the duration
   * @return the TimeSpan text
   * @throws IllegalArgumentException if the duration is beyond the range of a .NET TimeSpan
   */
  public static String format(Duration d) {
    if (d == null) {
      throw new IllegalArgumentException("cannot format a missing duration");
    }
    boolean negative = d.isNegative();
    Duration abs = d.abs();
    long ticks;
    try {
      ticks = Math.addExact(Math.multiplyExact(abs.getSeconds(), TICKS_PER_SECOND),
          abs.getNano() / 100);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("duration " + d + " is beyond the range of a TimeSpan"
          + " (about 29,227 years)", e);
    }
    long days = ticks / TICKS_PER_DAY;
    long hours = ticks % TICKS_PER_DAY / TICKS_PER_HOUR;
    long minutes = ticks % TICKS_PER_HOUR / TICKS_PER_MINUTE;
    long seconds = ticks % TICKS_PER_MINUTE / TICKS_PER_SECOND;
    long fraction = ticks % TICKS_PER_SECOND;
    StringBuilder out = new StringBuilder();
    if (negative && ticks != 0) {
      out.append('-');
    }
    if (days != 0) {
      out.append(days).append('.');
    }
    out.append(String.format("%02d:%02d:%02d", hours, minutes, seconds));
    if (fraction != 0) {
      out.append(String.format(".%07d", fraction));
    }
    return out.toString();
  }

  private static long days(String text, String digits) {
    return Math.multiplyExact(component(text, digits, "days", MAX_DAYS), TICKS_PER_DAY);
  }

  /** Combines checked components; {@code days} and {@code fraction} may be null. */
  private static long time(String text, String days, String hours, String minutes,
      String seconds, String fraction) {
    long ticks = days == null ? 0 : days(text, days);
    ticks += component(text, hours, "hours", 23) * TICKS_PER_HOUR;
    ticks += component(text, minutes, "minutes", 59) * TICKS_PER_MINUTE;
    ticks += component(text, seconds, "seconds", 59) * TICKS_PER_SECOND;
    if (fraction != null) {
      if (fraction.length() > MAX_FRACTION_DIGITS) {
        throw new IllegalArgumentException("TimeSpan '" + text + "' has " + fraction.length()
            + " fraction digits; at most " + MAX_FRACTION_DIGITS + " (100 ns ticks) are allowed");
      }
      ticks += Long.parseLong(fraction + "0".repeat(MAX_FRACTION_DIGITS - fraction.length()));
    }
    if (ticks < 0) {
      throw new IllegalArgumentException("TimeSpan '" + text + "' is beyond the largest TimeSpan"
          + " 10675199.02:48:05.4775807");
    }
    return ticks;
  }

  private static long component(String text, String digits, String name, long max) {
    String significant = digits.replaceFirst("^0+(?=.)", "");
    if (significant.length() > 10 || Long.parseLong(significant) > max) {
      throw new IllegalArgumentException("TimeSpan '" + text + "' has " + name + " " + digits
          + " out of range 0-" + max + "; " + EXPECTED);
    }
    return Long.parseLong(significant);
  }

  private static IllegalArgumentException malformed(String text) {
    return new IllegalArgumentException("malformed TimeSpan '" + text + "'; " + EXPECTED);
  }
}
