package io.adfbeam.formats.text;

import io.adfbeam.formats.convert.ConversionException;
import io.adfbeam.formats.convert.ValueConverter;
import io.adfbeam.formats.rows.BadRowException;
import io.adfbeam.formats.rows.RowSchema;
import io.adfbeam.formats.rows.RowWriter;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes typed rows as delimited text: each value is printed with {@link ValueConverter#format}
 * for its column (the invariant text of its type, or the column's .NET format and culture when
 * given), null as the options' null value, through a {@link TextRowWriter}. With {@code
 * firstRowAsHeader} the header holds the schema's names.
 *
 * <p>A value of another class than its column's type is converted first; one that does not convert
 * fails the row with a skippable {@link BadRowException} and nothing of it is written.
 */
public final class TypedTextWriter implements RowWriter {
  private final TextRowWriter writer;
  private final RowSchema schema;
  private final ValueConverter[] converters;
  private long rows;

  /**
   * A writer of rows of {@code schema}; closing it closes {@code out}.
   *
   * @throws IllegalArgumentException if the options are inconsistent, or a column's culture or
   *     format is invalid
   */
  public TypedTextWriter(OutputStream out, TextFormatOptions options, RowSchema schema)
      throws IOException {
    this.schema = schema;
    converters = new ValueConverter[schema.size()];
    for (int i = 0; i < converters.length; i++) {
      converters[i] = ValueConverter.of(schema.field(i));
    }
    writer = new TextRowWriter(out, options, schema.names());
  }

  /**
   * Writes one row.
   *
   * @throws IllegalArgumentException if the row has another length than the schema, or holds text
   *     the options cannot write (see {@link TextRowWriter})
   * @throws BadRowException (skippable) if a value does not convert to its column's type
   */
  @Override
  public void write(Object[] row) throws IOException {
    if (row.length != converters.length) {
      throw new IllegalArgumentException(
          "row has " + row.length + " values, the schema " + converters.length + " columns");
    }
    String[] fields = new String[row.length];
    for (int i = 0; i < row.length; i++) {
      try {
        fields[i] = converters[i].format(row[i]);
      } catch (ConversionException e) {
        throw new BadRowException("output", "row " + (rows + 1), schema.field(i).name(),
            e.getMessage(), true, null);
      }
    }
    writer.write(fields);
    rows++;
  }

  @Override
  public void close() throws IOException {
    writer.close();
  }
}
