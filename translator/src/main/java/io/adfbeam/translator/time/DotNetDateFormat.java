package io.adfbeam.translator.time;

import io.adfbeam.formats.convert.DotNetDateTimeFormat;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Formats a UTC {@link LocalDateTime} with a .NET date and time format string, as ADF does for
 * {@code partitionedBy} ({@code "format": "yyyy"}) and for {@code {0:yyyyMMdd-HH}} items in {@code
 * Text.Format}.
 *
 * <p>No Java library implements .NET format strings, and {@link
 * java.time.format.DateTimeFormatter} differs in many ways that matter here: .NET {@code %M} is
 * the single month specifier, {@code hh} is the 12-hour clock, {@code tt} is the AM/PM designator,
 * {@code fff}/{@code FFF} are truncated (and, for {@code F}, zero-suppressed) fractions, {@code K}
 * and {@code zzz} are time-zone specifiers, both {@code '} and {@code "} quote literals, {@code \}
 * escapes one character, and a one-character pattern names a <em>standard</em> format. The rules
 * are implemented once, in the formats module's {@link DotNetDateTimeFormat} (which also parses,
 * in any culture, for structure columns); this class formats with it in the invariant culture,
 * the value taken as UTC.
 *
 * <p>Custom specifiers (the count of repeated letters selects the form):
 *
 * <ul>
 *   <li>{@code y} year modulo 100 without padding, {@code yy} modulo 100 padded to 2, {@code yyy}
 *       and longer: the full year padded to the number of letters;
 *   <li>{@code M}, {@code MM} month number, {@code MMM} "Jan", {@code MMMM} (or more) "January";
 *   <li>{@code d}, {@code dd} day of month, {@code ddd} "Mon", {@code dddd} (or more) "Monday";
 *   <li>{@code H}, {@code HH} 24-hour clock; {@code h}, {@code hh} 12-hour clock (00:00 is 12);
 *       {@code m}, {@code mm} minute; {@code s}, {@code ss} second (more than two letters behave as
 *       two);
 *   <li>{@code f} to {@code fffffff}: that many digits of the fraction of a second, truncated;
 *       {@code F} to {@code FFFFFFF}: the same without trailing zeros, and nothing at all (not even
 *       a preceding {@code .}) when they are all zero; eight or more is an error, as in .NET;
 *   <li>{@code t} "A"/"P", {@code tt} (or more) "AM"/"PM";
 *   <li>{@code K} "Z" (every value here is UTC); {@code z} "+0", {@code zz} "+00", {@code zzz} (or
 *       more) "+00:00";
 *   <li>{@code g}, {@code gg} the era, "A.D.";
 *   <li>{@code :} and {@code /}: the invariant separators {@code :} and {@code /};
 *   <li>{@code 'text'} and {@code "text"}: literal text (a {@code \} inside escapes the next
 *       character); {@code \c}: the character {@code c} literally; {@code %c}: the custom
 *       specifier {@code c} on its own (so {@code %M} is the month number, not the standard
 *       month/day format); any other character is copied.
 * </ul>
 *
 * <p>A pattern of exactly one character is a .NET <em>standard</em> format, expanded with the
 * invariant culture: {@code d} {@code MM/dd/yyyy}, {@code D} {@code dddd, dd MMMM yyyy}, {@code f}
 * {@code dddd, dd MMMM yyyy HH:mm}, {@code F} and {@code U} {@code dddd, dd MMMM yyyy HH:mm:ss},
 * {@code g} {@code MM/dd/yyyy HH:mm}, {@code G} {@code MM/dd/yyyy HH:mm:ss}, {@code M}/{@code m}
 * {@code MMMM dd}, {@code O}/{@code o} {@code yyyy-MM-ddTHH:mm:ss.fffffffK}, {@code R}/{@code r}
 * {@code ddd, dd MMM yyyy HH:mm:ss 'GMT'}, {@code s} {@code yyyy-MM-ddTHH:mm:ss}, {@code t} {@code
 * HH:mm}, {@code T} {@code HH:mm:ss}, {@code u} {@code yyyy-MM-dd HH:mm:ssZ}, {@code Y}/{@code y}
 * {@code yyyy MMMM}. Any other one-character pattern is an error, as in .NET (write {@code %c} for
 * a single custom specifier or {@code \c} for a single literal).
 *
 * <p>Choices where .NET depends on context: values are treated as {@code DateTimeKind.Utc}, so
 * {@code K} is {@code Z} and {@code z}-forms show a zero offset; an empty pattern means {@code G},
 * as {@code DateTime.ToString("")} does.
 */
public final class DotNetDateFormat {

  private DotNetDateFormat() {}

  /**
   * Formats {@code t} with the .NET format string {@code pattern} and the invariant culture.
   *
   * @param t the date-time, taken to be UTC
   * @param pattern a .NET standard (one character) or custom date and time format string
   * @return the formatted text
   * @throws IllegalArgumentException if the pattern is invalid; the message says what is wrong
   *     and what is allowed
   */
  public static String format(LocalDateTime t, String pattern) {
    if (t == null) {
      throw new IllegalArgumentException("cannot format a missing date-time");
    }
    return compile(pattern).format(t, ZoneOffset.UTC);
  }

  /**
   * Checks a .NET date and time format string without formatting anything.
   *
   * @param pattern the format string
   * @return a description of what is wrong and what is allowed, or empty when the pattern is valid
   */
  public static Optional<String> problem(String pattern) {
    try {
      compile(pattern);
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }

  private static DotNetDateTimeFormat compile(String pattern) {
    if (pattern == null) {
      throw new IllegalArgumentException("missing .NET date format; use a custom pattern such as"
          + " yyyy-MM-dd or a standard format such as s");
    }
    // DateTime.ToString("") is the general format G
    return DotNetDateTimeFormat.of(pattern.isEmpty() ? "G" : pattern, null);
  }
}
