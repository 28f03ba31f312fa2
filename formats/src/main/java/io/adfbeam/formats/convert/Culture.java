package io.adfbeam.formats.convert;

import java.io.Serializable;
import java.text.DateFormatSymbols;
import java.text.DecimalFormatSymbols;
import java.time.DayOfWeek;
import java.time.Month;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The parts of a .NET culture ({@code en-us}, {@code de-de}, {@code fr-fr}) that parsing and
 * printing values needs, taken from the matching {@link Locale}'s CLDR data: the decimal and group
 * separators, the date and time separators that {@code /} and {@code :} stand for in a .NET format,
 * the order of day, month and year in numeric dates, month and day names and the AM/PM designators.
 * No culture (null, empty or {@code invariant}) is .NET's invariant culture: English names, {@code
 * .} and {@code ,}, {@code /} and {@code :}, month/day/year.
 */
final class Culture implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The order of the parts of a numeric date. */
  enum DateOrder {
    MDY("MM/dd/yyyy"),
    DMY("dd/MM/yyyy"),
    YMD("yyyy/MM/dd");

    final String example;

    DateOrder(String example) {
      this.example = example;
    }
  }

  private static final Set<String> LANGUAGES =
      Arrays.stream(Locale.getAvailableLocales())
          .map(Locale::getLanguage)
          .filter(l -> !l.isEmpty())
          .collect(Collectors.toUnmodifiableSet());
  private static final Map<String, Culture> CACHE = new ConcurrentHashMap<>();

  static final Culture INVARIANT = new Culture("", Locale.US, true);

  final String name;
  final char decimalSeparator;
  /** The characters read as group separators (the locale's, plus the other spaces for spaces). */
  final String groupSeparators;
  final char minusSign;
  final String dateSeparator;
  final String timeSeparator;
  final String am;
  final String pm;
  final DateOrder dateOrder;
  final String[] monthsFull = new String[12];
  final String[] monthsShort = new String[12];
  final String[] monthsFullStandalone = new String[12];
  final String[] monthsShortStandalone = new String[12];
  final String[] daysFull = new String[7];
  final String[] daysShort = new String[7];

  private Culture(String name, Locale locale, boolean invariant) {
    this.name = name;
    DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
    decimalSeparator = invariant ? '.' : symbols.getDecimalSeparator();
    char group = invariant ? ',' : symbols.getGroupingSeparator();
    groupSeparators =
        Character.isSpaceChar(group) ? " \u00a0\u202f" : String.valueOf(group);
    minusSign = symbols.getMinusSign();
    String datePattern =
        DateTimeFormatterBuilder.getLocalizedDateTimePattern(
            FormatStyle.SHORT, null, IsoChronology.INSTANCE, locale);
    String timePattern =
        DateTimeFormatterBuilder.getLocalizedDateTimePattern(
            null, FormatStyle.SHORT, IsoChronology.INSTANCE, locale);
    dateSeparator = invariant ? "/" : separator(datePattern, "/");
    timeSeparator = invariant ? ":" : separator(timePattern, ":");
    int y = datePattern.indexOf('y');
    int m = datePattern.indexOf('M');
    int d = datePattern.indexOf('d');
    dateOrder =
        invariant || y < 0 || m < 0 || d < 0
            ? DateOrder.MDY
            : y < m && y < d ? DateOrder.YMD : d < m ? DateOrder.DMY : DateOrder.MDY;
    String[] ampm = DateFormatSymbols.getInstance(locale).getAmPmStrings();
    am = invariant ? "AM" : ampm[0];
    pm = invariant ? "PM" : ampm[1];
    for (Month month : Month.values()) {
      int i = month.ordinal();
      monthsFull[i] = month.getDisplayName(TextStyle.FULL, locale);
      monthsShort[i] = month.getDisplayName(TextStyle.SHORT, locale);
      monthsFullStandalone[i] = month.getDisplayName(TextStyle.FULL_STANDALONE, locale);
      monthsShortStandalone[i] = month.getDisplayName(TextStyle.SHORT_STANDALONE, locale);
    }
    for (DayOfWeek day : DayOfWeek.values()) {
      daysFull[day.ordinal()] = day.getDisplayName(TextStyle.FULL, locale);
      daysShort[day.ordinal()] = day.getDisplayName(TextStyle.SHORT, locale);
    }
  }

  /** The first separator character in a localized pattern, or {@code fallback}. */
  private static String separator(String pattern, String fallback) {
    boolean quoted = false;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      } else if (!quoted && !Character.isLetter(c) && !Character.isWhitespace(c)) {
        return String.valueOf(c);
      }
    }
    return fallback;
  }

  /**
   * The culture for a .NET culture name such as {@code en-us} or {@code de-DE} (case and {@code _}
   * or {@code -} do not matter); null, empty or {@code invariant} give the invariant culture.
   *
   * @throws IllegalArgumentException if the name is not a culture this JVM knows
   */
  static Culture of(String name) {
    if (name == null || name.isBlank() || name.trim().equalsIgnoreCase("invariant")) {
      return INVARIANT;
    }
    String key = name.trim().replace('_', '-').toLowerCase(Locale.ROOT);
    return CACHE.computeIfAbsent(
        key,
        k -> {
          Locale locale = Locale.forLanguageTag(k);
          if (locale.getLanguage().isEmpty() || !LANGUAGES.contains(locale.getLanguage())) {
            throw new IllegalArgumentException(
                "unknown culture '" + name + "'; use a .NET culture name such as en-us or de-de");
          }
          return new Culture(name.trim(), locale, false);
        });
  }

  /** The name for messages: the culture as given, or {@code invariant}. */
  String displayName() {
    return name.isEmpty() ? "invariant" : name;
  }
}
