package io.adfbeam.formats.convert;

import io.adfbeam.formats.AdfType;

/**
 * A value that cannot be converted to an ADF type. The message reads {@code cannot convert VALUE to
 * TYPE: REASON}, for example {@code cannot convert 'abc' to Int32: not a number}; codecs turn it
 * into a skippable {@link io.adfbeam.formats.rows.BadRowException} naming the column.
 */
public class ConversionException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient Object value;
  private final AdfType target;
  private final String reason;

  /**
   * A failure to convert {@code value} to {@code target}.
   *
   * @param value the value as it was (a String for text), for messages
   * @param target the type asked for
   * @param reason what is wrong, without the value or the type
   */
  public ConversionException(Object value, AdfType target, String reason) {
    super("cannot convert " + ValueConverter.describe(value) + " to " + target.adfName() + ": "
        + reason);
    this.value = value;
    this.target = target;
    this.reason = reason;
  }

  /** The value that could not be converted. */
  public Object value() {
    return value;
  }

  /** The type it was to be converted to. */
  public AdfType target() {
    return target;
  }

  /** What is wrong, without the value or the type. */
  public String reason() {
    return reason;
  }
}
