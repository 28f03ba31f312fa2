package io.adfbeam.formats.rows;

import java.io.Closeable;
import java.io.IOException;

/**
 * Reads rows of typed values from one file (or one split of it). Each value is null or of the
 * Java class {@link AdfValues#javaClass} gives for its column's type.
 */
public interface RowReader extends Closeable {

  /** The columns of the rows, known once the reader is open. */
  RowSchema schema();

  /**
   * The next row, or null at the end.
   *
   * @throws BadRowException for a row that cannot be read or converted; when {@link
   *     BadRowException#isRowSkippable()}, the reader can go on with the next row
   */
  Object[] next() throws IOException;

  /** Where the row just returned came from, for messages: "line 12", "record 7", "row 3". */
  String position();
}
