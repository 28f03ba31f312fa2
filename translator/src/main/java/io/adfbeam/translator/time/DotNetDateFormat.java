package io.adfbeam.translator.time;

import java.time.LocalDateTime;
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
 * escapes one character, and a one-character pattern names a <em>standard</em> format. This class
 * is therefore a small, self-contained implementation of the .NET rules with the invariant culture.
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

  private static final String[] MONTHS = {
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December"
  };
  private static final String[] DAYS = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"
  };
  private static final int MAX_FRACTION_DIGITS = 7;
  private static final String STANDARD_FORMATS = "dDfFgGmMoOrRstTuUyY";

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
    StringBuilder out = new StringBuilder();
    run(expand(pattern), t, out, pattern);
    return out.toString();
  }

  /**
   * Checks a .NET date and time format string without formatting anything.
   *
   * @param pattern the format string
   * @return a description of what is wrong and what is allowed, or empty when the pattern is valid
   */
  public static Optional<String> problem(String pattern) {
    try {
      run(expand(pattern), null, null, pattern);
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }

  /** Replaces a one-character standard format by its invariant-culture custom pattern. */
  private static String expand(String pattern) {
    if (pattern == null) {
      throw new IllegalArgumentException("missing .NET date format; use a custom pattern such as"
          + " yyyy-MM-dd or a standard format such as s");
    }
    if (pattern.isEmpty()) {
      return "MM/dd/yyyy HH:mm:ss";
    }
    if (pattern.length() != 1) {
      return pattern;
    }
    return switch (pattern.charAt(0)) {
      case 'd' -> "MM/dd/yyyy";
      case 'D' -> "dddd, dd MMMM yyyy";
      case 'f' -> "dddd, dd MMMM yyyy HH:mm";
      case 'F', 'U' -> "dddd, dd MMMM yyyy HH:mm:ss";
      case 'g' -> "MM/dd/yyyy HH:mm";
      case 'G' -> "MM/dd/yyyy HH:mm:ss";
      case 'm', 'M' -> "MMMM dd";
      case 'o', 'O' -> "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK";
      case 'r', 'R' -> "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'";
      case 's' -> "yyyy'-'MM'-'dd'T'HH':'mm':'ss";
      case 't' -> "HH:mm";
      case 'T' -> "HH:mm:ss";
      case 'u' -> "yyyy'-'MM'-'dd HH':'mm':'ss'Z'";
      case 'y', 'Y' -> "yyyy MMMM";
      default -> throw new IllegalArgumentException(
          "unknown standard .NET date format '" + pattern + "'; a one-character format must be one"
              + " of " + String.join(" ", STANDARD_FORMATS.split("")) + " (write %" + pattern
              + " for a single custom specifier, \\" + pattern + " for a literal character)");
    };
  }

  /**
   * Walks a custom pattern. With {@code out == null} it only validates; {@code original} is the
   * pattern as given, for messages.
   */
  private static void run(String p, LocalDateTime t, StringBuilder out, String original) {
    int i = 0;
    while (i < p.length()) {
      char c = p.charAt(i);
      switch (c) {
        case '\'', '"' -> {
          int j = i + 1;
          StringBuilder literal = new StringBuilder();
          boolean closed = false;
          while (j < p.length()) {
            char q = p.charAt(j++);
            if (q == c) {
              closed = true;
              break;
            }
            if (q == '\\') {
              if (j >= p.length()) {
                break;
              }
              literal.append(p.charAt(j++));
            } else {
              literal.append(q);
            }
          }
          if (!closed) {
            throw bad(original, "unterminated quote " + c + " starting at position " + (i + 1)
                + "; close the literal text with a matching " + c);
          }
          append(out, literal);
          i = j;
        }
        case '\\' -> {
          if (i + 1 >= p.length()) {
            throw bad(original, "\\ at the end escapes nothing; write \\\\ for a backslash");
          }
          append(out, String.valueOf(p.charAt(i + 1)));
          i += 2;
        }
        case '%' -> {
          if (i + 1 >= p.length() || p.charAt(i + 1) == '%') {
            throw bad(original, "% at position " + (i + 1) + " must be followed by one custom"
                + " specifier such as %M, %d or %H");
          }
          // .NET formats the next character as a custom pattern of its own.
          run(String.valueOf(p.charAt(i + 1)), t, out, original);
          i += 2;
        }
        default -> i += specifier(p, i, t, out, original);
      }
    }
  }

  /** Formats the specifier or literal at {@code i}; returns the number of characters used. */
  private static int specifier(
      String p, int i, LocalDateTime t, StringBuilder out, String original) {
    char c = p.charAt(i);
    int n = 1;
    if ("yMdHhmsfFtzg".indexOf(c) >= 0) {
      while (i + n < p.length() && p.charAt(i + n) == c) {
        n++;
      }
    }
    if ((c == 'f' || c == 'F') && n > MAX_FRACTION_DIGITS) {
      throw bad(original, n + " '" + c + "' at position " + (i + 1) + "; at most "
          + MAX_FRACTION_DIGITS + " fraction digits (" + String.valueOf(c).repeat(7)
          + ") are allowed");
    }
    if (out == null) {
      return n;
    }
    switch (c) {
      case 'y' -> {
        int year = t.getYear();
        out.append(n <= 2 ? pad(year % 100, n) : pad(year, n));
      }
      case 'M' -> {
        int month = t.getMonthValue();
        out.append(n <= 2 ? pad(month, n) : n == 3 ? MONTHS[month - 1].substring(0, 3)
            : MONTHS[month - 1]);
      }
      case 'd' -> {
        String day = DAYS[t.getDayOfWeek().getValue() - 1];
        out.append(n <= 2 ? pad(t.getDayOfMonth(), n) : n == 3 ? day.substring(0, 3) : day);
      }
      case 'H' -> out.append(pad(t.getHour(), Math.min(n, 2)));
      case 'h' -> {
        int h = t.getHour() % 12;
        out.append(pad(h == 0 ? 12 : h, Math.min(n, 2)));
      }
      case 'm' -> out.append(pad(t.getMinute(), Math.min(n, 2)));
      case 's' -> out.append(pad(t.getSecond(), Math.min(n, 2)));
      case 'f', 'F' -> {
        String digits = pad(t.getNano() / 100, MAX_FRACTION_DIGITS).substring(0, n);
        if (c == 'F') {
          digits = digits.replaceFirst("0+$", "");
          if (digits.isEmpty() && out.length() > 0 && out.charAt(out.length() - 1) == '.') {
            out.setLength(out.length() - 1);
          }
        }
        out.append(digits);
      }
      case 't' -> {
        String designator = t.getHour() < 12 ? "AM" : "PM";
        out.append(n == 1 ? designator.substring(0, 1) : designator);
      }
      case 'K' -> out.append('Z');
      case 'z' -> out.append(n == 1 ? "+0" : n == 2 ? "+00" : "+00:00");
      case 'g' -> out.append("A.D.");
      default -> out.append(c); // ':' and '/' are ':' and '/' in the invariant culture
    }
    return n;
  }

  private static void append(StringBuilder out, CharSequence text) {
    if (out != null) {
      out.append(text);
    }
  }

  private static String pad(int value, int width) {
    String digits = Integer.toString(Math.abs(value));
    String padded = "0".repeat(Math.max(0, width - digits.length())) + digits;
    return value < 0 ? "-" + padded : padded;
  }

  private static IllegalArgumentException bad(String pattern, String what) {
    return new IllegalArgumentException("invalid .NET date format '" + pattern + "': " + what);
  }
}
