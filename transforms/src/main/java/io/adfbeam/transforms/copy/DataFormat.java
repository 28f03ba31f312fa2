package io.adfbeam.transforms.copy;

import io.adfbeam.formats.json.JsonFormatOptions;
import io.adfbeam.formats.text.TextFormatOptions;
import java.io.Serializable;

/** A dataset's file format, as the copy engine needs it. No format (null) is a binary copy. */
public sealed interface DataFormat extends Serializable {

  /** ADF's name for the format, for messages. */
  String adfName();

  /** Delimited text. */
  record Text(TextFormatOptions options) implements DataFormat {
    @Override
    public String adfName() {
      return "TextFormat";
    }
  }

  /** JSON documents. */
  record Json(JsonFormatOptions options) implements DataFormat {
    @Override
    public String adfName() {
      return "JsonFormat";
    }
  }

  /** Avro object container files. */
  record Avro() implements DataFormat {
    @Override
    public String adfName() {
      return "AvroFormat";
    }
  }

  /** ORC files. */
  record Orc() implements DataFormat {
    @Override
    public String adfName() {
      return "OrcFormat";
    }
  }

  /** Parquet files. */
  record Parquet() implements DataFormat {
    @Override
    public String adfName() {
      return "ParquetFormat";
    }
  }

  /** Whether the format keeps its own compression inside the file (columnar formats). */
  default boolean columnar() {
    return this instanceof Avro || this instanceof Orc || this instanceof Parquet;
  }
}
