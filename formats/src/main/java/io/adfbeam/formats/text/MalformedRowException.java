package io.adfbeam.formats.text;

import java.util.Arrays;
import java.util.Optional;

/**
 * A row of delimited text that cannot be read. The message has the form {@code SOURCE:LINE:
 * REASON}, for example {@code in/data.csv:3: expected 4 columns, found 3}.
 *
 * <p>A wrong column count leaves the reader on the next row, so bad-row handling can log {@link
 * #fields()} and go on; any other failure (an unterminated quote, undecodable bytes) ends the read.
 */
public class MalformedRowException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final long line;
  private final String reason;
  private final String[] fields;

  /** A failure at {@code line} (1-based) of {@code source}. */
  public MalformedRowException(String source, long line, String reason) {
    this(source, line, reason, null);
  }

  /** A failure of a row that was read as {@code fields}. */
  public MalformedRowException(String source, long line, String reason, String[] fields) {
    super(source + ":" + line + ": " + reason);
    this.source = source;
    this.line = line;
    this.reason = reason;
    this.fields = fields == null ? null : fields.clone();
  }

  /** The name of the file or stream, as given to the reader. */
  public String source() {
    return source;
  }

  /** The 1-based physical line where the failing row starts, or where the failure is. */
  public long line() {
    return line;
  }

  /** What is wrong, without the location. */
  public String reason() {
    return reason;
  }

  /** The fields of the row when it could be split (wrong column count); empty otherwise. */
  public Optional<String[]> fields() {
    return Optional.ofNullable(fields).map(f -> Arrays.copyOf(f, f.length));
  }

  /** Whether the reader may go on with the next row after this failure. */
  public boolean isRowSkippable() {
    return fields != null;
  }
}
