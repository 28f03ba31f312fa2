package io.adfbeam.formats.columnar;

import io.adfbeam.formats.AdfType;
import io.adfbeam.formats.rows.Field;
import io.adfbeam.formats.rows.RowSchema;
import io.adfbeam.formats.rows.RowWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * Writes rows as a Parquet file (ADF {@code ParquetFormat}) to a stream, SNAPPY-compressed as ADF
 * writes it. The column types are in the {@linkplain io.adfbeam.formats.columnar package
 * documentation}; every column is optional, and the key {@code adf.types} in the footer lists the
 * ADF types so that {@link ParquetRowReader} gives back the same schema.
 *
 * <p>A row is checked whole before any of it is written: a value that does not fit its column
 * (see the package documentation) throws a skippable {@link
 * io.adfbeam.formats.rows.BadRowException} and the file stays valid.
 */
public final class ParquetRowWriter implements RowWriter {
  /** Row groups of 128 MB, Parquet's (and ADF's) default. */
  public static final long DEFAULT_ROW_GROUP_BYTES = 128L << 20;

  private final ParquetWriter<Object[]> writer;
  private final RowSchema schema;
  private final String name;
  private long rows;

  /** A writer with 128 MB row groups. */
  public ParquetRowWriter(OutputStream out, RowSchema schema, String name) throws IOException {
    this(out, schema, name, DEFAULT_ROW_GROUP_BYTES);
  }

  /**
   * A writer.
   *
   * @param out where the file goes; closed by {@link #close()}
   * @param schema the columns
   * @param name the file's name, for messages
   * @param rowGroupBytes the target size of a row group (also the unit of splits)
   */
  public ParquetRowWriter(OutputStream out, RowSchema schema, String name, long rowGroupBytes)
      throws IOException {
    this.schema = schema;
    this.name = name;
    OutputFile file = ParquetFiles.output(out, name);
    this.writer =
        new Builder(file, schema)
            .withConf(new Configuration(false))
            .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
            .withCompressionCodec(CompressionCodecName.SNAPPY)
            .withRowGroupSize(rowGroupBytes)
            .withDictionaryEncoding(true)
            .build();
  }

  /** The Parquet schema a RowSchema is written with. */
  public static MessageType parquetSchema(RowSchema schema) {
    List<Type> fields = new ArrayList<>();
    for (Field f : schema.fields()) {
      fields.add(parquetType(f.name(), f.type()));
    }
    return new MessageType("adf_row", fields);
  }

  static PrimitiveType parquetType(String name, AdfType type) {
    Types.PrimitiveBuilder<PrimitiveType> b =
        switch (type) {
          case INT16 -> Types.optional(PrimitiveTypeName.INT32)
              .as(LogicalTypeAnnotation.intType(16, true));
          case INT32 -> Types.optional(PrimitiveTypeName.INT32);
          case INT64, TIMESPAN -> Types.optional(PrimitiveTypeName.INT64);
          case SINGLE -> Types.optional(PrimitiveTypeName.FLOAT);
          case DOUBLE -> Types.optional(PrimitiveTypeName.DOUBLE);
          case DECIMAL -> Types.optional(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY)
              .length(16)
              .as(LogicalTypeAnnotation.decimalType(
                  ColumnarValues.DECIMAL_SCALE, ColumnarValues.DECIMAL_PRECISION));
          case BYTE_ARRAY -> Types.optional(PrimitiveTypeName.BINARY);
          case BOOLEAN -> Types.optional(PrimitiveTypeName.BOOLEAN);
          case STRING, DATETIMEOFFSET -> Types.optional(PrimitiveTypeName.BINARY)
              .as(LogicalTypeAnnotation.stringType());
          case GUID -> Types.optional(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY)
              .length(16)
              .as(LogicalTypeAnnotation.uuidType());
          case DATETIME -> Types.optional(PrimitiveTypeName.INT96);
        };
    return b.named(name);
  }

  @Override
  public void write(Object[] row) throws IOException {
    ColumnarValues.check(schema, row, name, rows + 1);
    writer.write(row);
    rows++;
  }

  @Override
  public void close() throws IOException {
    writer.close();
  }

  /** INT96: nanos of the day (little-endian int64), then the Julian day (little-endian int32). */
  static Binary int96(LocalDateTime t) {
    long nanos = t.toLocalTime().toNanoOfDay();
    int day = (int) (t.toLocalDate().toEpochDay() + ColumnarValues.JULIAN_EPOCH_DAY);
    byte[] b = new byte[12];
    for (int i = 0; i < 8; i++) {
      b[i] = (byte) (nanos >>> (8 * i));
    }
    for (int i = 0; i < 4; i++) {
      b[8 + i] = (byte) (day >>> (8 * i));
    }
    return Binary.fromConstantByteArray(b);
  }

  private static final class Builder extends ParquetWriter.Builder<Object[], Builder> {
    private final RowSchema schema;

    Builder(OutputFile file, RowSchema schema) {
      super(file);
      this.schema = schema;
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    protected WriteSupport<Object[]> getWriteSupport(Configuration conf) {
      return new RowWriteSupport(schema);
    }
  }

  private static final class RowWriteSupport extends WriteSupport<Object[]> {
    private final RowSchema schema;
    private final AdfType[] types;
    private final String[] names;
    private RecordConsumer consumer;

    RowWriteSupport(RowSchema schema) {
      this.schema = schema;
      this.types = schema.fields().stream().map(Field::type).toArray(AdfType[]::new);
      this.names = schema.names().toArray(String[]::new);
    }

    @Override
    public WriteContext init(Configuration configuration) {
      return new WriteContext(parquetSchema(schema),
          Map.of(ColumnarValues.ADF_TYPES_KEY, ColumnarValues.adfTypes(schema)));
    }

    @Override
    public String getName() {
      return "adf-beam";
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
      this.consumer = recordConsumer;
    }

    @Override
    public void write(Object[] row) {
      consumer.startMessage();
      for (int i = 0; i < types.length; i++) {
        Object v = row[i];
        if (v == null) {
          continue;
        }
        consumer.startField(names[i], i);
        switch (types[i]) {
          case INT16 -> consumer.addInteger((Short) v);
          case INT32 -> consumer.addInteger((Integer) v);
          case INT64 -> consumer.addLong((Long) v);
          case SINGLE -> consumer.addFloat((Float) v);
          case DOUBLE -> consumer.addDouble((Double) v);
          case DECIMAL -> consumer.addBinary(Binary.fromConstantByteArray(
              ColumnarValues.fixed16((BigDecimal) v)));
          case BYTE_ARRAY -> consumer.addBinary(Binary.fromReusedByteArray((byte[]) v));
          case BOOLEAN -> consumer.addBoolean((Boolean) v);
          case STRING -> consumer.addBinary(
              Binary.fromConstantByteArray(((String) v).getBytes(StandardCharsets.UTF_8)));
          case GUID -> consumer.addBinary(
              Binary.fromConstantByteArray(ColumnarValues.uuidBytes((UUID) v)));
          case DATETIME -> consumer.addBinary(int96((LocalDateTime) v));
          case DATETIMEOFFSET -> consumer.addBinary(Binary.fromConstantByteArray(
              ColumnarValues.formatOffset((OffsetDateTime) v).getBytes(StandardCharsets.UTF_8)));
          case TIMESPAN -> consumer.addLong(ColumnarValues.ticks((Duration) v));
        }
        consumer.endField(names[i], i);
      }
      consumer.endMessage();
    }
  }
}
