package io.adfbeam.formats.columnar;

import io.adfbeam.formats.AdfType;
import io.adfbeam.formats.rows.Field;
import io.adfbeam.formats.rows.RowReader;
import io.adfbeam.formats.rows.RowSchema;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.Decoder;
import org.apache.avro.io.DecoderFactory;

/**
 * Reads the rows of an Avro object container file, or of one {@link Split} of it (the blocks whose
 * sync marker starts in the split). The schema comes from the file: a record of primitive fields,
 * each optionally a union with null; the ADF types in its {@code adf.types} key when adf-beam wrote
 * it, else the mapping in the {@linkplain io.adfbeam.formats.columnar package documentation}. Any
 * codec Avro knows is read (the header names it). Records, arrays, maps and unions other than
 * {@code [null, T]} throw {@link UnsupportedColumnException} on opening.
 */
public final class AvroRowReader implements RowReader {
  private static final int SYNC_SIZE = 16;

  private final String source;
  private final DataFileReader<Object[]> reader;
  private final RowSchema schema;
  private final Split split;
  /** For columns stored as text: the type to parse them as (after the whole record is read). */
  private final AdfType[] textTypes;
  private long record;

  /** Reads the whole file. */
  public AvroRowReader(SeekableInput in) throws IOException {
    this(in, null);
  }

  /** Reads the blocks of {@code split} (the whole file when it is null). */
  public AvroRowReader(SeekableInput in, Split split) throws IOException {
    this.source = in.name();
    this.split = split;
    RowDatumReader datumReader = new RowDatumReader();
    this.reader = new DataFileReader<>(AvroFiles.input(in), datumReader);
    try {
      Schema file = reader.getSchema();
      this.schema = adfSchema(source, file, reader.getMetaString(ColumnarValues.ADF_TYPES_KEY));
      datumReader.decoders = decoders(schema, file);
      this.textTypes = new AdfType[schema.size()];
      for (int i = 0; i < textTypes.length; i++) {
        AdfType t = schema.field(i).type();
        boolean text = t == AdfType.GUID || t == AdfType.DATETIMEOFFSET
            || (t == AdfType.DATETIME && valueSchema(source, schema.field(i).name(),
                file.getFields().get(i).schema()).getType() == Schema.Type.STRING);
        textTypes[i] = text ? t : null;
      }
      if (split != null) {
        reader.sync(split.offset());
      }
    } catch (IOException | RuntimeException e) {
      reader.close();
      throw e;
    }
  }

  /**
   * One split per block, covering the file from byte 0 to its end. Finding the blocks reads a few
   * bytes at the start of each (its row count and size), not the data.
   */
  public static List<Split> splits(SeekableInput in) throws IOException {
    long headerEnd;
    try (DataFileReader<Object[]> r = new DataFileReader<>(AvroFiles.input(in),
        new RowDatumReader())) {
      headerEnd = r.previousSync();
    }
    long length = in.length();
    List<Long> starts = new ArrayList<>();
    List<Long> rows = new ArrayList<>();
    byte[] buf = new byte[20];
    try (SeekableByteChannel ch = in.open()) {
      long pos = headerEnd;
      while (pos < length) {
        ch.position(pos);
        ByteBuffer bb = ByteBuffer.wrap(buf);
        while (bb.hasRemaining() && ch.read(bb) > 0) {
          // fill
        }
        BinaryDecoder d = DecoderFactory.get().binaryDecoder(buf, 0, bb.position(), null);
        long count = d.readLong();
        long size = d.readLong();
        int header = bb.position() - d.inputStream().available();
        starts.add(pos - SYNC_SIZE);
        rows.add(count);
        pos += header + size + SYNC_SIZE;
      }
    }
    return Split.fromStarts(starts.stream().mapToLong(Long::longValue).toArray(),
        rows.stream().mapToLong(Long::longValue).toArray(), length);
  }

  /** The ADF schema of an Avro record schema. */
  static RowSchema adfSchema(String source, Schema file, String adfTypes)
      throws UnsupportedColumnException {
    if (file.getType() != Schema.Type.RECORD) {
      throw new UnsupportedColumnException(source, file.getName(),
          "the file's schema is an Avro " + file.getType().getName()
              + ", not a record of columns");
    }
    List<Schema.Field> fields = file.getFields();
    Optional<List<AdfType>> listed = ColumnarValues.parseAdfTypes(adfTypes, fields.size());
    List<Field> out = new ArrayList<>();
    for (int i = 0; i < fields.size(); i++) {
      Schema.Field f = fields.get(i);
      String name = f.getProp(AvroRowWriter.NAME_PROPERTY) != null
          ? f.getProp(AvroRowWriter.NAME_PROPERTY) : f.name();
      Schema t = valueSchema(source, name, f.schema());
      AdfType type = natural(source, name, t);
      if (listed.isPresent()) {
        Schema carrier = AvroRowWriter.avroType(listed.get().get(i));
        if (carrier.getType() == t.getType()
            && Objects.equals(carrier.getLogicalType(), t.getLogicalType())) {
          type = listed.get().get(i);
        }
      }
      out.add(Field.of(name, type));
    }
    return new RowSchema(out);
  }

  /** The non-null branch of a {@code [null, T]} union, or the schema itself. */
  private static Schema valueSchema(String source, String column, Schema s)
      throws UnsupportedColumnException {
    if (s.getType() != Schema.Type.UNION) {
      return s;
    }
    List<Schema> branches = s.getTypes().stream()
        .filter(b -> b.getType() != Schema.Type.NULL).toList();
    if (branches.size() == 1) {
      return branches.get(0);
    }
    throw new UnsupportedColumnException(source, column,
        "the Avro union " + s + " is not supported: ADF copies only primitive columns, "
            + "optionally nullable");
  }

  private static AdfType natural(String source, String column, Schema s)
      throws UnsupportedColumnException {
    LogicalType l = s.getLogicalType();
    switch (s.getType()) {
      case BOOLEAN:
        return AdfType.BOOLEAN;
      case INT:
        if (l instanceof LogicalTypes.Date) {
          return AdfType.DATETIME;
        }
        return l instanceof LogicalTypes.TimeMillis ? AdfType.TIMESPAN : AdfType.INT32;
      case LONG:
        if (l instanceof LogicalTypes.TimestampMillis || l instanceof LogicalTypes.TimestampMicros
            || l instanceof LogicalTypes.LocalTimestampMillis
            || l instanceof LogicalTypes.LocalTimestampMicros) {
          return AdfType.DATETIME;
        }
        return l instanceof LogicalTypes.TimeMicros ? AdfType.TIMESPAN : AdfType.INT64;
      case FLOAT:
        return AdfType.SINGLE;
      case DOUBLE:
        return AdfType.DOUBLE;
      case BYTES:
      case FIXED:
        return l instanceof LogicalTypes.Decimal ? AdfType.DECIMAL : AdfType.BYTE_ARRAY;
      case STRING:
        return "uuid".equals(l == null ? null : l.getName()) ? AdfType.GUID : AdfType.STRING;
      case ENUM:
      case NULL:
        return AdfType.STRING;
      default:
        throw new UnsupportedColumnException(source, column,
            "the Avro " + s.getType().getName() + " type is not supported: ADF copies only"
                + " primitive columns");
    }
  }

  @FunctionalInterface
  private interface ValueDecoder {
    Object read(Decoder in) throws IOException;
  }

  private static ValueDecoder[] decoders(RowSchema adf, Schema file) {
    List<Schema.Field> fields = file.getFields();
    ValueDecoder[] out = new ValueDecoder[fields.size()];
    for (int i = 0; i < out.length; i++) {
      Schema s = fields.get(i).schema();
      if (s.getType() == Schema.Type.UNION) {
        List<Schema> branches = s.getTypes();
        ValueDecoder[] byBranch = new ValueDecoder[branches.size()];
        for (int b = 0; b < byBranch.length; b++) {
          Schema branch = branches.get(b);
          byBranch[b] = branch.getType() == Schema.Type.NULL
              ? in -> {
                in.readNull();
                return null;
              }
              : decoder(adf.field(i).type(), branch);
        }
        out[i] = in -> byBranch[in.readIndex()].read(in);
      } else {
        out[i] = decoder(adf.field(i).type(), s);
      }
    }
    return out;
  }

  private static ValueDecoder decoder(AdfType type, Schema s) {
    LogicalType l = s.getLogicalType();
    switch (type) {
      case INT16:
        return in -> (short) in.readInt();
      case INT32:
        return Decoder::readInt;
      case INT64:
        return Decoder::readLong;
      case SINGLE:
        return Decoder::readFloat;
      case DOUBLE:
        return Decoder::readDouble;
      case BOOLEAN:
        return Decoder::readBoolean;
      case BYTE_ARRAY:
        return s.getType() == Schema.Type.FIXED ? fixed(s.getFixedSize()) : AvroRowReader::bytes;
      case DECIMAL: {
        int scale = ((LogicalTypes.Decimal) l).getScale();
        ValueDecoder raw =
            s.getType() == Schema.Type.FIXED ? fixed(s.getFixedSize()) : AvroRowReader::bytes;
        return in -> new BigDecimal(new BigInteger((byte[]) raw.read(in)), scale);
      }
      case STRING:
        if (s.getType() == Schema.Type.ENUM) {
          return in -> s.getEnumSymbols().get(in.readEnum());
        }
        if (s.getType() == Schema.Type.NULL) {
          return in -> {
            in.readNull();
            return null;
          };
        }
        return Decoder::readString;
      case GUID:
      case DATETIMEOFFSET:
        return Decoder::readString;
      case DATETIME:
        if (s.getType() == Schema.Type.STRING) {
          return Decoder::readString;
        }
        if (l instanceof LogicalTypes.Date) {
          return in -> ColumnarValues.fromDays(in.readInt());
        }
        long perSecond = l instanceof LogicalTypes.TimestampMillis
            || l instanceof LogicalTypes.LocalTimestampMillis ? 1_000L : 1_000_000L;
        return in -> {
          long v = in.readLong();
          return ColumnarValues.fromEpochNanos(Math.floorDiv(v, perSecond),
              (int) (Math.floorMod(v, perSecond) * (1_000_000_000L / perSecond)));
        };
      case TIMESPAN:
        if (l instanceof LogicalTypes.TimeMillis) {
          return in -> Duration.ofMillis(in.readInt());
        }
        if (l instanceof LogicalTypes.TimeMicros) {
          return in -> Duration.ofNanos(in.readLong() * 1000);
        }
        return in -> ColumnarValues.fromTicks(in.readLong());
      default:
        throw new IllegalStateException(type.toString());
    }
  }

  private static ValueDecoder fixed(int size) {
    return in -> {
      byte[] b = new byte[size];
      in.readFixed(b);
      return b;
    };
  }

  private static Object bytes(Decoder in) throws IOException {
    ByteBuffer bb = in.readBytes(null);
    byte[] out = new byte[bb.remaining()];
    bb.get(out);
    return out;
  }

  @Override
  public RowSchema schema() {
    return schema;
  }

  @Override
  public Object[] next() throws IOException {
    if (!reader.hasNext() || (split != null && reader.pastSync(split.end()))) {
      return null;
    }
    record++;
    Object[] row = reader.next();
    for (int i = 0; i < row.length; i++) {
      if (textTypes[i] != null && row[i] != null) {
        row[i] = ColumnarValues.parseText(textTypes[i], (String) row[i], source, position(),
            schema.field(i).name());
      }
    }
    return row;
  }

  /** "record N" counting from 1 at the start of the file or split. */
  @Override
  public String position() {
    return split == null || split.offset() == 0
        ? "record " + record
        : "record " + record + " of the split at byte " + split.offset();
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }

  /** Decodes one record with the decoders the reader sets once it knows the ADF schema. */
  private static final class RowDatumReader implements DatumReader<Object[]> {
    private ValueDecoder[] decoders;

    @Override
    public void setSchema(Schema schema) {}

    @Override
    public Object[] read(Object[] reuse, Decoder in) throws IOException {
      Object[] row = new Object[decoders.length];
      for (int i = 0; i < row.length; i++) {
        row[i] = decoders[i].read(in);
      }
      return row;
    }
  }
}
