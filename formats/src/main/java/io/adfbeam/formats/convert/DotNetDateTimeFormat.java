package io.adfbeam.formats.convert;

import java.io.Serializable;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses and prints date-times with a .NET date and time format string ({@code MM/dd/yyyy HH:mm},
 * {@code dd.MM.yyyy}, {@code %M/%d/yyyy}) in a .NET culture, as ADF does with a structure column's
 * {@code format} and {@code culture}.
 *
 * <p>Why not {@link java.time.format.DateTimeFormatter}: .NET and Java patterns share letters but
 * not meanings ({@code hh}/{@code tt} 12-hour clock and designator, {@code fff}/{@code FFF} exact
 * and optional fractions, {@code %M} a single specifier, {@code K} and {@code zzz} offsets, {@code
 * /} and {@code :} the culture's separators, both quote characters, one-letter standard formats),
 * and .NET's parsing is stricter in places ({@code MM} wants exactly two digits) and looser in
 * others, so this is a small, self-contained implementation of the .NET rules. It is the only
 * one: the translator formats partitionedBy paths and {@code Text.Format} items with it too, in
 * the invariant culture ({@code io.adfbeam.translator.time.DotNetDateFormat}).
 *
 * <p>Specifiers (the count of letters selects the form; {@code n} letters):
 *
 * <ul>
 *   <li>{@code y}, {@code yy}: two-digit year (1-2 digits for {@code y}), 00-49 is 2000-2049 and
 *       50-99 1950-1999 (.NET's TwoDigitYearMax 2049); {@code yyy} and more: exactly {@code n}
 *       digits;
 *   <li>{@code M} 1-2 digits, {@code MM} exactly 2, {@code MMM} abbreviated and {@code MMMM} full
 *       month name of the culture (matched ignoring case, in both the format and stand-alone
 *       forms);
 *   <li>{@code d}, {@code dd} day of month as {@code M}; {@code ddd}, {@code dddd} day name, which
 *       must agree with the date;
 *   <li>{@code H}/{@code HH} 24-hour, {@code h}/{@code hh} 12-hour clock (with {@code tt}; without
 *       it the hour is taken as it is), {@code m}/{@code mm}, {@code s}/{@code ss}: 1-2 digits for
 *       one letter, exactly 2 for two;
 *   <li>{@code f} to {@code fffffff}: exactly {@code n} fraction digits; {@code F} to {@code
 *       FFFFFFF}: up to {@code n} (printed without trailing zeros, and with the preceding {@code .}
 *       dropped when all are zero);
 *   <li>{@code t} the first character, {@code tt} the whole AM/PM designator of the culture
 *       ({@code AM} and {@code PM} are always accepted, ignoring case);
 *   <li>{@code z} {@code +h}, {@code zz} {@code +hh}, {@code zzz} {@code +hh:mm} offsets; {@code K}
 *       {@code Z}, an offset {@code +hh:mm} or nothing; {@code g} the era ({@code A.D.});
 *   <li>{@code /} and {@code :}: the culture's date and time separators ({@code .} for de-de);
 *   <li>{@code 'text'}, {@code "text"}, {@code \c}: literal text; {@code %c}: the specifier {@code
 *       c} alone; any other character stands for itself.
 * </ul>
 *
 * <p>A one-character pattern is a .NET standard format, expanded with the invariant culture's
 * patterns (whatever the culture): {@code d} {@code MM/dd/yyyy}, {@code D} {@code dddd, dd MMMM
 * yyyy}, {@code f}, {@code F}, {@code g} {@code MM/dd/yyyy HH:mm}, {@code G} {@code MM/dd/yyyy
 * HH:mm:ss}, {@code m}/{@code M}, {@code o}/{@code O} round trip, {@code r}/{@code R} RFC 1123,
 * {@code s} sortable, {@code t}, {@code T}, {@code u}, {@code U}, {@code y}/{@code Y}.
 *
 * <p>Parsing ignores leading and trailing white space; otherwise the text must match the whole
 * pattern. Parts the pattern lacks default to 0001-01-01 00:00:00 (deterministic, like .NET's
 * {@code NoCurrentDateDefault}).
 */
public final class DotNetDateTimeFormat implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final int MAX_FRACTION_DIGITS = 7;
  private static final String REPEATED = "yMdHhmsfFtzg";

  /** One element of a compiled pattern: a literal or a specifier repeated {@code count} times. */
  private record Token(char kind, int count, String literal) implements Serializable {}

  /**
   * A parsed date-time: the local date and time as written, and the offset when the text had one
   * (null otherwise).
   */
  public record Parsed(LocalDateTime dateTime, ZoneOffset offset) {}

  private final String pattern;
  private final Culture culture;
  private final List<Token> tokens;
  private final boolean hasOffset;

  private DotNetDateTimeFormat(String pattern, Culture culture, List<Token> tokens) {
    this.pattern = pattern;
    this.culture = culture;
    this.tokens = List.copyOf(tokens);
    this.hasOffset = tokens.stream().anyMatch(t -> t.kind == 'z' || t.kind == 'K');
  }

  /**
   * Compiles a .NET format string for a culture.
   *
   * @param pattern a .NET custom or one-character standard date and time format
   * @param culture a .NET culture name ({@code en-us}); null for the invariant culture
   * @throws IllegalArgumentException if the pattern is invalid or the culture unknown; the message
   *     says what is wrong
   */
  public static DotNetDateTimeFormat of(String pattern, String culture) {
    return compile(pattern, Culture.of(culture));
  }

  static DotNetDateTimeFormat compile(String pattern, Culture culture) {
    if (pattern == null || pattern.isEmpty()) {
      throw new IllegalArgumentException("empty .NET date format");
    }
    return new DotNetDateTimeFormat(pattern, culture, compile(expand(pattern), pattern));
  }

  /** The pattern as given. */
  public String pattern() {
    return pattern;
  }

  /** Whether the pattern has an offset ({@code z}, {@code zz}, {@code zzz} or {@code K}). */
  public boolean hasOffset() {
    return hasOffset;
  }

  private static String expand(String pattern) {
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
      default -> throw bad(pattern, "unknown standard format; a one-character format must be one"
          + " of d D f F g G m M o O r R s t T u U y Y (write %" + pattern
          + " for a single custom specifier, \\" + pattern + " for a literal character)");
    };
  }

  private static List<Token> compile(String p, String original) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    while (i < p.length()) {
      char c = p.charAt(i);
      switch (c) {
        case '\'', '"' -> {
          StringBuilder literal = new StringBuilder();
          int j = i + 1;
          boolean closed = false;
          while (j < p.length()) {
            char q = p.charAt(j++);
            if (q == c) {
              closed = true;
              break;
            }
            if (q == '\\' && j < p.length()) {
              q = p.charAt(j++);
            }
            literal.append(q);
          }
          if (!closed) {
            throw bad(original, "unterminated quote " + c + " at position " + (i + 1)
                + "; close the literal text with a matching " + c);
          }
          literal(out, literal.toString());
          i = j;
        }
        case '\\' -> {
          if (i + 1 >= p.length()) {
            throw bad(original, "\\ at the end escapes nothing; write \\\\ for a backslash");
          }
          literal(out, String.valueOf(p.charAt(i + 1)));
          i += 2;
        }
        case '%' -> {
          if (i + 1 >= p.length() || p.charAt(i + 1) == '%') {
            throw bad(original, "% at position " + (i + 1) + " must be followed by one custom"
                + " specifier such as %M, %d or %H");
          }
          out.addAll(compile(String.valueOf(p.charAt(i + 1)), original));
          i += 2;
        }
        default -> {
          int n = 1;
          if (REPEATED.indexOf(c) >= 0) {
            while (i + n < p.length() && p.charAt(i + n) == c) {
              n++;
            }
            if ((c == 'f' || c == 'F') && n > MAX_FRACTION_DIGITS) {
              throw bad(original, n + " '" + c + "' at position " + (i + 1) + "; at most "
                  + MAX_FRACTION_DIGITS + " fraction digits ("
                  + String.valueOf(c).repeat(MAX_FRACTION_DIGITS) + ") are allowed");
            }
            out.add(new Token(c, n, null));
          } else if (c == 'K' || c == '/' || c == ':') {
            out.add(new Token(c, 1, null));
          } else {
            literal(out, String.valueOf(c));
          }
          i += n;
        }
      }
    }
    return out;
  }

  private static void literal(List<Token> out, String text) {
    if (text.isEmpty()) {
      return;
    }
    int last = out.size() - 1;
    if (last >= 0 && out.get(last).kind == 'L') {
      out.set(last, new Token('L', 1, out.get(last).literal + text));
    } else {
      out.add(new Token('L', 1, text));
    }
  }

  private static IllegalArgumentException bad(String pattern, String what) {
    return new IllegalArgumentException("invalid .NET date format '" + pattern + "': " + what);
  }

  // ---- printing

  /**
   * Prints {@code t} with this pattern.
   *
   * @param t the local date and time
   * @param offset the offset printed by {@code z} and {@code K} ({@code K} prints {@code Z} for
   *     UTC); null prints nothing for {@code K} and {@code +00:00} for {@code z}
   */
  public String format(LocalDateTime t, ZoneOffset offset) {
    StringBuilder out = new StringBuilder();
    for (Token tok : tokens) {
      int n = tok.count;
      switch (tok.kind) {
        case 'L' -> out.append(tok.literal);
        case '/' -> out.append(culture.dateSeparator);
        case ':' -> out.append(culture.timeSeparator);
        case 'y' -> {
          int year = t.getYear();
          out.append(n <= 2 ? pad(year % 100, n) : pad(year, n));
        }
        case 'M' -> {
          int m = t.getMonthValue() - 1;
          out.append(n <= 2 ? pad(m + 1, n) : n == 3 ? culture.monthsShort[m]
              : culture.monthsFull[m]);
        }
        case 'd' -> {
          int dow = t.getDayOfWeek().ordinal();
          out.append(n <= 2 ? pad(t.getDayOfMonth(), n) : n == 3 ? culture.daysShort[dow]
              : culture.daysFull[dow]);
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
          if (tok.kind == 'F') {
            digits = stripZeros(digits);
            if (digits.isEmpty() && out.length() > 0 && out.charAt(out.length() - 1) == '.') {
              out.setLength(out.length() - 1);
            }
          }
          out.append(digits);
        }
        case 't' -> {
          String designator = t.getHour() < 12 ? culture.am : culture.pm;
          out.append(n == 1 && !designator.isEmpty() ? designator.substring(0, 1) : designator);
        }
        case 'z' -> {
          int secs = offset == null ? 0 : offset.getTotalSeconds();
          char sign = secs < 0 ? '-' : '+';
          int abs = Math.abs(secs);
          out.append(sign);
          if (n == 1) {
            out.append(abs / 3600);
          } else {
            out.append(pad(abs / 3600, 2));
            if (n >= 3) {
              out.append(culture.timeSeparator).append(pad(abs / 60 % 60, 2));
            }
          }
        }
        case 'K' -> {
          if (offset != null) {
            out.append(offset.getTotalSeconds() == 0 ? "Z" : offsetText(offset));
          }
        }
        case 'g' -> out.append("A.D.");
        default -> throw new IllegalStateException("token " + tok.kind);
      }
    }
    return out.toString();
  }

  static String offsetText(ZoneOffset offset) {
    int secs = offset.getTotalSeconds();
    int abs = Math.abs(secs);
    return (secs < 0 ? "-" : "+") + pad(abs / 3600, 2) + ":" + pad(abs / 60 % 60, 2);
  }

  private static String stripZeros(String digits) {
    int end = digits.length();
    while (end > 0 && digits.charAt(end - 1) == '0') {
      end--;
    }
    return digits.substring(0, end);
  }

  static String pad(int value, int width) {
    String digits = Integer.toString(Math.abs(value));
    String padded = digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    return value < 0 ? "-" + padded : padded;
  }

  // ---- parsing

  /**
   * Parses {@code text} with this pattern.
   *
   * @throws DateTimeParseException if the text does not match or is not a valid date; the message
   *     says what was expected where (positions are 1-based in the trimmed text)
   */
  public Parsed parse(String text) {
    return new Parser(text.strip()).run();
  }

  private final class Parser {
    private final String s;
    private int pos;
    private int year = 1;
    private int month = 1;
    private int day = 1;
    private int hour24 = -1;
    private int hour12 = -1;
    private int minute;
    private int second;
    private int nanos;
    private int ampm = -1;
    private int dayOfWeek = -1;
    private ZoneOffset offset;

    Parser(String s) {
      this.s = s;
    }

    Parsed run() {
      for (Token tok : tokens) {
        int n = tok.count;
        switch (tok.kind) {
          case 'L' -> literal(tok.literal);
          case '/' -> literal(culture.dateSeparator);
          case ':' -> literal(culture.timeSeparator);
          case 'y' -> {
            if (n <= 2) {
              int y = digits(n == 1 ? 1 : 2, 2, "yy");
              year = y < 50 ? 2000 + y : 1900 + y;
            } else {
              year = digits(n, n, "y".repeat(n));
            }
          }
          case 'M' -> {
            if (n <= 2) {
              month = digits(n, 2, "M".repeat(n));
            } else if (n == 3) {
              month = name("an abbreviated month name", culture.monthsShort,
                  culture.monthsShortStandalone) + 1;
            } else {
              month = name("a month name", culture.monthsFull, culture.monthsFullStandalone) + 1;
            }
          }
          case 'd' -> {
            if (n <= 2) {
              day = digits(n, 2, "d".repeat(n));
            } else if (n == 3) {
              dayOfWeek = name("an abbreviated day name", culture.daysShort, culture.daysShort);
            } else {
              dayOfWeek = name("a day name", culture.daysFull, culture.daysFull);
            }
          }
          case 'H' -> hour24 = digits(Math.min(n, 2), 2, n == 1 ? "H" : "HH");
          case 'h' -> hour12 = digits(Math.min(n, 2), 2, n == 1 ? "h" : "hh");
          case 'm' -> minute = digits(Math.min(n, 2), 2, n == 1 ? "m" : "mm");
          case 's' -> second = digits(Math.min(n, 2), 2, n == 1 ? "s" : "ss");
          case 'f', 'F' -> fraction(tok.kind == 'f' ? n : 0, n, String.valueOf(tok.kind).repeat(n));
          case 't' -> designator(n);
          case 'z' -> zone(n);
          case 'K' -> {
            if (pos < s.length() && (s.charAt(pos) == 'Z' || s.charAt(pos) == 'z')) {
              pos++;
              offset = ZoneOffset.UTC;
            } else if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
              zone(3);
            }
          }
          case 'g' -> {
            if (!matchIgnoreCase("A.D.") && !matchIgnoreCase("AD")) {
              throw fail("the era A.D.");
            }
          }
          default -> throw new IllegalStateException("token " + tok.kind);
        }
      }
      if (pos < s.length()) {
        throw fail("the end of the text");
      }
      return build();
    }

    private Parsed build() {
      int hour = hour24 >= 0 ? hour24 : 0;
      if (hour24 < 0 && hour12 >= 0) {
        hour = ampm < 0 ? hour12 : hour12 % 12 + (ampm == 1 ? 12 : 0);
        if (ampm >= 0 && hour12 > 12) {
          throw error("hour " + hour12 + " is not a 12-hour clock hour", 0);
        }
      }
      LocalDateTime t;
      try {
        t = LocalDateTime.of(year, month, day, hour, minute, second, nanos);
      } catch (DateTimeException e) {
        throw error("not a valid date and time: " + e.getMessage(), 0);
      }
      if (dayOfWeek >= 0 && t.getDayOfWeek().ordinal() != dayOfWeek) {
        throw error(culture.daysFull[dayOfWeek] + " is not the day of the week of "
            + t.toLocalDate(), 0);
      }
      return new Parsed(t, offset);
    }

    private void literal(String lit) {
      if (s.startsWith(lit, pos)) {
        pos += lit.length();
      } else if (lit.isBlank() && pos < s.length() && Character.isSpaceChar(s.charAt(pos))) {
        // A space in the pattern matches any one space character (no-break spaces included).
        pos += 1;
      } else {
        throw fail("'" + lit + "'");
      }
    }

    private int digits(int min, int max, String spec) {
      int start = pos;
      int v = 0;
      while (pos < s.length() && pos - start < max && isDigit(s.charAt(pos))) {
        v = v * 10 + (s.charAt(pos) - '0');
        pos++;
      }
      if (pos - start < min) {
        pos = start;
        throw fail(min == max ? min + " digit" + (min == 1 ? "" : "s") + " (" + spec + ")"
            : min + " to " + max + " digits (" + spec + ")");
      }
      return v;
    }

    private void fraction(int min, int max, String spec) {
      int start = pos;
      int v = 0;
      while (pos < s.length() && pos - start < max && isDigit(s.charAt(pos))) {
        v = v * 10 + (s.charAt(pos) - '0');
        pos++;
      }
      int len = pos - start;
      if (len < min) {
        pos = start;
        throw fail(min + " fraction digits (" + spec + ")");
      }
      for (int i = len; i < 9; i++) {
        v *= 10;
      }
      nanos = v;
    }

    private int name(String what, String[] names, String[] alternatives) {
      int best = -1;
      int bestLen = 0;
      for (String[] list : new String[][] {names, alternatives}) {
        for (int i = 0; i < list.length; i++) {
          String candidate = list[i];
          if (candidate.length() > bestLen
              && s.regionMatches(true, pos, candidate, 0, candidate.length())) {
            best = i;
            bestLen = candidate.length();
          }
        }
      }
      if (best < 0) {
        throw fail(what);
      }
      pos += bestLen;
      return best;
    }

    private void designator(int n) {
      String[][] choices = {
        {culture.am, culture.pm}, {"AM", "PM"}
      };
      for (String[] pair : choices) {
        for (int i = 0; i < 2; i++) {
          String d = pair[i];
          if (d.isEmpty()) {
            continue;
          }
          String want = n == 1 ? d.substring(0, 1) : d;
          if (s.regionMatches(true, pos, want, 0, want.length())) {
            pos += want.length();
            ampm = i;
            return;
          }
        }
      }
      throw fail(n == 1 ? "A or P (t)" : "AM or PM (tt)");
    }

    private void zone(int n) {
      if (pos >= s.length() || (s.charAt(pos) != '+' && s.charAt(pos) != '-')) {
        throw fail("an offset sign + or -");
      }
      int sign = s.charAt(pos) == '-' ? -1 : 1;
      pos++;
      int hours = digits(n == 1 ? 1 : 2, 2, n == 1 ? "z" : "zz");
      int minutes = 0;
      if (n >= 3) {
        literal(culture.timeSeparator);
        minutes = digits(2, 2, "zzz");
      } else if (s.startsWith(culture.timeSeparator, pos)) {
        pos += culture.timeSeparator.length();
        minutes = digits(2, 2, "z");
      }
      try {
        offset = ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
      } catch (DateTimeException e) {
        throw error("offset out of range: " + e.getMessage(), pos);
      }
    }

    private boolean matchIgnoreCase(String text) {
      if (s.regionMatches(true, pos, text, 0, text.length())) {
        pos += text.length();
        return true;
      }
      return false;
    }

    private DateTimeParseException fail(String expected) {
      String found = pos >= s.length() ? "the end of the text"
          : "'" + s.substring(pos, Math.min(s.length(), pos + 10)) + "'";
      return error("expected " + expected + " at position " + (pos + 1) + ", found " + found, pos);
    }

    private DateTimeParseException error(String what, int at) {
      return new DateTimeParseException(
          "does not match the .NET format '" + pattern + "' (culture " + culture.displayName()
              + "): " + what, s, at);
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  @Override
  public String toString() {
    return pattern + " (" + culture.displayName() + ")";
  }
}
