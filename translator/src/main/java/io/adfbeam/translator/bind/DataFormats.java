package io.adfbeam.translator.bind;

import io.adfbeam.formats.AdfType;
import io.adfbeam.formats.Encodings;
import io.adfbeam.formats.json.JsonFormatOptions;
import io.adfbeam.formats.rows.Field;
import io.adfbeam.formats.rows.RowSchema;
import io.adfbeam.formats.text.TextFormatOptions;
import io.adfbeam.translator.model.Column;
import io.adfbeam.translator.model.Dataset;
import io.adfbeam.translator.model.Format;
import io.adfbeam.transforms.copy.DataFormat;

/**
 * A dataset's format and structure as the copy engine's codec settings: the model's {@link Format}
 * as a {@link DataFormat}, and its {@code structure} as a {@link RowSchema} (a column without a
 * type is a String).
 */
public final class DataFormats {
  private DataFormats() {}

  /** The codec settings of a dataset format. */
  public static DataFormat of(Format format) {
    if (format instanceof Format.TextFormat t) {
      return new DataFormat.Text(text(t));
    }
    if (format instanceof Format.JsonFormat j) {
      return new DataFormat.Json(json(j));
    }
    if (format instanceof Format.AvroFormat) {
      return new DataFormat.Avro();
    }
    if (format instanceof Format.OrcFormat) {
      return new DataFormat.Orc();
    }
    return new DataFormat.Parquet();
  }

  /** The declared structure, or null when the dataset has none (the files say). */
  public static RowSchema structure(Dataset.FileDataset dataset) {
    if (dataset.structure().isEmpty()) {
      return null;
    }
    return new RowSchema(dataset.structure().stream().map(DataFormats::field).toList());
  }

  private static Field field(Column c) {
    return new Field(c.name(), c.type().orElse(AdfType.STRING), c.culture().orElse(null),
        c.format().orElse(null));
  }

  static TextFormatOptions text(Format.TextFormat t) {
    TextFormatOptions o = TextFormatOptions.defaults();
    if (t.columnDelimiter().isPresent() && t.columnDelimiter().get().length() == 1) {
      o = o.withColumnDelimiter(t.columnDelimiter().get().charAt(0));
    }
    if (t.rowDelimiter().isPresent() && t.rowDelimiter().get().length() == 1) {
      o = o.withRowDelimiter(t.rowDelimiter().get().charAt(0));
    }
    if (t.escapeChar().isPresent() && t.escapeChar().get().length() == 1) {
      o = o.withEscapeChar(t.escapeChar().get().charAt(0));
    }
    if (t.quoteChar().isPresent() && t.quoteChar().get().length() == 1) {
      o = o.withQuoteChar(t.quoteChar().get().charAt(0));
    }
    if (t.nullValue().isPresent()) {
      o = o.withNullValue(t.nullValue().get());
    }
    if (t.encodingName().isPresent()) {
      o = o.withEncoding(Encodings.forDotNetName(t.encodingName().get()).orElseThrow());
    }
    return o.withFirstRowAsHeader(t.firstRowAsHeader())
        .withSkipLineCount(t.skipLineCount())
        .withTreatEmptyAsNull(t.treatEmptyAsNull());
  }

  static JsonFormatOptions json(Format.JsonFormat j) {
    JsonFormatOptions o = JsonFormatOptions.defaults().withFilePattern(
        j.filePattern() == Format.JsonFilePattern.ARRAY_OF_OBJECTS
            ? JsonFormatOptions.FilePattern.ARRAY_OF_OBJECTS
            : JsonFormatOptions.FilePattern.SET_OF_OBJECTS);
    if (j.encodingName().isPresent()) {
      o = o.withEncoding(Encodings.forDotNetName(j.encodingName().get()).orElseThrow());
    }
    if (j.nestingSeparator().isPresent()) {
      o = o.withNestingSeparator(j.nestingSeparator().get());
    }
    if (j.jsonNodeReference().isPresent()) {
      o = o.withJsonNodeReference(j.jsonNodeReference().get());
    }
    if (!j.jsonPathDefinition().isEmpty()) {
      o = o.withJsonPathDefinition(j.jsonPathDefinition());
    }
    return o;
  }
}
