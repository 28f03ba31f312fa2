package io.adfbeam.formats.columnar;

import io.adfbeam.formats.AdfType;
import io.adfbeam.formats.rows.BadRowException;
import io.adfbeam.formats.rows.Field;
import io.adfbeam.formats.rows.RowReader;
import io.adfbeam.formats.rows.RowSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hive.ql.exec.vector.BytesColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.ColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.DecimalColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.DoubleColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.LongColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.TimestampColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.VectorizedRowBatch;
import org.apache.orc.OrcFile;
import org.apache.orc.Reader;
import org.apache.orc.RecordReader;
import org.apache.orc.StripeInformation;
import org.apache.orc.TypeDescription;

/**
 * Reads the rows of an ORC file, or of one {@link Split} of it (the stripes that start in the
 * split). ORC's reader reads through a one-file Hadoop file system over the {@link SeekableInput}
 * (no copy to a local file). Timestamps are read in UTC on the proleptic Gregorian calendar. The
 * schema comes from the file: the ADF types in its {@code adf.types} key when adf-beam wrote it,
 * else the mapping in the {@linkplain io.adfbeam.formats.columnar package documentation}. Any
 * codec ORC knows is read. Struct, list, map and union columns throw {@link
 * UnsupportedColumnException} on opening.
 */
public final class OrcRowReader implements RowReader {
  private final String source;
  private final Reader reader;
  private final RecordReader rows;
  private final RowSchema schema;
  private final TypeDescription[] fileTypes;
  private final VectorizedRowBatch batch;
  private int index;
  private long batchFirstRow;
  private long row;

  /** Reads the whole file. */
  public OrcRowReader(SeekableInput in) throws IOException {
    this(in, null);
  }

  /** Reads the stripes starting in {@code split} (the whole file when it is null). */
  public OrcRowReader(SeekableInput in, Split split) throws IOException {
    this.source = in.name();
    this.reader = open(in);
    TypeDescription fileSchema = reader.getSchema();
    String listed = reader.hasMetadataValue(ColumnarValues.ADF_TYPES_KEY)
        ? StandardCharsets.UTF_8.decode(reader.getMetadataValue(ColumnarValues.ADF_TYPES_KEY))
            .toString()
        : null;
    this.schema = adfSchema(source, fileSchema, listed);
    this.fileTypes = fileSchema.getChildren().toArray(TypeDescription[]::new);
    Reader.Options options = reader.options();
    if (split != null) {
      options.range(split.offset(), split.length());
    }
    this.rows = reader.rows(options);
    this.batch = fileSchema.createRowBatch();
  }

  private static Reader open(SeekableInput in) throws IOException {
    Configuration conf = new Configuration(false);
    return OrcFile.createReader(InputFileSystem.PATH,
        OrcFile.readerOptions(conf)
            .filesystem(new InputFileSystem(in, conf))
            .maxLength(in.length())
            .useUTCTimestamp(true)
            .convertToProlepticGregorian(true));
  }

  /** One split per stripe, covering the file from byte 0 to its end. */
  public static List<Split> splits(SeekableInput in) throws IOException {
    try (Reader r = open(in)) {
      List<StripeInformation> stripes = r.getStripes();
      long[] starts = new long[stripes.size()];
      long[] counts = new long[stripes.size()];
      for (int i = 0; i < starts.length; i++) {
        starts[i] = stripes.get(i).getOffset();
        counts[i] = stripes.get(i).getNumberOfRows();
      }
      return Split.fromStarts(starts, counts, in.length());
    }
  }

  /** The ADF schema of an ORC struct schema. */
  static RowSchema adfSchema(String source, TypeDescription file, String adfTypes)
      throws UnsupportedColumnException {
    if (file.getCategory() != TypeDescription.Category.STRUCT) {
      throw new UnsupportedColumnException(source, "",
          "the file's schema is an ORC " + file + ", not a struct of columns");
    }
    List<String> names = file.getFieldNames();
    List<TypeDescription> children = file.getChildren();
    Optional<List<AdfType>> listed = ColumnarValues.parseAdfTypes(adfTypes, names.size());
    List<Field> out = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      TypeDescription t = children.get(i);
      AdfType type = natural(source, names.get(i), t);
      if (listed.isPresent()
          && OrcRowWriter.orcType(listed.get().get(i)).getCategory() == t.getCategory()) {
        type = listed.get().get(i);
      }
      out.add(Field.of(names.get(i), type));
    }
    return new RowSchema(out);
  }

  private static AdfType natural(String source, String column, TypeDescription t)
      throws UnsupportedColumnException {
    return switch (t.getCategory()) {
      case BOOLEAN -> AdfType.BOOLEAN;
      case BYTE, SHORT -> AdfType.INT16;
      case INT -> AdfType.INT32;
      case LONG -> AdfType.INT64;
      case FLOAT -> AdfType.SINGLE;
      case DOUBLE -> AdfType.DOUBLE;
      case DECIMAL -> AdfType.DECIMAL;
      case STRING, VARCHAR, CHAR -> AdfType.STRING;
      case BINARY -> AdfType.BYTE_ARRAY;
      case TIMESTAMP, TIMESTAMP_INSTANT, DATE -> AdfType.DATETIME;
      default -> throw new UnsupportedColumnException(source, column,
          "the ORC " + t + " type is not supported: ADF copies only primitive columns");
    };
  }

  @Override
  public RowSchema schema() {
    return schema;
  }

  @Override
  public Object[] next() throws IOException {
    while (index >= batch.size) {
      batchFirstRow = rows.getRowNumber();
      if (!rows.nextBatch(batch)) {
        return null;
      }
      index = 0;
    }
    int r = index++;
    row = batchFirstRow + r + 1;
    Object[] out = new Object[fileTypes.length];
    BadRowException bad = null;
    for (int c = 0; c < out.length; c++) {
      ColumnVector vec = batch.cols[c];
      int i = vec.isRepeating ? 0 : r;
      if (!vec.noNulls && vec.isNull[i]) {
        continue;
      }
      try {
        out[c] = value(schema.field(c), fileTypes[c], vec, i);
      } catch (BadRowException e) {
        bad = bad == null ? e : bad;
      }
    }
    if (bad != null) {
      throw bad;
    }
    return out;
  }

  private Object value(Field f, TypeDescription t, ColumnVector vec, int i)
      throws BadRowException {
    switch (f.type()) {
      case INT16:
        return (short) ((LongColumnVector) vec).vector[i];
      case INT32:
        return (int) ((LongColumnVector) vec).vector[i];
      case INT64:
        return ((LongColumnVector) vec).vector[i];
      case BOOLEAN:
        return ((LongColumnVector) vec).vector[i] != 0;
      case TIMESPAN:
        return ColumnarValues.fromTicks(((LongColumnVector) vec).vector[i]);
      case SINGLE:
        return (float) ((DoubleColumnVector) vec).vector[i];
      case DOUBLE:
        return ((DoubleColumnVector) vec).vector[i];
      case DECIMAL: {
        DecimalColumnVector d = (DecimalColumnVector) vec;
        return d.vector[i].getHiveDecimal().bigDecimalValue().setScale(d.scale);
      }
      case BYTE_ARRAY: {
        BytesColumnVector b = (BytesColumnVector) vec;
        return Arrays.copyOfRange(b.vector[i], b.start[i], b.start[i] + b.length[i]);
      }
      case STRING:
      case GUID:
      case DATETIMEOFFSET: {
        BytesColumnVector b = (BytesColumnVector) vec;
        String s = new String(b.vector[i], b.start[i], b.length[i], StandardCharsets.UTF_8);
        return f.type() == AdfType.STRING
            ? s : ColumnarValues.parseText(f.type(), s, source, position(), f.name());
      }
      case DATETIME:
        if (t.getCategory() == TypeDescription.Category.DATE) {
          return ColumnarValues.fromDays(((LongColumnVector) vec).vector[i]);
        }
        TimestampColumnVector ts = (TimestampColumnVector) vec;
        return ColumnarValues.fromEpochNanos(Math.floorDiv(ts.time[i], 1000L), ts.nanos[i]);
      default:
        throw new IllegalStateException(f.type().toString());
    }
  }

  /** "row N", counting from 1 at the start of the file. */
  @Override
  public String position() {
    return "row " + row;
  }

  @Override
  public void close() throws IOException {
    try {
      rows.close();
    } finally {
      reader.close();
    }
  }
}
