package io.adfbeam.formats.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adfbeam.formats.AdfType;
import io.adfbeam.formats.rows.Field;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValueConverterTest {
  static final UUID GUID = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");

  static Object parse(String text, AdfType type) throws ConversionException {
    return ValueConverter.of(type).parse(text);
  }

  static Object parse(String text, AdfType type, String culture, String format)
      throws ConversionException {
    return ValueConverter.of(new Field("c", type, culture, format)).parse(text);
  }

  static String message(ThrowingCall call) {
    try {
      call.run();
    } catch (ConversionException e) {
      return e.getMessage();
    }
    throw new AssertionError("no ConversionException");
  }

  interface ThrowingCall {
    void run() throws ConversionException;
  }

  // ---- numbers

  @Test
  void integersFromText() throws Exception {
    assertThat(parse("42", AdfType.INT16)).isEqualTo((short) 42);
    assertThat(parse(" -7 ", AdfType.INT32)).isEqualTo(-7);
    assertThat(parse("+9223372036854775807", AdfType.INT64)).isEqualTo(Long.MAX_VALUE);
    assertThat(parse("12.0", AdfType.INT32)).isEqualTo(12);
    assertThat(parse("1,234,567", AdfType.INT32)).isEqualTo(1_234_567);
    assertThat(parse("1E3", AdfType.INT32)).isEqualTo(1000);
    assertThat(parse("", AdfType.INT32)).isNull();
    assertThat(parse("  ", AdfType.INT64)).isNull();
  }

  @Test
  void plainNumberTextTakesTheFastPathWithTheSameValues() throws Exception {
    assertThat(parse("+42", AdfType.INT64)).isEqualTo(42L);
    assertThat(parse("-0", AdfType.INT32)).isEqualTo(0);
    assertThat(parse("999999999999999999", AdfType.INT64)).isEqualTo(999_999_999_999_999_999L);
    assertThat(parse("9223372036854775807", AdfType.INT64)).isEqualTo(Long.MAX_VALUE);
    assertThat(parse("-32768", AdfType.INT16)).isEqualTo((short) -32768);
    assertThat(message(() -> parse("32768", AdfType.INT16))).contains("out of range");
    assertThat(message(() -> parse("2147483648", AdfType.INT32))).contains("out of range");
    assertThat(parse("12.0", AdfType.INT32)).isEqualTo(12);
    assertThat(parse("-12345.670", AdfType.DECIMAL)).isEqualTo(new BigDecimal("-12345.670"));
    assertThat(parse("+0.5", AdfType.DECIMAL)).isEqualTo(new BigDecimal("0.5"));
    assertThat(parse("5.", AdfType.DECIMAL)).isEqualTo(new BigDecimal("5"));
    assertThat(parse(".5", AdfType.DECIMAL)).isEqualTo(new BigDecimal("0.5"));
    assertThat(ValueConverter.of(new Field("d", AdfType.DECIMAL, "de-de", null)).parse("1.234,5"))
        .isEqualTo(new BigDecimal("1234.5"));
    assertThat(message(() -> parse("12.5", AdfType.DECIMAL, "de-de", null)))
        .contains("not a number");
  }

  @Test
  void integerErrors() {
    assertThat(message(() -> parse("abc", AdfType.INT32)))
        .isEqualTo("cannot convert 'abc' to Int32: not a number");
    assertThat(message(() -> parse("1.5", AdfType.INT32)))
        .isEqualTo("cannot convert '1.5' to Int32: not a whole number");
    assertThat(message(() -> parse("40000", AdfType.INT16)))
        .isEqualTo("cannot convert '40000' to Int16: out of range (-32768 to 32767)");
    assertThat(message(() -> parse("9223372036854775808", AdfType.INT64)))
        .isEqualTo("cannot convert '9223372036854775808' to Int64: out of range"
            + " (-9223372036854775808 to 9223372036854775807)");
    assertThat(message(() -> parse("1,5", AdfType.INT32)))
        .isEqualTo("cannot convert '1,5' to Int32: not a number");
    assertThat(message(() -> parse("0x10", AdfType.INT32)))
        .isEqualTo("cannot convert '0x10' to Int32: not a number");
  }

  @Test
  void numbersNarrowWithOverflowErrors() throws Exception {
    assertThat(ValueConverter.convert(70_000L, AdfType.INT32)).isEqualTo(70_000);
    assertThat(ValueConverter.convert((short) 5, AdfType.INT64)).isEqualTo(5L);
    assertThat(ValueConverter.convert(3.0d, AdfType.INT16)).isEqualTo((short) 3);
    assertThat(ValueConverter.convert(new BigDecimal("-12.000"), AdfType.INT64)).isEqualTo(-12L);
    assertThat(message(() -> ValueConverter.convert(3_000_000_000L, AdfType.INT32)))
        .isEqualTo("cannot convert 3000000000 (Int64) to Int32: out of range"
            + " (-2147483648 to 2147483647)");
    assertThat(message(() -> ValueConverter.convert(2.5d, AdfType.INT64)))
        .isEqualTo("cannot convert 2.5 (Double) to Int64: not a whole number");
    assertThat(message(() -> ValueConverter.convert(Double.NaN, AdfType.INT32)))
        .isEqualTo("cannot convert NaN (Double) to Int32: not a finite number");
    assertThat(message(() -> ValueConverter.convert(1e300, AdfType.SINGLE)))
        .isEqualTo("cannot convert 1E+300 (Double) to Single: out of range for Single");
    assertThat(message(() -> ValueConverter.convert(new BigDecimal("1e400"), AdfType.DOUBLE)))
        .startsWith("cannot convert 1000000000").endsWith("(Decimal) to Double: out of range for"
            + " Double");
  }

  @Test
  void numbersWiden() throws Exception {
    assertThat(ValueConverter.convert(Integer.MAX_VALUE, AdfType.DOUBLE))
        .isEqualTo(2147483647.0d);
    assertThat(ValueConverter.convert(0.1f, AdfType.DECIMAL)).isEqualTo(new BigDecimal("0.1"));
    assertThat(ValueConverter.convert(0.1d, AdfType.DECIMAL)).isEqualTo(new BigDecimal("0.1"));
    assertThat(ValueConverter.convert(0.5f, AdfType.DOUBLE)).isEqualTo(0.5d);
    assertThat(ValueConverter.convert(Long.MAX_VALUE, AdfType.DECIMAL))
        .isEqualTo(new BigDecimal("9223372036854775807"));
    assertThat(ValueConverter.convert(new BigDecimal("1.25"), AdfType.SINGLE)).isEqualTo(1.25f);
    assertThat(ValueConverter.convert(Double.NaN, AdfType.SINGLE)).isEqualTo(Float.NaN);
    assertThat(message(() -> ValueConverter.convert(Double.POSITIVE_INFINITY, AdfType.DECIMAL)))
        .isEqualTo("cannot convert Infinity (Double) to Decimal: Infinity has no Decimal value");
  }

  @Test
  void floatingPointText() throws Exception {
    assertThat(parse("1.5", AdfType.DOUBLE)).isEqualTo(1.5d);
    assertThat(parse("-1.5E-3", AdfType.DOUBLE)).isEqualTo(-0.0015d);
    assertThat(parse("NaN", AdfType.DOUBLE)).isEqualTo(Double.NaN);
    assertThat(parse("-Infinity", AdfType.SINGLE)).isEqualTo(Float.NEGATIVE_INFINITY);
    assertThat(parse("3.4028235E38", AdfType.SINGLE)).isEqualTo(Float.MAX_VALUE);
    assertThat(message(() -> parse("1e39", AdfType.SINGLE)))
        .isEqualTo("cannot convert '1e39' to Single: out of range for Single");
    assertThat(message(() -> parse("1.5d", AdfType.DOUBLE)))
        .isEqualTo("cannot convert '1.5d' to Double: not a number");
  }

  @Test
  void decimalText() throws Exception {
    assertThat(parse("1234.50", AdfType.DECIMAL)).isEqualTo(new BigDecimal("1234.50"));
    assertThat(parse("-0.000000000000000000000000001", AdfType.DECIMAL))
        .isEqualTo(new BigDecimal("-1E-27"));
    assertThat(parse("12345678901234567890.123456789", AdfType.DECIMAL))
        .isEqualTo(new BigDecimal("12345678901234567890.123456789"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "de-de|1.234,56|1234.56",
        "de-de|-0,5|-0.5",
        "de-de|1,5E3|1.5E3",
        "fr-fr|1 234,5|1234.5",
        "fr-fr|1\u00a0234,5|1234.5",
        "fr-fr|1\u202f234,5|1234.5",
        "en-us|1,234.5|1234.5",
        "en-US|0.25|0.25"
      })
  void culturesDecimalSeparators(String culture, String text, String expected) throws Exception {
    assertThat(parse(text, AdfType.DECIMAL, culture, null)).isEqualTo(new BigDecimal(expected));
    assertThat(parse(text, AdfType.DOUBLE, culture, null))
        .isEqualTo(Double.parseDouble(expected));
  }

  @Test
  void cultureRejectsTheOtherSeparator() {
    assertThat(message(() -> parse("1.5", AdfType.DECIMAL, "de-de", null)))
        .isEqualTo("cannot convert '1.5' to Decimal: not a number");
    assertThat(message(() -> parse("1,5", AdfType.DOUBLE, "en-us", null)))
        .isEqualTo("cannot convert '1,5' to Double: not a number");
  }

  @Test
  void cultureFormatsNumbersBack() throws Exception {
    ValueConverter de = ValueConverter.of(new Field("p", AdfType.DECIMAL, "de-de", null));
    assertThat(de.format(new BigDecimal("-1234.50"))).isEqualTo("-1234,50");
    assertThat(de.parse("-1234,50")).isEqualTo(new BigDecimal("-1234.50"));
    ValueConverter deDouble = ValueConverter.of(new Field("p", AdfType.DOUBLE, "de-de", null));
    assertThat(deDouble.format(2.5e-7)).isEqualTo("2,5E-07");
    assertThat(deDouble.parse("2,5E-07")).isEqualTo(2.5e-7);
  }

  @Test
  void unknownCulture() {
    assertThatThrownBy(() -> ValueConverter.of(new Field("c", AdfType.DATETIME, "xx-yy", null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown culture 'xx-yy'; use a .NET culture name such as en-us or de-de");
  }

  // ---- Boolean, Guid, Byte[]

  @Test
  void booleans() throws Exception {
    assertThat(parse("TRUE", AdfType.BOOLEAN)).isEqualTo(true);
    assertThat(parse("false", AdfType.BOOLEAN)).isEqualTo(false);
    assertThat(parse("1", AdfType.BOOLEAN)).isEqualTo(true);
    assertThat(parse(" 0 ", AdfType.BOOLEAN)).isEqualTo(false);
    assertThat(ValueConverter.convert(1L, AdfType.BOOLEAN)).isEqualTo(true);
    assertThat(ValueConverter.convert(new BigDecimal("0.0"), AdfType.BOOLEAN)).isEqualTo(false);
    assertThat(ValueConverter.convert(true, AdfType.INT32)).isEqualTo(1);
    assertThat(ValueConverter.convert(false, AdfType.DECIMAL)).isEqualTo(BigDecimal.ZERO);
    assertThat(ValueConverter.toText(true)).isEqualTo("True");
    assertThat(message(() -> parse("yes", AdfType.BOOLEAN)))
        .isEqualTo("cannot convert 'yes' to Boolean: not a Boolean (true, false, 1 or 0)");
    assertThat(message(() -> ValueConverter.convert(2, AdfType.BOOLEAN)))
        .isEqualTo("cannot convert 2 (Int32) to Boolean: only 1 and 0 convert to Boolean");
  }

  @Test
  void guids() throws Exception {
    assertThat(parse("0F8FAD5B-D9CB-469F-A165-70867728950E", AdfType.GUID)).isEqualTo(GUID);
    assertThat(parse("0f8fad5bd9cb469fa16570867728950e", AdfType.GUID)).isEqualTo(GUID);
    assertThat(parse("{0f8fad5b-d9cb-469f-a165-70867728950e}", AdfType.GUID)).isEqualTo(GUID);
    assertThat(parse("(0f8fad5b-d9cb-469f-a165-70867728950e)", AdfType.GUID)).isEqualTo(GUID);
    assertThat(ValueConverter.toText(GUID)).isEqualTo("0f8fad5b-d9cb-469f-a165-70867728950e");
    assertThat(message(() -> parse("1-2-3-4-5", AdfType.GUID)))
        .isEqualTo("cannot convert '1-2-3-4-5' to Guid: not a GUID"
            + " (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)");
    assertThat(message(() -> ValueConverter.convert(5, AdfType.GUID)))
        .isEqualTo("cannot convert 5 (Int32) to Guid: no conversion from Int32 to Guid");
  }

  @Test
  void bytesAreBase64() throws Exception {
    byte[] bytes = {1, 2, -1, 0};
    assertThat(ValueConverter.toText(bytes)).isEqualTo("AQL/AA==");
    assertThat((byte[]) parse("AQL/AA==", AdfType.BYTE_ARRAY)).containsExactly(bytes);
    assertThat((byte[]) parse("AQL/\r\nAA", AdfType.BYTE_ARRAY)).containsExactly(bytes);
    assertThat(ValueConverter.convert(bytes, AdfType.STRING)).isEqualTo("AQL/AA==");
    assertThat(message(() -> parse("not base64!", AdfType.BYTE_ARRAY)))
        .isEqualTo("cannot convert 'not base64!' to Byte[]: not Base64 text");
  }

  // ---- dates and times

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2014-06-01 18:00:00|2014-06-01T18:00",
        "2014-06-01T18:00:00.1234567|2014-06-01T18:00:00.123456700",
        "2014-06-01T18:00|2014-06-01T18:00",
        "2014-06-01|2014-06-01T00:00",
        "06/01/2014 18:00:00|2014-06-01T18:00",
        "6/1/2014 6:00:00 PM|2014-06-01T18:00",
        "6/1/2014 12:30 AM|2014-06-01T00:30",
        "06/01/2014|2014-06-01T00:00",
        "2014-06-01T18:00:00Z|2014-06-01T18:00",
        "2014-06-01T20:00:00+02:00|2014-06-01T18:00",
        "2014-06-01 17:00:00 -0100|2014-06-01T18:00"
      })
  void datetimeDefaultForms(String text, String expected) throws Exception {
    assertThat(parse(text, AdfType.DATETIME)).isEqualTo(LocalDateTime.parse(expected));
  }

  @Test
  void datetimeDefaultFormsFollowTheCultureOrder() throws Exception {
    assertThat(parse("01/06/2014 18:00", AdfType.DATETIME, "fr-fr", null))
        .isEqualTo(LocalDateTime.of(2014, 6, 1, 18, 0));
    assertThat(parse("01.06.2014", AdfType.DATETIME, "de-de", null))
        .isEqualTo(LocalDateTime.of(2014, 6, 1, 0, 0));
    assertThat(message(() -> parse("13/25/2014", AdfType.DATETIME)))
        .isEqualTo("cannot convert '13/25/2014' to Datetime: not a valid date and time:"
            + " Invalid value for MonthOfYear (valid values 1 - 12): 13");
    assertThat(message(() -> parse("yesterday", AdfType.DATETIME, "fr-fr", null)))
        .isEqualTo("cannot convert 'yesterday' to Datetime: not a date and time (expected"
            + " yyyy-MM-dd HH:mm:ss[.fffffff], ISO 8601 or dd/MM/yyyy HH:mm:ss)");
  }

  @Test
  void datetimeoffsetDefaultForms() throws Exception {
    assertThat(parse("2014-06-01T18:00:00+02:00", AdfType.DATETIMEOFFSET))
        .isEqualTo(OffsetDateTime.of(2014, 6, 1, 18, 0, 0, 0, ZoneOffset.ofHours(2)));
    assertThat(parse("2014-06-01 18:00:00.5 -05:30", AdfType.DATETIMEOFFSET))
        .isEqualTo(OffsetDateTime.of(2014, 6, 1, 18, 0, 0, 500_000_000,
            ZoneOffset.ofHoursMinutes(-5, -30)));
    assertThat(parse("2014-06-01T18:00:00Z", AdfType.DATETIMEOFFSET))
        .isEqualTo(OffsetDateTime.of(2014, 6, 1, 18, 0, 0, 0, ZoneOffset.UTC));
    assertThat(parse("2014-06-01 18:00:00", AdfType.DATETIMEOFFSET))
        .isEqualTo(OffsetDateTime.of(2014, 6, 1, 18, 0, 0, 0, ZoneOffset.UTC));
  }

  @Test
  void datetimeAndDatetimeoffsetConvertThroughUtc() throws Exception {
    OffsetDateTime plus2 = OffsetDateTime.of(2014, 6, 1, 20, 0, 0, 0, ZoneOffset.ofHours(2));
    assertThat(ValueConverter.convert(plus2, AdfType.DATETIME))
        .isEqualTo(LocalDateTime.of(2014, 6, 1, 18, 0));
    assertThat(ValueConverter.convert(LocalDateTime.of(2014, 6, 1, 18, 0), AdfType.DATETIMEOFFSET))
        .isEqualTo(OffsetDateTime.of(2014, 6, 1, 18, 0, 0, 0, ZoneOffset.UTC));
    assertThat(message(() -> ValueConverter.convert(Duration.ZERO, AdfType.DATETIME)))
        .isEqualTo("cannot convert 00:00:00 (Timespan) to Datetime: no conversion from Timespan"
            + " to Datetime");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "MM/dd/yyyy hh:mm tt|en-us|06/01/2014 06:30 PM|2014-06-01T18:30",
        "MM/dd/yyyy hh:mm tt|en-us|06/01/2014 12:05 am|2014-06-01T00:05",
        "MM/dd/yyyy hh:mm tt|en-us|06/01/2014 12:05 PM|2014-06-01T12:05",
        "dd.MM.yyyy|de-de|01.06.2014|2014-06-01T00:00",
        "dd/MM/yyyy|de-de|01.06.2014|2014-06-01T00:00",
        "yyyyMMddHHmmss||20140601180102|2014-06-01T18:01:02",
        "%M/%d/yyyy||6/1/2014|2014-06-01T00:00",
        "%M/%d/yyyy||12/31/2014|2014-12-31T00:00",
        "M/d/yy H:m||6/1/14 7:5|2014-06-01T07:05",
        "M/d/yy||1/2/50|1950-01-02T00:00",
        "yyyy-MM-dd HH:mm:ss.fff||2014-06-01 18:00:00.123|2014-06-01T18:00:00.123",
        "yyyy-MM-dd HH:mm:ss.FFF||2014-06-01 18:00:00.1|2014-06-01T18:00:00.1",
        "yyyy-MM-dd HH:mm:ss.FFF||2014-06-01 18:00:00.|2014-06-01T18:00",
        "yyyy-MM-ddTHH:mm:sszzz||2014-06-01T20:00:00+02:00|2014-06-01T18:00",
        "yyyy-MM-ddTHH:mm:ssK||2014-06-01T18:00:00Z|2014-06-01T18:00",
        "d MMMM yyyy|fr-fr|1 juin 2014|2014-06-01T00:00",
        "dd MMM yyyy|fr-fr|01 juil. 2014|2014-07-01T00:00",
        "dddd d MMMM yyyy|fr-fr|dimanche 1 JUIN 2014|2014-06-01T00:00",
        "d. MMMM yyyy HH:mm|de-de|1. Juni 2014 18:00|2014-06-01T18:00",
        "MMM dd, yyyy|en-us|Jun 01, 2014|2014-06-01T00:00",
        "'Date:' yyyy'-'MM'-'dd||Date: 2014-06-01|2014-06-01T00:00",
        "\\yyyyy\\y||y2014y|2014-01-01T00:00",
        "\"on\" yyyy||on 2014|2014-01-01T00:00",
        "s||2014-06-01T18:00:00|2014-06-01T18:00",
        "o||2014-06-01T18:00:00.1234567Z|2014-06-01T18:00:00.1234567"
      })
  void dotNetFormats(String format, String culture, String text, String expected)
      throws Exception {
    assertThat(parse(text, AdfType.DATETIME, culture, format))
        .isEqualTo(LocalDateTime.parse(expected));
  }

  @Test
  void dotNetFormatErrors() {
    assertThat(message(() -> parse("6/1/2014", AdfType.DATETIME, "en-us", "MM/dd/yyyy")))
        .isEqualTo("cannot convert '6/1/2014' to Datetime: does not match the .NET format"
            + " 'MM/dd/yyyy' (culture en-us): expected 2 digits (MM) at position 1, found"
            + " '6/1/2014'");
    assertThat(message(() -> parse("01/06/2014", AdfType.DATETIME, "de-de", "dd.MM.yyyy")))
        .isEqualTo("cannot convert '01/06/2014' to Datetime: does not match the .NET format"
            + " 'dd.MM.yyyy' (culture de-de): expected '.' at position 3, found '/06/2014'");
    assertThat(message(() -> parse("02/30/2014", AdfType.DATETIME, null, "MM/dd/yyyy")))
        .isEqualTo("cannot convert '02/30/2014' to Datetime: does not match the .NET format"
            + " 'MM/dd/yyyy' (culture invariant): not a valid date and time: Invalid date"
            + " 'FEBRUARY 30'");
    assertThat(message(() -> parse("2014-06-01x", AdfType.DATETIME, null, "yyyy-MM-dd")))
        .isEqualTo("cannot convert '2014-06-01x' to Datetime: does not match the .NET format"
            + " 'yyyy-MM-dd' (culture invariant): expected the end of the text at position 11,"
            + " found 'x'");
    assertThat(message(() -> parse("lundi 1 juin 2014", AdfType.DATETIME, "fr-fr",
        "dddd d MMMM yyyy")))
        .isEqualTo("cannot convert 'lundi 1 juin 2014' to Datetime: does not match the .NET"
            + " format 'dddd d MMMM yyyy' (culture fr-fr): lundi is not the day of the week of"
            + " 2014-06-01");
    assertThat(message(() -> parse("06/01/2014 6:30", AdfType.DATETIME, "en-us",
        "MM/dd/yyyy h:mm tt")))
        .isEqualTo("cannot convert '06/01/2014 6:30' to Datetime: does not match the .NET format"
            + " 'MM/dd/yyyy h:mm tt' (culture en-us): expected ' ' at position 16, found the end"
            + " of the text");
  }

  @Test
  void invalidFormatsFailWhenTheConverterIsMade() {
    assertThatThrownBy(() -> ValueConverter.of(new Field("c", AdfType.DATETIME, null, "q")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid .NET date format 'q': unknown standard format; a one-character"
            + " format must be one of d D f F g G m M o O r R s t T u U y Y (write %q for a single"
            + " custom specifier, \\q for a literal character)");
    assertThatThrownBy(() -> DotNetDateTimeFormat.of("yyyy 'x", null))
        .hasMessage("invalid .NET date format 'yyyy 'x': unterminated quote ' at position 6; close"
            + " the literal text with a matching '");
    assertThatThrownBy(() -> DotNetDateTimeFormat.of("ss.ffffffff", null))
        .hasMessage("invalid .NET date format 'ss.ffffffff': 8 'f' at position 4; at most 7"
            + " fraction digits (fffffff) are allowed");
  }

  @Test
  void datetimeoffsetFormats() throws Exception {
    assertThat(parse("01/06/2014 18:00 +02:00", AdfType.DATETIMEOFFSET, "fr-fr",
        "dd/MM/yyyy HH:mm zzz"))
        .isEqualTo(OffsetDateTime.of(2014, 6, 1, 18, 0, 0, 0, ZoneOffset.ofHours(2)));
    assertThat(parse("2014-06-01 18:00 -5", AdfType.DATETIMEOFFSET, null, "yyyy-MM-dd HH:mm z"))
        .isEqualTo(OffsetDateTime.of(2014, 6, 1, 18, 0, 0, 0, ZoneOffset.ofHours(-5)));
    assertThat(parse("2014-06-01 18:00", AdfType.DATETIMEOFFSET, null, "yyyy-MM-dd HH:mm"))
        .isEqualTo(OffsetDateTime.of(2014, 6, 1, 18, 0, 0, 0, ZoneOffset.UTC));
  }

  @Test
  void formatsPrintWithTheFieldFormat() throws Exception {
    ValueConverter us =
        ValueConverter.of(new Field("d", AdfType.DATETIME, "en-us", "MM/dd/yyyy hh:mm tt"));
    assertThat(us.format(LocalDateTime.of(2014, 6, 1, 18, 30))).isEqualTo("06/01/2014 06:30 PM");
    ValueConverter fr =
        ValueConverter.of(new Field("d", AdfType.DATETIME, "fr-fr", "dddd d MMMM yyyy"));
    assertThat(fr.format(LocalDateTime.of(2014, 6, 1, 0, 0))).isEqualTo("dimanche 1 juin 2014");
    ValueConverter de = ValueConverter.of(new Field("d", AdfType.DATETIME, "de-de", "d/M/yyyy"));
    assertThat(de.format(LocalDateTime.of(2014, 6, 1, 0, 0))).isEqualTo("1.6.2014");
    ValueConverter frac =
        ValueConverter.of(new Field("d", AdfType.DATETIME, null, "HH:mm:ss.FFFFFFF"));
    assertThat(frac.format(LocalDateTime.of(2014, 6, 1, 1, 2, 3))).isEqualTo("01:02:03");
    assertThat(frac.format(LocalDateTime.of(2014, 6, 1, 1, 2, 3, 120_000_000)))
        .isEqualTo("01:02:03.12");
    ValueConverter offset =
        ValueConverter.of(new Field("d", AdfType.DATETIMEOFFSET, null, "yyyy-MM-dd HH:mm zzz"));
    OffsetDateTime t = OffsetDateTime.of(2014, 6, 1, 18, 0, 0, 0, ZoneOffset.ofHours(-3));
    assertThat(offset.format(t)).isEqualTo("2014-06-01 18:00 -03:00");
    assertThat(offset.parse("2014-06-01 18:00 -03:00")).isEqualTo(t);
    ValueConverter noOffset =
        ValueConverter.of(new Field("d", AdfType.DATETIMEOFFSET, null, "yyyy-MM-dd HH:mm"));
    assertThat(noOffset.format(t)).isEqualTo("2014-06-01 21:00");
  }

  @Test
  void invariantDateText() {
    assertThat(ValueConverter.toText(LocalDateTime.of(2014, 6, 1, 18, 0)))
        .isEqualTo("2014-06-01 18:00:00");
    assertThat(ValueConverter.toText(LocalDateTime.of(2014, 6, 1, 18, 0, 0, 123_456_700)))
        .isEqualTo("2014-06-01 18:00:00.1234567");
    assertThat(ValueConverter.toText(LocalDateTime.of(2014, 6, 1, 18, 0, 0, 500_000_000)))
        .isEqualTo("2014-06-01 18:00:00.5");
    assertThat(ValueConverter.toText(LocalDateTime.of(2014, 6, 1, 18, 0, 0, 1)))
        .isEqualTo("2014-06-01 18:00:00.000000001");
    assertThat(ValueConverter.toText(
        OffsetDateTime.of(2014, 6, 1, 18, 0, 0, 0, ZoneOffset.ofHoursMinutes(5, 30))))
        .isEqualTo("2014-06-01 18:00:00 +05:30");
    assertThat(ValueConverter.toIsoText(LocalDateTime.of(2014, 6, 1, 18, 0, 0, 100)))
        .isEqualTo("2014-06-01T18:00:00.0000001");
    assertThat(ValueConverter.toIsoText(
        OffsetDateTime.of(2014, 6, 1, 18, 0, 0, 0, ZoneOffset.UTC)))
        .isEqualTo("2014-06-01T18:00:00+00:00");
  }

  // ---- Timespan

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "01:00:00|PT1H",
        "1.00:00:00|PT24H",
        "24:00:00|PT576H",
        "00:00:30|PT30S",
        "1.02:03:04.5|PT26H3M4.5S",
        "-00:00:01.0000001|PT-1.0000001S",
        "10:20|PT10H20M",
        "3|PT72H",
        "2:01:02:03|PT49H2M3S",
        "00:00:00.123456789|PT0.123456789S"
      })
  void timespans(String text, String expected) throws Exception {
    assertThat(parse(text, AdfType.TIMESPAN)).isEqualTo(Duration.parse(expected));
  }

  @Test
  void timespanText() throws Exception {
    assertThat(ValueConverter.toText(Duration.parse("PT26H3M4.5S")))
        .isEqualTo("1.02:03:04.5000000");
    assertThat(ValueConverter.toText(Duration.ofHours(1))).isEqualTo("01:00:00");
    assertThat(ValueConverter.toText(Duration.ofMillis(-1500))).isEqualTo("-00:00:01.5000000");
    assertThat(ValueConverter.toText(Duration.ofDays(10_000))).isEqualTo("10000.00:00:00");
    assertThat(message(() -> parse("25:61:00", AdfType.TIMESPAN)))
        .isEqualTo("cannot convert '25:61:00' to Timespan: not a .NET TimeSpan"
            + " ([-][d.]hh:mm[:ss[.fffffff]])");
    assertThat(message(() -> parse("1h", AdfType.TIMESPAN)))
        .isEqualTo("cannot convert '1h' to Timespan: not a .NET TimeSpan"
            + " ([-][d.]hh:mm[:ss[.fffffff]])");
  }

  // ---- everything to text and back

  @Test
  void floatingPointTextIsShortestRoundTrip() throws Exception {
    assertThat(ValueConverter.toText(0.1d)).isEqualTo("0.1");
    assertThat(ValueConverter.toText(0.1f)).isEqualTo("0.1");
    assertThat(ValueConverter.toText(1e15)).isEqualTo("1E+15");
    assertThat(ValueConverter.toText(123456789012345.0)).isEqualTo("123456789012345");
    assertThat(ValueConverter.toText(1e-5)).isEqualTo("1E-05");
    assertThat(ValueConverter.toText(0.0001)).isEqualTo("0.0001");
    assertThat(ValueConverter.toText(-1.5e300)).isEqualTo("-1.5E+300");
    assertThat(ValueConverter.toText(1e7f)).isEqualTo("1E+07");
    assertThat(ValueConverter.toText(1234567f)).isEqualTo("1234567");
    assertThat(ValueConverter.toText(-0.0d)).isEqualTo("-0");
    assertThat(ValueConverter.toText(Double.NaN)).isEqualTo("NaN");
    assertThat(ValueConverter.toText(Float.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
    for (double d : new double[] {Math.PI, Double.MIN_VALUE, Double.MAX_VALUE, 1 / 3.0, 5e-324}) {
      assertThat(parse(ValueConverter.toText(d), AdfType.DOUBLE)).isEqualTo(d);
    }
    for (float f : new float[] {(float) Math.PI, Float.MIN_VALUE, Float.MAX_VALUE, 1 / 3f}) {
      assertThat(parse(ValueConverter.toText(f), AdfType.SINGLE)).isEqualTo(f);
    }
  }

  @Test
  void everyTypeRoundTripsThroughText() throws Exception {
    Object[] values = {
      (short) -32768, Integer.MIN_VALUE, Long.MIN_VALUE, 1.17549435E-38f, 4.9e-324d,
      new BigDecimal("-79228162514264337593543950335.0"), new byte[] {0, 1, 2, 3, (byte) 255},
      Boolean.FALSE, "  text with spaces ", GUID, LocalDateTime.of(1, 1, 1, 0, 0),
      OffsetDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_900, ZoneOffset.ofHours(-14)),
      Duration.parse("-PT1000H0.0000001S")
    };
    AdfType[] types = {
      AdfType.INT16, AdfType.INT32, AdfType.INT64, AdfType.SINGLE, AdfType.DOUBLE, AdfType.DECIMAL,
      AdfType.BYTE_ARRAY, AdfType.BOOLEAN, AdfType.STRING, AdfType.GUID, AdfType.DATETIME,
      AdfType.DATETIMEOFFSET, AdfType.TIMESPAN
    };
    for (int i = 0; i < values.length; i++) {
      String text = ValueConverter.of(types[i]).format(values[i]);
      assertThat(ValueConverter.of(types[i]).parse(text)).as(text).isEqualTo(values[i]);
    }
  }

  @Test
  void anythingConvertsToString() throws Exception {
    assertThat(ValueConverter.convert(42L, AdfType.STRING)).isEqualTo("42");
    assertThat(ValueConverter.convert(new BigDecimal("1E+3"), AdfType.STRING)).isEqualTo("1000");
    assertThat(ValueConverter.convert(Duration.ofMinutes(90), AdfType.STRING))
        .isEqualTo("01:30:00");
    assertThat(ValueConverter.convert(GUID, AdfType.STRING))
        .isEqualTo("0f8fad5b-d9cb-469f-a165-70867728950e");
    assertThat(ValueConverter.convert("", AdfType.STRING)).isEqualTo("");
  }

  @Test
  void convertersSerialize() throws Exception {
    ValueConverter c =
        ValueConverter.of(new Field("d", AdfType.DATETIME, "fr-fr", "dd MMMM yyyy HH'h'mm"));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(c);
    }
    ValueConverter back;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      back = (ValueConverter) in.readObject();
    }
    assertThat(back.parse("01 juin 2014 18h05")).isEqualTo(LocalDateTime.of(2014, 6, 1, 18, 5));
    assertThat(back.format(LocalDateTime.of(2014, 8, 15, 9, 0))).isEqualTo("15 août 2014 09h00");
  }
}
