package io.adfbeam.formats.rows;

import io.adfbeam.formats.AdfType;
import java.io.Serializable;
import java.util.Objects;

/**
 * One column of a record schema: its name, its ADF interim type, and for text values the culture
 * and .NET format used to parse and print Datetime and Datetimeoffset values (each may be null:
 * invariant culture, default formats).
 */
public record Field(String name, AdfType type, String culture, String format)
    implements Serializable {

  public Field {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }

  public static Field of(String name, AdfType type) {
    return new Field(name, type, null, null);
  }
}
