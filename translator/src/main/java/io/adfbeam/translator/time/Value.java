package io.adfbeam.translator.time;

import java.time.LocalDateTime;
import java.util.Objects;

/** The result of an ADF v1 expression ({@link V1Expressions}): a date-time, integer or string. */
public sealed interface Value {

  /**
   * The value as text, as it is substituted into a property: a date-time as ISO 8601 UTC ({@link
   * AdfDateTimes#format}), an integer in decimal, a string as is.
   *
   * @return the text
   */
  String asText();

  /**
   * A UTC date-time.
   *
   * @param value the date-time
   */
  record DateTimeValue(LocalDateTime value) implements Value {
    /**
     * Checks the value is present.
     *
     * @param value the date-time
     */
    public DateTimeValue {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String asText() {
      return AdfDateTimes.format(value);
    }
  }

  /**
   * An integer (a .NET {@code int} or {@code long}).
   *
   * @param value the integer
   */
  record IntegerValue(long value) implements Value {
    @Override
    public String asText() {
      return Long.toString(value);
    }
  }

  /**
   * A string.
   *
   * @param value the string
   */
  record StringValue(String value) implements Value {
    /**
     * Checks the value is present.
     *
     * @param value the string
     */
    public StringValue {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String asText() {
      return value;
    }
  }
}
