package io.adfbeam.formats.rows;

import java.io.Closeable;
import java.io.IOException;

/**
 * Writes rows of typed values (see {@link AdfValues}) in one file format. Closing finishes the
 * file (footers, indexes) and closes the stream it writes to.
 */
public interface RowWriter extends Closeable {
  void write(Object[] row) throws IOException;
}
