package io.adfbeam.formats.text;

import io.adfbeam.formats.convert.ConversionException;
import io.adfbeam.formats.convert.ValueConverter;
import io.adfbeam.formats.rows.BadRowException;
import io.adfbeam.formats.rows.RowReader;
import io.adfbeam.formats.rows.RowSchema;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads delimited text as typed rows: a {@link TextRowReader} whose fields are converted per column
 * with {@link ValueConverter} (the column's culture and format apply).
 *
 * <p>The schema is the declared structure when there is one (columns match fields by position, as
 * in ADF); without one, it is the header's names when {@code firstRowAsHeader} is set, or {@code
 * Prop_0}, {@code Prop_1}, ... as many as the first row has fields, all String.
 *
 * <p>A row with another number of fields than the schema has columns, and a field that does not
 * convert, fail with a skippable {@link BadRowException} whose {@link BadRowException#rowText()}
 * is the row's fields joined with the column delimiter (null fields empty); the reader goes on with
 * the next row. Unreadable text (an unterminated quote, undecodable bytes) fails with a
 * non-skippable one.
 */
public final class TypedTextReader implements RowReader {
  private final TextRowReader reader;
  private final RowSchema schema;
  private final ValueConverter[] converters;
  private final char delimiter;
  private String[] pending;
  private long pendingLine;
  private BadRowException pendingFailure;

  /**
   * Opens a reader; reads the skipped lines, the header and, without a structure or header, the
   * first row (to count its columns).
   *
   * @param in the decompressed bytes, closed with this reader
   * @param options the text format
   * @param structure the declared columns, or null to take them from the file
   * @param source the file's name, for messages
   * @throws IllegalArgumentException if the options are inconsistent, or a column's culture or
   *     format is invalid
   * @throws BadRowException if the skipped lines or the header cannot be read (a first row that
   *     cannot be read fails the first {@link #next()})
   */
  public TypedTextReader(
      InputStream in, TextFormatOptions options, RowSchema structure, String source)
      throws IOException {
    delimiter = options.columnDelimiter();
    try {
      reader = new TextRowReader(in, options, source);
    } catch (MalformedRowException e) {
      in.close();
      throw bad(e);
    }
    try {
      if (structure != null) {
        schema = structure;
      } else if (reader.header().isPresent()) {
        schema = RowSchema.strings(Arrays.asList(reader.header().get()));
      } else {
        try {
          pending = readRaw();
          pendingLine = reader.lineNumber();
        } catch (BadRowException e) {
          // thrown from next(), as for any other row; the schema is then empty
          pendingFailure = e;
        }
        int n = pending == null ? 0 : pending.length;
        List<String> names = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          names.add("Prop_" + i);
        }
        schema = RowSchema.strings(names);
      }
      converters = new ValueConverter[schema.size()];
      for (int i = 0; i < converters.length; i++) {
        converters[i] = ValueConverter.of(schema.field(i));
      }
    } catch (IOException | RuntimeException e) {
      reader.close();
      throw e;
    }
  }

  @Override
  public RowSchema schema() {
    return schema;
  }

  /** The raw fields of the next row whatever their count; null at the end. */
  private String[] readRaw() throws IOException {
    try {
      return reader.next();
    } catch (MalformedRowException e) {
      if (e.fields().isPresent()) {
        // TextRowReader checks the count against the first row; here the schema decides.
        return e.fields().get();
      }
      throw bad(e);
    }
  }

  private BadRowException bad(MalformedRowException e) {
    return new BadRowException(e.source(), "line " + e.line(), null, e.reason(),
        e.isRowSkippable(), e.fields().map(this::join).orElse(null));
  }

  @Override
  public Object[] next() throws IOException {
    String[] fields;
    long line;
    if (pendingFailure != null) {
      throw pendingFailure;
    } else if (pending != null) {
      fields = pending;
      line = pendingLine;
      pending = null;
    } else {
      fields = readRaw();
      line = reader.lineNumber();
    }
    if (fields == null) {
      return null;
    }
    if (fields.length != converters.length) {
      throw new BadRowException(reader.source(), "line " + line, null,
          "expected " + converters.length + " columns, found " + fields.length, true,
          join(fields));
    }
    Object[] row = new Object[fields.length];
    for (int i = 0; i < fields.length; i++) {
      try {
        row[i] = converters[i].parse(fields[i]);
      } catch (ConversionException e) {
        throw new BadRowException(reader.source(), "line " + line, schema.field(i).name(),
            e.getMessage(), true, join(fields));
      }
    }
    return row;
  }

  private String join(String[] fields) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        sb.append(delimiter);
      }
      if (fields[i] != null) {
        sb.append(fields[i]);
      }
    }
    return sb.toString();
  }

  /** {@code line N}: the physical line where the row last returned (or failed) starts. */
  @Override
  public String position() {
    return "line " + reader.lineNumber();
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
