package io.adfbeam.formats.rows;

import java.io.IOException;

/**
 * A row that cannot be read or converted: where it is, which column (when one is to blame), why,
 * and whether reading can go on after it (ADF's incompatible rows can be skipped; a broken file
 * cannot). The message reads {@code SOURCE:POSITION: column 'C': REASON}.
 */
public class BadRowException extends IOException {
  private final String source;
  private final String position;
  private final String column;
  private final String reason;
  private final boolean rowSkippable;
  private final String rowText;

  public BadRowException(String source, String position, String column, String reason,
      boolean rowSkippable, String rowText) {
    super(source + ":" + position.replace("line ", "") + ": "
        + (column == null ? "" : "column '" + column + "': ") + reason);
    this.source = source;
    this.position = position;
    this.column = column;
    this.reason = reason;
    this.rowSkippable = rowSkippable;
    this.rowText = rowText;
  }

  public String source() {
    return source;
  }

  public String position() {
    return position;
  }

  public String column() {
    return column;
  }

  public String reason() {
    return reason;
  }

  /** Whether the reader can continue with the next row. */
  public boolean isRowSkippable() {
    return rowSkippable;
  }

  /** The row as it was in the file, when there is a textual form (for redirected-row logs). */
  public String rowText() {
    return rowText;
  }
}
