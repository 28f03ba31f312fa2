package io.adfbeam.formats.columnar;

import io.adfbeam.formats.AdfType;
import io.adfbeam.formats.rows.Field;
import io.adfbeam.formats.rows.RowSchema;
import io.adfbeam.formats.rows.RowWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileConstants;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.Encoder;

/**
 * Writes rows as an Avro object container file (ADF {@code AvroFormat}) to a stream. The codec is
 * {@code null} (no compression) unless one is given: that is ADF's default ({@code
 * avroCompressionCodec} "none"); {@code deflate} and {@code snappy} are the others ADF knows.
 *
 * <p>The record is named {@code adf_row}; each column is a union {@code ["null", T]} with default
 * null, T as in the {@linkplain io.adfbeam.formats.columnar package documentation}. Avro names
 * allow only {@code [A-Za-z_][A-Za-z0-9_]*}: other characters become {@code _} (a clash gets
 * {@code _2}, {@code _3}, ...) and the column's real name is kept in the field property {@code
 * adf.name}, which {@link AvroRowReader} reads back. (ADF itself rejects white space in Avro
 * column names.) The file metadata key {@code adf.types} lists the ADF types.
 */
public final class AvroRowWriter implements RowWriter {
  /** The field property holding a column's name when it is not a valid Avro name. */
  public static final String NAME_PROPERTY = "adf.name";

  private final DataFileWriter<Object[]> writer;
  private final RowSchema schema;
  private final String name;
  private long rows;

  /** A writer with the null codec and Avro's default block size (64 KB). */
  public AvroRowWriter(OutputStream out, RowSchema schema, String name) throws IOException {
    this(out, schema, name, DataFileConstants.NULL_CODEC, DataFileConstants.DEFAULT_SYNC_INTERVAL);
  }

  /**
   * A writer.
   *
   * @param out where the file goes; closed by {@link #close()}
   * @param schema the columns
   * @param name the file's name, for messages
   * @param codec an Avro codec name: {@code null}, {@code deflate}, {@code snappy}, ...
   * @param blockBytes the approximate size of a block between sync markers (the unit of splits)
   */
  public AvroRowWriter(OutputStream out, RowSchema schema, String name, String codec,
      int blockBytes) throws IOException {
    this.schema = schema;
    this.name = name;
    this.writer = new DataFileWriter<>(new RowDatumWriter(schema));
    try {
      writer.setCodec(CodecFactory.fromString(codec.toLowerCase(Locale.ROOT)));
      writer.setSyncInterval(blockBytes);
      writer.setMeta(ColumnarValues.ADF_TYPES_KEY, ColumnarValues.adfTypes(schema));
      writer.create(avroSchema(schema), out);
    } catch (IOException | RuntimeException e) {
      out.close();
      throw e;
    }
  }

  /** The Avro schema a RowSchema is written with. */
  public static Schema avroSchema(RowSchema schema) {
    List<Schema.Field> fields = new ArrayList<>();
    Set<String> used = new HashSet<>();
    for (Field f : schema.fields()) {
      String avroName = avroName(f.name(), used);
      Schema nullable = Schema.createUnion(Schema.create(Schema.Type.NULL), avroType(f.type()));
      Schema.Field field = new Schema.Field(avroName, nullable, null, Schema.Field.NULL_DEFAULT_VALUE);
      if (!avroName.equals(f.name())) {
        field.addProp(NAME_PROPERTY, f.name());
      }
      fields.add(field);
    }
    return Schema.createRecord("adf_row", null, null, false, fields);
  }

  private static String avroName(String name, Set<String> used) {
    StringBuilder sb = new StringBuilder(name.length() + 1);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'
          || (i > 0 && c >= '0' && c <= '9');
      if (i == 0 && c >= '0' && c <= '9') {
        sb.append('_');
        ok = true;
      }
      sb.append(ok ? c : '_');
    }
    if (sb.length() == 0) {
      sb.append('_');
    }
    String base = sb.toString();
    String candidate = base;
    for (int n = 2; !used.add(candidate.toLowerCase(Locale.ROOT)); n++) {
      candidate = base + "_" + n;
    }
    return candidate;
  }

  static Schema avroType(AdfType type) {
    return switch (type) {
      case INT16, INT32 -> Schema.create(Schema.Type.INT);
      case INT64, TIMESPAN -> Schema.create(Schema.Type.LONG);
      case SINGLE -> Schema.create(Schema.Type.FLOAT);
      case DOUBLE -> Schema.create(Schema.Type.DOUBLE);
      case DECIMAL -> LogicalTypes.decimal(ColumnarValues.DECIMAL_PRECISION,
          ColumnarValues.DECIMAL_SCALE).addToSchema(Schema.create(Schema.Type.BYTES));
      case BYTE_ARRAY -> Schema.create(Schema.Type.BYTES);
      case BOOLEAN -> Schema.create(Schema.Type.BOOLEAN);
      case STRING, DATETIME, DATETIMEOFFSET -> Schema.create(Schema.Type.STRING);
      case GUID -> LogicalTypes.uuid().addToSchema(Schema.create(Schema.Type.STRING));
    };
  }

  @Override
  public void write(Object[] row) throws IOException {
    ColumnarValues.check(schema, row, name, rows + 1);
    writer.append(row);
    rows++;
  }

  @Override
  public void close() throws IOException {
    writer.close();
  }

  private static final class RowDatumWriter implements DatumWriter<Object[]> {
    private final AdfType[] types;

    RowDatumWriter(RowSchema schema) {
      this.types = schema.fields().stream().map(Field::type).toArray(AdfType[]::new);
    }

    @Override
    public void setSchema(Schema schema) {}

    @Override
    public void write(Object[] row, Encoder out) throws IOException {
      for (int i = 0; i < types.length; i++) {
        Object v = row[i];
        if (v == null) {
          out.writeIndex(0);
          out.writeNull();
          continue;
        }
        out.writeIndex(1);
        switch (types[i]) {
          case INT16 -> out.writeInt((Short) v);
          case INT32 -> out.writeInt((Integer) v);
          case INT64 -> out.writeLong((Long) v);
          case SINGLE -> out.writeFloat((Float) v);
          case DOUBLE -> out.writeDouble((Double) v);
          case DECIMAL -> out.writeBytes(
              ColumnarValues.unscaled((BigDecimal) v).toByteArray());
          case BYTE_ARRAY -> out.writeBytes(ByteBuffer.wrap((byte[]) v));
          case BOOLEAN -> out.writeBoolean((Boolean) v);
          case STRING -> out.writeString((String) v);
          case GUID -> out.writeString(v.toString());
          case DATETIME -> out.writeString(ColumnarValues.formatLocal((LocalDateTime) v));
          case DATETIMEOFFSET -> out.writeString(
              ColumnarValues.formatOffset((OffsetDateTime) v));
          case TIMESPAN -> out.writeLong(ColumnarValues.ticks((Duration) v));
        }
      }
    }
  }
}
