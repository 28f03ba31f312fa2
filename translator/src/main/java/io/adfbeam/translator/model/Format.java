package io.adfbeam.translator.model;

import io.adfbeam.translator.json.SourceLocation;
import java.util.Map;
import java.util.Optional;

/** A dataset's file format. Absent on both sides of a copy means a binary copy. */
public sealed interface Format {

  SourceLocation location();

  /** The format's ADF type name. */
  String typeName();

  /**
   * Delimited text (v1 {@code TextFormat}, v2 {@code DelimitedText}). Unset properties take ADF's
   * defaults where they are read.
   */
  record TextFormat(
      Optional<String> columnDelimiter,
      Optional<String> rowDelimiter,
      Optional<String> escapeChar,
      Optional<String> quoteChar,
      Optional<String> nullValue,
      Optional<String> encodingName,
      boolean firstRowAsHeader,
      int skipLineCount,
      boolean treatEmptyAsNull,
      SourceLocation location)
      implements Format {
    @Override
    public String typeName() {
      return "TextFormat";
    }
  }

  /** JSON documents (v1 {@code JsonFormat}, v2 {@code Json}). */
  record JsonFormat(
      JsonFilePattern filePattern,
      Optional<String> encodingName,
      Optional<String> nestingSeparator,
      Optional<String> jsonNodeReference,
      Map<String, String> jsonPathDefinition,
      SourceLocation location)
      implements Format {
    public JsonFormat {
      // Column order matters: the paths define the columns in the order written.
      jsonPathDefinition = java.util.Collections.unmodifiableMap(
          new java.util.LinkedHashMap<>(jsonPathDefinition));
    }

    @Override
    public String typeName() {
      return "JsonFormat";
    }
  }

  record AvroFormat(SourceLocation location) implements Format {
    @Override
    public String typeName() {
      return "AvroFormat";
    }
  }

  record OrcFormat(SourceLocation location) implements Format {
    @Override
    public String typeName() {
      return "OrcFormat";
    }
  }

  record ParquetFormat(SourceLocation location) implements Format {
    @Override
    public String typeName() {
      return "ParquetFormat";
    }
  }

  /** How JSON objects are laid out in a file. */
  enum JsonFilePattern implements AdfEnum {
    SET_OF_OBJECTS("setOfObjects"),
    ARRAY_OF_OBJECTS("arrayOfObjects");

    private final String adfName;

    JsonFilePattern(String adfName) {
      this.adfName = adfName;
    }

    @Override
    public String adfName() {
      return adfName;
    }
  }
}
