package io.adfbeam.formats.rows;

import io.adfbeam.formats.AdfType;
import java.io.Serializable;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.IntStream;

/** The columns of a row, in order. Names are matched ignoring case, as ADF does. */
public record RowSchema(List<Field> fields) implements Serializable {

  public RowSchema {
    fields = List.copyOf(fields);
  }

  public static RowSchema of(Field... fields) {
    return new RowSchema(List.of(fields));
  }

  /** A schema of String columns with the given names (text without a structure). */
  public static RowSchema strings(List<String> names) {
    return new RowSchema(names.stream().map(n -> Field.of(n, AdfType.STRING)).toList());
  }

  public int size() {
    return fields.size();
  }

  public Field field(int index) {
    return fields.get(index);
  }

  public List<String> names() {
    return fields.stream().map(Field::name).toList();
  }

  /** The index of the column named {@code name}, ignoring case. */
  public OptionalInt indexOf(String name) {
    return IntStream.range(0, fields.size())
        .filter(i -> fields.get(i).name().equalsIgnoreCase(name))
        .findFirst();
  }
}
