package io.adfbeam.transforms.copy;

import io.adfbeam.formats.columnar.ColumnarFormat;
import io.adfbeam.formats.columnar.SeekableInput;
import io.adfbeam.formats.columnar.Split;
import io.adfbeam.formats.json.JsonRowReader;
import io.adfbeam.formats.json.JsonRowWriter;
import io.adfbeam.formats.rows.RowReader;
import io.adfbeam.formats.rows.RowSchema;
import io.adfbeam.formats.rows.RowWriter;
import io.adfbeam.formats.text.TypedTextReader;
import io.adfbeam.formats.text.TypedTextWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Opens the row reader and writer of a dataset format: text and JSON over (decompressed) streams,
 * Avro, ORC and Parquet over seekable files. Shared by {@link CopyFiles} and the row-level API
 * ({@code io.adfbeam.transforms.rows.AdfRowIO}).
 */
public final class RowCodecs {
  private RowCodecs() {}

  /** Whether rows of this format are read from a stream (not from a seekable file). */
  public static boolean streams(DataFormat format) {
    return format instanceof DataFormat.Text || format instanceof DataFormat.Json;
  }

  /**
   * The reader of a text or JSON stream.
   *
   * @param structure the declared columns, or null to take them from the stream
   * @param source the file's name, for messages
   */
  public static RowReader reader(DataFormat format, InputStream in, RowSchema structure, String source)
      throws IOException {
    if (format instanceof DataFormat.Text t) {
      return new TypedTextReader(in, t.options(), structure, source);
    }
    if (format instanceof DataFormat.Json j) {
      return new JsonRowReader(in, j.options(), structure, source);
    }
    throw new IllegalArgumentException(format.adfName() + " is read from a file, not a stream");
  }

  /** The reader of a columnar format over a seekable file. */
  public static RowReader reader(DataFormat format, SeekableInput in) throws IOException {
    return columnar(format).reader(in);
  }

  /** The reader of the units of a columnar file that start in {@code split}. */
  public static RowReader reader(DataFormat format, SeekableInput in, Split split)
      throws IOException {
    return columnar(format).reader(in, split);
  }

  /** A writer of rows of {@code schema} in {@code format}; {@code name} is the file's name. */
  public static RowWriter writer(DataFormat format, OutputStream out, RowSchema schema, String name)
      throws IOException {
    if (format instanceof DataFormat.Text t) {
      return new TypedTextWriter(out, t.options(), schema);
    }
    if (format instanceof DataFormat.Json j) {
      return new JsonRowWriter(out, j.options(), schema);
    }
    return columnar(format).writer(out, schema, name);
  }

  /** The columnar format of Avro, ORC and Parquet. */
  public static ColumnarFormat columnar(DataFormat format) {
    if (format instanceof DataFormat.Avro) {
      return ColumnarFormat.AVRO;
    }
    if (format instanceof DataFormat.Orc) {
      return ColumnarFormat.ORC;
    }
    if (format instanceof DataFormat.Parquet) {
      return ColumnarFormat.PARQUET;
    }
    throw new IllegalArgumentException(format.adfName() + " is not a columnar format");
  }
}
