package io.adfbeam.transforms.copy;

import io.adfbeam.formats.rows.BadRowException;
import io.adfbeam.formats.text.TextFormatOptions;
import io.adfbeam.formats.text.TextRowWriter;
import java.io.IOException;
import java.util.List;

/**
 * The log of the rows a copy skipped ({@code redirectIncompatibleRowSettings}): one CSV file per
 * worker share of a run, in the run's folder under the redirect path, with a header and for each
 * skipped row its source, position, text, error code and message.
 */
final class BadRowLog implements AutoCloseable {
  static final List<String> HEADER =
      List.of("Source", "Position", "Row", "ErrorCode", "ErrorMessage");

  private final String file;
  private TextRowWriter writer;

  BadRowLog(String file) {
    this.file = file;
  }

  void write(BadRowException e) throws IOException {
    if (writer == null) {
      TextFormatOptions csv = TextFormatOptions.defaults().withQuoteChar('"')
          .withFirstRowAsHeader(true).withNullValue("");
      writer = new TextRowWriter(StoreFiles.create(file), csv, HEADER);
    }
    writer.write(new String[] {e.source(), e.position(), e.rowText() == null ? "" : e.rowText(),
        errorCode(e), e.getMessage()});
  }

  /** ADF-style error codes: a wrong column count, or a value that does not convert. */
  static String errorCode(BadRowException e) {
    return e.column() == null ? "UserErrorInvalidColumnCount" : "UserErrorTypeConversionFailure";
  }

  @Override
  public void close() throws IOException {
    if (writer != null) {
      writer.close();
    }
  }
}
