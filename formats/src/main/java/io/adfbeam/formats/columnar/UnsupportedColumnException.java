package io.adfbeam.formats.columnar;

import java.io.IOException;

/**
 * A column of a file that ADF cannot copy: records, maps, lists and unions other than {@code
 * [null, T]} (ADF's Avro, ORC and Parquet support covers primitive columns only). The message
 * reads {@code SOURCE: column 'C': REASON}.
 */
public class UnsupportedColumnException extends IOException {
  private final String source;
  private final String column;

  public UnsupportedColumnException(String source, String column, String reason) {
    super(source + ": column '" + column + "': " + reason);
    this.source = source;
    this.column = column;
  }

  public String source() {
    return source;
  }

  public String column() {
    return column;
  }
}
