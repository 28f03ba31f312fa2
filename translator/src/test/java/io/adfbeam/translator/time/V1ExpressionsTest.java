package io.adfbeam.translator.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adfbeam.translator.time.Value.DateTimeValue;
import io.adfbeam.translator.time.Value.IntegerValue;
import io.adfbeam.translator.time.Value.StringValue;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class V1ExpressionsTest {

  /** Sunday 15 Sep 2013 05:10:23 PM, the date of Microsoft's examples. */
  private static final LocalDateTime START = LocalDateTime.of(2013, 9, 15, 17, 10, 23);

  private static final SliceVariables VARS = new SliceVariables(
      START, START.plusHours(1), START.minusHours(5), START.plusHours(2));

  private static Value eval(String expression) {
    return V1Expressions.evaluate(expression, VARS);
  }

  private static LocalDateTime at(String expression, LocalDateTime sliceStart) {
    Value v = V1Expressions.evaluate(expression, SliceVariables.ofSlice(sliceStart, sliceStart));
    return ((DateTimeValue) v).value();
  }

  private static LocalDateTime at(String expression) {
    return ((DateTimeValue) eval(expression)).value();
  }

  private static long integer(String expression, LocalDateTime sliceStart) {
    Value v = V1Expressions.evaluate(expression, SliceVariables.ofSlice(sliceStart, sliceStart));
    return ((IntegerValue) v).value();
  }

  private static String text(String expression) {
    return ((StringValue) eval(expression)).value();
  }

  private static String problem(String expression) {
    return V1Expressions.problem(expression).orElseThrow();
  }

  @Test
  void systemVariables() {
    assertThat(eval("SliceStart")).isEqualTo(new DateTimeValue(START));
    assertThat(eval("$$SliceEnd")).isEqualTo(new DateTimeValue(START.plusHours(1)));
    assertThat(eval("  $$ WindowStart ")).isEqualTo(new DateTimeValue(START.minusHours(5)));
    assertThat(eval("windowend")).isEqualTo(new DateTimeValue(START.plusHours(2)));
  }

  @Test
  void literals() {
    assertThat(eval("'abc'")).isEqualTo(new StringValue("abc"));
    assertThat(eval("-42")).isEqualTo(new IntegerValue(-42));
  }

  @Test
  void stringEscapes() {
    assertThat(text("Text.Format('it''s')")).isEqualTo("it's");
    assertThat(text("Text.Format('it\\'s')")).isEqualTo("it's");
    assertThat(text("Text.Format('C:\\dir')")).isEqualTo("C:\\dir");
    assertThat(text("Text.Format('''')")).isEqualTo("'");
    assertThat(text("Text.Format('')")).isEmpty();
  }

  @Test
  void textFormatDocumentationExample() {
    assertThat(text("$$Text.Format('SELECT * FROM MyTable WHERE StartTime = \\'{0:yyyyMMdd-HH}\\'',"
        + " WindowStart)")).isEqualTo("SELECT * FROM MyTable WHERE StartTime = '20130915-12'");
    assertThat(text("$$Text.Format('yearno={0:yyyy}/monthno={0:MM}/dayno={0:dd}/', SliceStart)"))
        .isEqualTo("yearno=2013/monthno=09/dayno=15/");
    assertThat(text("$$Text.Format('{0:yyyy-MM-dd HH:mm:ss}', SliceStart)"))
        .isEqualTo("2013-09-15 17:10:23");
  }

  @Test
  void textFormatKeepsTheSpaceAfterTheColon() {
    assertThat(text("$$Text.Format('RowKey ge \\'{0: yyyy-MM-dd HH:mm:ss}\\'',"
        + " Time.AddHours(SliceStart, -6))")).isEqualTo("RowKey ge ' 2013-09-15 11:10:23'");
  }

  @Test
  void textFormatDefaultsAndBraces() {
    assertThat(text("Text.Format('{0}', SliceStart)")).isEqualTo("09/15/2013 17:10:23");
    assertThat(text("Text.Format('{{{0}}}', Date.Day(SliceStart))")).isEqualTo("{15}");
    assertThat(text("Text.Format('{1}/{0}', 'a', 'b')")).isEqualTo("b/a");
    assertThat(text("Text.Format('{0:yyyy}', 'not a date')")).isEqualTo("not a date");
    assertThat(text("Text.Format('[{0,4}|{0,-4}|{1 , 3:%M}]', Date.Day(SliceStart), SliceStart)"))
        .isEqualTo("[  15|15  |  9]");
  }

  @Test
  void textFormatIntegers() {
    assertThat(text("Text.Format('{0:D3} {0:d} {0:00} {0:#} {0:X} {0:x4}', Date.Day(SliceStart))"))
        .isEqualTo("015 15 15 15 F 000f");
    assertThat(text("Text.Format('{0:N0}|{0:N}|{0:F1}', DateTime.Ticks(DateTime.From('0001-01-01"
        + "T00:16:40')))")).isEqualTo("10,000,000,000|10,000,000,000.00|10000000000.0");
    assertThat(text("Text.Format('{0:D2}', -5)")).isEqualTo("-05");
    assertThat(text("Text.Format('{0:#}', 0)")).isEmpty();
  }

  @Test
  void nestedTextFormat() {
    assertThat(text("Text.Format('{0}/{1}', Text.Format('{0:yyyy}', SliceStart), 'x')"))
        .isEqualTo("2013/x");
  }

  @Test
  void addDays() {
    assertThat(at("Date.AddDays(SliceStart, -1)")).isEqualTo(START.minusDays(1));
    assertThat(at("$$Date.AddDays(SliceStart, 2)")).isEqualTo(LocalDateTime.of(2013, 9, 17, 17,
        10, 23));
    assertThat(at("Date.AddDays(SliceStart, 0)")).isEqualTo(START);
  }

  @Test
  void addHoursMinutesSeconds() {
    assertThat(at("$$Date.AddHours(SliceEnd, 2)")).isEqualTo(LocalDateTime.of(2013, 9, 15, 20, 10,
        23));
    assertThat(at("Time.AddHours(SliceStart, -18)")).isEqualTo(LocalDateTime.of(2013, 9, 14, 23,
        10, 23));
    assertThat(at("Time.AddMinutes(SliceStart, 50)")).isEqualTo(LocalDateTime.of(2013, 9, 15, 18,
        0, 23));
    assertThat(at("Date.AddMinutes(SliceStart, -11)")).isEqualTo(START.minusMinutes(11));
    assertThat(at("Time.AddSeconds(SliceStart, 37)")).isEqualTo(LocalDateTime.of(2013, 9, 15, 17,
        11, 0));
  }

  @Test
  void nestedCalls() {
    assertThat(at("Time.AddMinutes(Date.StartOfDay(SliceStart), 30)"))
        .isEqualTo(LocalDateTime.of(2013, 9, 15, 0, 30));
    assertThat(at("date.adddays(DATE.STARTOFMONTH(slicestart), -1)"))
        .isEqualTo(LocalDateTime.of(2013, 8, 31, 0, 0));
  }

  @Test
  void addMonthsClampsToTheEndOfTheMonth() {
    assertThat(at("Date.AddMonths(SliceStart, 1)", LocalDateTime.of(2016, 1, 31, 6, 0)))
        .isEqualTo(LocalDateTime.of(2016, 2, 29, 6, 0));
    assertThat(at("Date.AddMonths(SliceStart, 1)", LocalDateTime.of(2015, 1, 31, 6, 0)))
        .isEqualTo(LocalDateTime.of(2015, 2, 28, 6, 0));
    assertThat(at("Date.AddMonths(SliceStart, -1)", LocalDateTime.of(2013, 3, 31, 0, 0)))
        .isEqualTo(LocalDateTime.of(2013, 2, 28, 0, 0));
    assertThat(at("Date.AddMonths(SliceStart, 1)")).isEqualTo(START.withMonth(10));
    assertThat(at("Date.AddMonths(SliceStart, -1)")).isEqualTo(START.withMonth(8));
  }

  @Test
  void addQuartersWeeksYears() {
    assertThat(at("Date.AddQuarters(SliceStart, 1)")).isEqualTo(START.withMonth(12));
    assertThat(at("Date.AddQuarters(SliceStart, 1)", LocalDateTime.of(2013, 11, 30, 0, 0)))
        .isEqualTo(LocalDateTime.of(2014, 2, 28, 0, 0));
    assertThat(at("Date.AddWeeks(SliceStart, 1)")).isEqualTo(START.withDayOfMonth(22));
    assertThat(at("Date.AddWeeks(SliceStart, -1)")).isEqualTo(START.withDayOfMonth(8));
    assertThat(at("Date.AddYears(SliceStart, -1)")).isEqualTo(START.withYear(2012));
    assertThat(at("Date.AddYears(SliceStart, 1)", LocalDateTime.of(2016, 2, 29, 0, 0)))
        .isEqualTo(LocalDateTime.of(2017, 2, 28, 0, 0));
  }

  @Test
  void dayParts() {
    assertThat(eval("Date.Day(SliceStart)")).isEqualTo(new IntegerValue(15));
    assertThat(eval("Date.DayOfWeek(SliceStart)")).isEqualTo(new IntegerValue(0));
    assertThat(integer("Date.DayOfWeek(SliceStart)", LocalDateTime.of(2013, 9, 21, 0, 0)))
        .isEqualTo(6);
    assertThat(integer("Date.DayOfWeek(SliceStart)", LocalDateTime.of(2013, 9, 16, 0, 0)))
        .isEqualTo(1);
  }

  @Test
  void dayOfYearAndDaysInMonthInLeapYears() {
    assertThat(integer("Date.DayOfYear(SliceStart)", LocalDateTime.of(2015, 12, 1, 0, 0)))
        .isEqualTo(335);
    assertThat(integer("Date.DayOfYear(SliceStart)", LocalDateTime.of(2015, 12, 31, 0, 0)))
        .isEqualTo(365);
    assertThat(integer("Date.DayOfYear(SliceStart)", LocalDateTime.of(2016, 12, 31, 0, 0)))
        .isEqualTo(366);
    assertThat(eval("Date.DaysInMonth(SliceStart)")).isEqualTo(new IntegerValue(30));
    assertThat(integer("Date.DaysInMonth(SliceStart)", LocalDateTime.of(2016, 2, 3, 0, 0)))
        .isEqualTo(29);
    assertThat(integer("Date.DaysInMonth(SliceStart)", LocalDateTime.of(2100, 2, 3, 0, 0)))
        .isEqualTo(28);
  }

  @Test
  void startsAndEnds() {
    assertThat(at("Date.StartOfDay(SliceStart)")).isEqualTo(LocalDateTime.of(2013, 9, 15, 0, 0));
    assertThat(at("Date.EndOfDay(SliceStart)"))
        .isEqualTo(LocalDateTime.of(2013, 9, 15, 23, 59, 59));
    assertThat(at("Date.StartOfMonth(SliceStart)")).isEqualTo(LocalDateTime.of(2013, 9, 1, 0, 0));
    assertThat(at("Date.EndOfMonth(SliceStart)"))
        .isEqualTo(LocalDateTime.of(2013, 9, 30, 23, 59, 59));
    assertThat(at("Date.EndOfMonth(SliceStart)", LocalDateTime.of(2016, 2, 10, 0, 0)))
        .isEqualTo(LocalDateTime.of(2016, 2, 29, 23, 59, 59));
    assertThat(at("Time.StartOfHour(SliceStart)"))
        .isEqualTo(LocalDateTime.of(2013, 9, 15, 17, 0));
  }

  @Test
  void dateTimeFrom() {
    assertThat(at("DateTime.From('2014-06-01T18:00:00Z')"))
        .isEqualTo(LocalDateTime.of(2014, 6, 1, 18, 0));
    assertThat(at("DateTime.From('2014-06-01T18:00:00+05:30')"))
        .isEqualTo(LocalDateTime.of(2014, 6, 1, 12, 30));
    assertThat(at("DateTime.From(SliceStart)")).isEqualTo(LocalDateTime.of(2013, 9, 15, 0, 0));
    assertThatThrownBy(() -> eval("DateTime.From('yesterday')"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("malformed date 'yesterday'")
        .hasMessageContaining("DateTime.From at column 1");
  }

  @Test
  void dateTimeTicks() {
    assertThat(integer("DateTime.Ticks(SliceStart)", LocalDateTime.of(1, 1, 1, 0, 0)))
        .isZero();
    assertThat(integer("DateTime.Ticks(SliceStart)", LocalDateTime.of(1970, 1, 1, 0, 0)))
        .isEqualTo(621_355_968_000_000_000L);
    assertThat(integer("DateTime.Ticks(SliceStart)", LocalDateTime.of(2000, 1, 1, 0, 0, 0, 100)))
        .isEqualTo(630_822_816_000_000_001L);
  }

  @Test
  void asText() {
    assertThat(eval("SliceStart").asText()).isEqualTo("2013-09-15T17:10:23Z");
    assertThat(eval("Date.Day(SliceStart)").asText()).isEqualTo("15");
    assertThat(eval("'x'").asText()).isEqualTo("x");
  }

  @Test
  void isExpression() {
    assertThat(V1Expressions.isExpression("$$Text.Format('{0}', SliceStart)")).isTrue();
    assertThat(V1Expressions.isExpression("  $$SliceStart")).isTrue();
    assertThat(V1Expressions.isExpression("Date.AddDays(SliceStart, -1)")).isFalse();
    assertThat(V1Expressions.isExpression("a $$ b")).isFalse();
    assertThat(V1Expressions.isExpression(null)).isFalse();
  }

  @Test
  void problemAcceptsValidExpressions() {
    assertThat(V1Expressions.problem("$$Text.Format('{0:yyyyMMdd-HH}', WindowStart)")).isEmpty();
    assertThat(V1Expressions.problem("Date.AddDays(SliceStart, -1)")).isEmpty();
    assertThat(V1Expressions.problem("Text.Format(Text.Format('{{0}}'), 1)")).isEmpty();
  }

  @Test
  void unknownFunction() {
    assertThat(problem("$$Date.AddDay(SliceStart, 1)")).startsWith(
        "unknown function 'Date.AddDay' at column 3; known: Date.AddDays, Date.AddHours,");
    assertThat(problem("$$Date.AddDay(SliceStart, 1)")).contains("Text.Format, Time.AddHours");
  }

  @Test
  void unknownVariable() {
    assertThat(problem("$$Text.Format('{0:yyyy}',WindowsStart)")).startsWith(
        "unknown variable 'WindowsStart' at column 26; known: SliceStart, SliceEnd, WindowStart,"
            + " WindowEnd");
  }

  @Test
  void wrongNumberOfArguments() {
    assertThat(problem("Date.AddDays(SliceStart)")).isEqualTo("Date.AddDays at column 1 takes 2"
        + " arguments (X: DateTime, Y: int) but was given 1");
    assertThat(problem("Date.StartOfDay()")).contains("takes 1 argument (X: DateTime)");
    assertThat(problem("Text.Format()")).isEqualTo("Text.Format at column 1 takes at least 1"
        + " argument (format: string, args...) but was given 0");
  }

  @Test
  void wrongArgumentTypes() {
    assertThat(problem("Date.AddDays(SliceStart, '1')")).startsWith(
        "argument 2 of Date.AddDays at column 26 must be an integer but is a string");
    assertThat(problem("Date.AddDays(1, SliceStart)")).startsWith(
        "argument 1 of Date.AddDays at column 14 must be a date-time but is an integer");
    assertThat(problem("Text.Format(SliceStart)")).contains("must be a string");
    assertThat(problem("DateTime.From(1)")).contains("must be a date-time or a string");
  }

  @Test
  void syntaxErrors() {
    assertThat(problem("Date.AddDays(SliceStart, -1")).isEqualTo("expected ',' or ')' at column"
        + " 28 in the arguments of Date.AddDays (column 1) but found the end of the expression");
    assertThat(problem("Text.Format('abc, SliceStart)")).startsWith(
        "unterminated string starting at column 13");
    assertThat(problem("SliceStart SliceEnd")).startsWith(
        "unexpected 'SliceEnd' at column 12 after the complete expression");
    assertThat(problem("Text.Format('{0}', $$SliceStart)")).startsWith(
        "unexpected character '$' at column 20");
    assertThat(problem("Date.AddDays(SliceStart, - 1)")).startsWith("'-' at column 26");
    assertThat(problem("Date.(SliceStart)")).startsWith("expected a name after '.' at column 6");
    assertThat(problem("")).startsWith("expected a function such as");
    assertThat(problem("Date.AddDays(SliceStart, 99999999999999999999)"))
        .contains("too large");
  }

  @Test
  void literalFormatIsChecked() {
    assertThat(problem("Text.Format('{1}', SliceStart)")).isEqualTo("invalid Text.Format format"
        + " '{1}': {1} at position 1 refers to argument 1 but there is 1 argument after the format"
        + " (indexes start at 0) (Text.Format at column 1)");
    assertThat(problem("Text.Format('{0:yyyy\\'MM}', SliceStart)")).contains("unterminated quote");
    assertThat(problem("Text.Format('{0:Q}', Date.Day(SliceStart))"))
        .contains("unsupported integer format 'Q'");
    assertThat(problem("Text.Format('a}b')")).contains("closes no item");
    assertThat(problem("Text.Format('{x}', 1)")).contains("must start with an argument index");
    assertThat(problem("Text.Format('{0', 1)")).contains("is not closed");
  }

  @Test
  void evaluationErrors() {
    assertThatThrownBy(() -> eval("Date.AddYears(SliceStart, 8000)"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Date.AddYears at column 1 gives a date-time outside the .NET DateTime range"
            + " 0001-01-01 to 9999-12-31");
    assertThatThrownBy(() -> eval("Time.AddHours(SliceStart, 9223372036854775807)"))
        .hasMessageContaining("outside the .NET DateTime range");
    assertThatThrownBy(() -> V1Expressions.evaluate("WindowStart",
        new SliceVariables(START, START, null, null)))
        .hasMessage("variable WindowStart at column 1 has no value here");
    assertThatThrownBy(() -> eval("Text.Format(Text.Format('{{0:yyyy\\'}}'), SliceStart)"))
        .hasMessageContaining("unterminated quote");
    assertThatThrownBy(() -> eval("Date.AddDay(SliceStart, 1)"))
        .hasMessageStartingWith("unknown function 'Date.AddDay' at column 1");
  }
}
