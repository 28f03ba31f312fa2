package io.adfbeam.translator.time;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ISO 8601 date-times ADF accepts in {@code start}, {@code end}, {@code anchorDateTime} and
 * on the command line ({@code --window}), as UTC {@link LocalDateTime} values.
 *
 * <p>Accepted forms: {@code 2014-06-01}, {@code 2014-06-01T18:00}, {@code 2014-06-01T18:00:00},
 * each time optionally with a fraction of a second ({@code .5}, up to nine digits, {@code ,} also
 * accepted as in ISO 8601) and a zone: {@code Z}, {@code +05:30}, {@code +0530} or {@code +05}.
 * Values without a zone are UTC, as ADF treats them; a value with an offset is converted to UTC
 * ({@code 2014-06-01T18:00:00+05:30} is 12:30 UTC). A date alone is midnight. {@code T} and
 * {@code Z} may be lower case; surrounding white space is ignored. Other ISO 8601 forms (week
 * dates, ordinal dates, basic format without dashes, {@code 24:00}) are rejected.
 */
public final class AdfDateTimes {

  private static final Pattern ISO = Pattern.compile(
      "(\\d{4})-(\\d{2})-(\\d{2})"
          + "(?:[Tt](\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?"
          + "([Zz]|[+-]\\d{2}(?::?\\d{2})?)?)?");

  private AdfDateTimes() {}

  /**
   * Parses an ISO 8601 date-time to UTC.
   *
   * @param text for example {@code 2014-06-01T18:00:00Z}
   * @return the UTC date-time
   * @throws IllegalArgumentException if the text is not one of the accepted forms or names a
   *     date or time that does not exist (such as 2014-02-30)
   */
  public static LocalDateTime parse(String text) {
    Matcher m = text == null ? null : ISO.matcher(text.strip());
    if (m == null || !m.matches()) {
      throw malformed(text, null);
    }
    try {
      LocalDateTime local = LocalDateTime.of(
          Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
          m.group(4) == null ? 0 : Integer.parseInt(m.group(4)),
          m.group(5) == null ? 0 : Integer.parseInt(m.group(5)),
          m.group(6) == null ? 0 : Integer.parseInt(m.group(6)),
          m.group(7) == null ? 0 : Integer.parseInt((m.group(7) + "00000000").substring(0, 9)));
      String zone = m.group(8);
      if (zone == null || zone.equalsIgnoreCase("Z")) {
        return local;
      }
      String digits = zone.replace(":", "");
      int hours = Integer.parseInt(digits.substring(1, 3));
      int minutes = digits.length() > 3 ? Integer.parseInt(digits.substring(3)) : 0;
      int sign = zone.startsWith("-") ? -1 : 1;
      ZoneOffset offset = ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
      return local.atOffset(offset).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
    } catch (DateTimeException e) {
      throw malformed(text, e);
    }
  }

  /**
   * Formats a UTC date-time as ISO 8601 with a {@code Z}: seconds are always shown, a fraction
   * only when it is not zero, and then without trailing zeros ({@code 2014-06-01T18:00:00.5Z}).
   *
   * @param t the UTC date-time
   * @return for example {@code 2014-06-01T18:00:00Z}
   */
  public static String format(LocalDateTime t) {
    if (t == null) {
      throw new IllegalArgumentException("cannot format a missing date-time");
    }
    StringBuilder out = new StringBuilder(String.format("%04d-%02d-%02dT%02d:%02d:%02d",
        t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(),
        t.getSecond()));
    if (t.getNano() != 0) {
      out.append('.').append(String.format("%09d", t.getNano()).replaceFirst("0+$", ""));
    }
    return out.append('Z').toString();
  }

  private static IllegalArgumentException malformed(String text, DateTimeException cause) {
    String reason = cause == null ? "" : " (" + cause.getMessage() + ")";
    return new IllegalArgumentException("malformed date '" + text + "'" + reason
        + "; expected ISO 8601 such as 2014-06-01T18:00:00Z", cause);
  }
}
