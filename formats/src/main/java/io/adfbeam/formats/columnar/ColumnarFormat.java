package io.adfbeam.formats.columnar;

import io.adfbeam.formats.rows.RowReader;
import io.adfbeam.formats.rows.RowSchema;
import io.adfbeam.formats.rows.RowWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.avro.file.DataFileConstants;

/** The three columnar formats behind one switch: readers, writers with ADF's defaults, splits. */
public enum ColumnarFormat {
  AVRO("Avro", ".avro"),
  ORC("Orc", ".orc"),
  PARQUET("Parquet", ".parquet");

  private final String adfName;
  private final String extension;

  ColumnarFormat(String adfName, String extension) {
    this.adfName = adfName;
    this.extension = extension;
  }

  /** The name in ADF's {@code format.type}, without the {@code Format} suffix. */
  public String adfName() {
    return adfName;
  }

  /** The usual file extension, with its dot. */
  public String extension() {
    return extension;
  }

  /** A reader of the whole file. */
  public RowReader reader(SeekableInput in) throws IOException {
    return reader(in, null);
  }

  /** A reader of the units that start in {@code split} (the whole file when null). */
  public RowReader reader(SeekableInput in, Split split) throws IOException {
    return switch (this) {
      case AVRO -> new AvroRowReader(in, split);
      case ORC -> new OrcRowReader(in, split);
      case PARQUET -> new ParquetRowReader(in, split);
    };
  }

  /** A writer with ADF's defaults: Avro uncompressed, ORC ZLIB, Parquet SNAPPY. */
  public RowWriter writer(OutputStream out, RowSchema schema, String name) throws IOException {
    return switch (this) {
      case AVRO -> new AvroRowWriter(out, schema, name);
      case ORC -> new OrcRowWriter(out, schema, name);
      case PARQUET -> new ParquetRowWriter(out, schema, name);
    };
  }

  /**
   * A writer with ADF's defaults and units (Avro blocks, ORC stripes, Parquet row groups) of about
   * {@code unitBytes}.
   */
  public RowWriter writer(OutputStream out, RowSchema schema, String name, long unitBytes)
      throws IOException {
    return switch (this) {
      case AVRO -> new AvroRowWriter(out, schema, name, DataFileConstants.NULL_CODEC,
          (int) Math.min(Integer.MAX_VALUE, unitBytes));
      case ORC -> new OrcRowWriter(out, schema, name, unitBytes);
      case PARQUET -> new ParquetRowWriter(out, schema, name, unitBytes);
    };
  }

  /**
   * Writes to {@code out} one file holding the rows of {@code parts} in order: files of this
   * format with one schema (as a writer writes the splits of one source), joined unit by unit
   * without decoding (see {@link ColumnarJoin}). Closes {@code out} (each format's writer closes
   * it when it ends the file).
   *
   * @param name the joined file's name, for messages
   * @throws IOException if a part cannot be read, or the parts' schemas or codecs differ
   */
  public void join(List<SeekableInput> parts, OutputStream out, String name) throws IOException {
    if (parts.isEmpty()) {
      out.close();
      throw new IllegalArgumentException("nothing to join into " + name);
    }
    try {
      switch (this) {
        case AVRO -> ColumnarJoin.avro(parts, out);
        case ORC -> ColumnarJoin.orc(parts, out, name);
        case PARQUET -> ColumnarJoin.parquet(parts, out, name);
      }
    } catch (IOException | RuntimeException e) {
      try {
        out.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /**
   * One split per unit (Avro block, ORC stripe, Parquet row group), covering the whole file; a file
   * without rows has one split of 0 rows.
   */
  public List<Split> splits(SeekableInput in) throws IOException {
    return switch (this) {
      case AVRO -> AvroRowReader.splits(in);
      case ORC -> OrcRowReader.splits(in);
      case PARQUET -> ParquetRowReader.splits(in);
    };
  }
}
