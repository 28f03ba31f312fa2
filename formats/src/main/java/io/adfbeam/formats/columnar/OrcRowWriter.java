package io.adfbeam.formats.columnar;

import io.adfbeam.formats.AdfType;
import io.adfbeam.formats.rows.Field;
import io.adfbeam.formats.rows.RowSchema;
import io.adfbeam.formats.rows.RowWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hive.common.type.HiveDecimal;
import org.apache.hadoop.hive.ql.exec.vector.BytesColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.ColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.DecimalColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.DoubleColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.LongColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.TimestampColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.VectorizedRowBatch;
import org.apache.orc.CompressionKind;
import org.apache.orc.OrcFile;
import org.apache.orc.TypeDescription;
import org.apache.orc.Writer;
import org.apache.orc.impl.PhysicalFsWriter;
import org.apache.orc.impl.writer.WriterEncryptionVariant;

/**
 * Writes rows as an ORC file (ADF {@code OrcFormat}) to a stream, ZLIB-compressed as ADF writes
 * it. ORC's writer is handed the stream directly (no temporary file). The column types are in the
 * {@linkplain io.adfbeam.formats.columnar package documentation}; timestamps are written in UTC
 * with the proleptic Gregorian calendar, and the user metadata key {@code adf.types} lists the ADF
 * types.
 *
 * <p>A row is checked whole before any of it is buffered: a value that does not fit its column
 * throws a skippable {@link io.adfbeam.formats.rows.BadRowException} and the file stays valid.
 */
public final class OrcRowWriter implements RowWriter {
  /** Stripes of 64 MB, ORC's default. */
  public static final long DEFAULT_STRIPE_BYTES = 64L << 20;

  private static final int BATCH = 1024;

  private final Writer writer;
  private final RowSchema schema;
  private final AdfType[] types;
  private final String name;
  private final VectorizedRowBatch batch;
  private long rows;

  /** A writer with 64 MB stripes. */
  public OrcRowWriter(OutputStream out, RowSchema schema, String name) throws IOException {
    this(out, schema, name, DEFAULT_STRIPE_BYTES);
  }

  /**
   * A writer.
   *
   * @param out where the file goes; closed by {@link #close()}
   * @param schema the columns
   * @param name the file's name, for messages
   * @param stripeBytes the target size of a stripe (also the unit of splits)
   */
  public OrcRowWriter(OutputStream out, RowSchema schema, String name, long stripeBytes)
      throws IOException {
    this.schema = schema;
    this.name = name;
    this.types = schema.fields().stream().map(Field::type).toArray(AdfType[]::new);
    TypeDescription orcSchema = orcSchema(schema);
    Configuration conf = new Configuration(false);
    OrcFile.WriterOptions opts =
        OrcFile.writerOptions(conf)
            .setSchema(orcSchema)
            .compress(CompressionKind.ZLIB)
            .stripeSize(stripeBytes)
            .useUTCTimestamp(true)
            .setProlepticGregorian(true);
    try {
      opts.physicalWriter(new PhysicalFsWriter(new FSDataOutputStream(out, null), opts,
          new WriterEncryptionVariant[0]));
      // The path only names the writer to ORC's memory manager: nothing is opened through it.
      this.writer = OrcFile.createWriter(new Path("/adf-beam-stream/" + UUID.randomUUID()), opts);
    } catch (IOException | RuntimeException e) {
      out.close();
      throw e;
    }
    writer.addUserMetadata(ColumnarValues.ADF_TYPES_KEY,
        ByteBuffer.wrap(ColumnarValues.adfTypes(schema).getBytes(StandardCharsets.UTF_8)));
    this.batch = orcSchema.createRowBatch(BATCH);
    for (ColumnVector v : batch.cols) {
      if (v instanceof TimestampColumnVector t) {
        t.setIsUTC(true);
        t.setUsingProlepticCalendar(true);
      }
    }
  }

  /** The ORC schema a RowSchema is written with. */
  public static TypeDescription orcSchema(RowSchema schema) {
    TypeDescription struct = TypeDescription.createStruct();
    for (Field f : schema.fields()) {
      struct.addField(f.name(), orcType(f.type()));
    }
    return struct;
  }

  static TypeDescription orcType(AdfType type) {
    return switch (type) {
      case INT16 -> TypeDescription.createShort();
      case INT32 -> TypeDescription.createInt();
      case INT64, TIMESPAN -> TypeDescription.createLong();
      case SINGLE -> TypeDescription.createFloat();
      case DOUBLE -> TypeDescription.createDouble();
      case DECIMAL -> TypeDescription.createDecimal()
          .withPrecision(ColumnarValues.DECIMAL_PRECISION)
          .withScale(ColumnarValues.DECIMAL_SCALE);
      case BYTE_ARRAY -> TypeDescription.createBinary();
      case BOOLEAN -> TypeDescription.createBoolean();
      case STRING, GUID, DATETIMEOFFSET -> TypeDescription.createString();
      case DATETIME -> TypeDescription.createTimestamp();
    };
  }

  @Override
  public void write(Object[] row) throws IOException {
    ColumnarValues.check(schema, row, name, rows + 1);
    int r = batch.size;
    for (int c = 0; c < types.length; c++) {
      ColumnVector vec = batch.cols[c];
      Object v = row[c];
      if (v == null) {
        vec.noNulls = false;
        vec.isNull[r] = true;
        continue;
      }
      vec.isNull[r] = false;
      switch (types[c]) {
        case INT16 -> ((LongColumnVector) vec).vector[r] = (Short) v;
        case INT32 -> ((LongColumnVector) vec).vector[r] = (Integer) v;
        case INT64 -> ((LongColumnVector) vec).vector[r] = (Long) v;
        case TIMESPAN -> ((LongColumnVector) vec).vector[r] = ColumnarValues.ticks((Duration) v);
        case BOOLEAN -> ((LongColumnVector) vec).vector[r] = (Boolean) v ? 1 : 0;
        case SINGLE -> ((DoubleColumnVector) vec).vector[r] = (Float) v;
        case DOUBLE -> ((DoubleColumnVector) vec).vector[r] = (Double) v;
        case DECIMAL -> ((DecimalColumnVector) vec).vector[r].set(HiveDecimal.create(
            ((BigDecimal) v).setScale(ColumnarValues.DECIMAL_SCALE)));
        case BYTE_ARRAY -> {
          byte[] b = ((byte[]) v).clone();
          ((BytesColumnVector) vec).setRef(r, b, 0, b.length);
        }
        case STRING, GUID, DATETIMEOFFSET -> {
          String s = types[c] == AdfType.DATETIMEOFFSET
              ? ColumnarValues.formatOffset((OffsetDateTime) v) : v.toString();
          byte[] b = s.getBytes(StandardCharsets.UTF_8);
          ((BytesColumnVector) vec).setRef(r, b, 0, b.length);
        }
        case DATETIME -> {
          LocalDateTime t = (LocalDateTime) v;
          TimestampColumnVector tv = (TimestampColumnVector) vec;
          long seconds = t.toEpochSecond(ZoneOffset.UTC);
          tv.time[r] = seconds * 1000 + t.getNano() / 1_000_000;
          tv.nanos[r] = t.getNano();
        }
      }
    }
    batch.size++;
    rows++;
    if (batch.size == BATCH) {
      flush();
    }
  }

  private void flush() throws IOException {
    if (batch.size > 0) {
      writer.addRowBatch(batch);
      batch.reset();
    }
  }

  @Override
  public void close() throws IOException {
    try {
      flush();
    } finally {
      writer.close();
    }
  }
}
