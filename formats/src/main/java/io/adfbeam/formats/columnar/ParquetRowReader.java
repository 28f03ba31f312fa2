package io.adfbeam.formats.columnar;

import io.adfbeam.formats.AdfType;
import io.adfbeam.formats.rows.Field;
import io.adfbeam.formats.rows.RowReader;
import io.adfbeam.formats.rows.RowSchema;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Reads the rows of a Parquet file, or of one {@link Split} of it (the row groups that start in
 * the split). The schema comes from the file: the ADF types in its {@code adf.types} key when
 * adf-beam wrote it, else the mapping in the {@linkplain io.adfbeam.formats.columnar package
 * documentation}. Any codec Parquet knows is read (the footer names it). Nested columns (groups,
 * lists, maps, repeated fields) throw {@link UnsupportedColumnException} on opening.
 */
public final class ParquetRowReader implements RowReader {
  private final String source;
  private final ParquetFileReader reader;
  private final MessageType fileSchema;
  private final String createdBy;
  private final RowSchema schema;
  private final ColumnDescriptor[] columns;
  private final Decoder[] decoders;
  private final int[] blocks;
  private final long[] firstRows;
  private int nextBlock;
  private ColumnReader[] readers;
  private long rowsLeftInGroup;
  private long row;

  /** Reads the whole file. */
  public ParquetRowReader(SeekableInput in) throws IOException {
    this(in, null);
  }

  /** Reads the row groups starting in {@code split} (the whole file when it is null). */
  public ParquetRowReader(SeekableInput in, Split split) throws IOException {
    this.source = in.name();
    this.reader = new ParquetFileReader(ParquetFiles.input(in), ParquetReadOptions.builder().build());
    try {
      ParquetMetadata footer = reader.getFooter();
      this.fileSchema = footer.getFileMetaData().getSchema();
      this.createdBy = footer.getFileMetaData().getCreatedBy();
      this.schema = adfSchema(source, fileSchema,
          footer.getFileMetaData().getKeyValueMetaData().get(ColumnarValues.ADF_TYPES_KEY));
      this.columns = fileSchema.getColumns().toArray(ColumnDescriptor[]::new);
      this.decoders = new Decoder[columns.length];
      for (int i = 0; i < columns.length; i++) {
        decoders[i] = decoder(schema.field(i).type(), columns[i].getPrimitiveType());
      }
      List<BlockMetaData> all = footer.getBlocks();
      List<Integer> chosen = new ArrayList<>();
      List<Long> first = new ArrayList<>();
      long rowsBefore = 0;
      for (int i = 0; i < all.size(); i++) {
        if (split == null || split.owns(all.get(i).getStartingPos())) {
          chosen.add(i);
          first.add(rowsBefore);
        }
        rowsBefore += all.get(i).getRowCount();
      }
      this.blocks = chosen.stream().mapToInt(Integer::intValue).toArray();
      this.firstRows = first.stream().mapToLong(Long::longValue).toArray();
    } catch (IOException | RuntimeException e) {
      reader.close();
      throw e;
    }
  }

  /** One split per row group, covering the file from byte 0 to its end. */
  public static List<Split> splits(SeekableInput in) throws IOException {
    try (ParquetFileReader r =
        new ParquetFileReader(ParquetFiles.input(in), ParquetReadOptions.builder().build())) {
      List<BlockMetaData> blocks = r.getFooter().getBlocks();
      long[] starts = new long[blocks.size()];
      long[] rows = new long[blocks.size()];
      for (int i = 0; i < starts.length; i++) {
        starts[i] = blocks.get(i).getStartingPos();
        rows[i] = blocks.get(i).getRowCount();
      }
      return Split.fromStarts(starts, rows, in.length());
    }
  }

  /** The ADF schema of a Parquet schema, with the types listed under {@code adf.types} if any. */
  static RowSchema adfSchema(String source, MessageType fileSchema, String adfTypes)
      throws UnsupportedColumnException {
    List<Type> fields = fileSchema.getFields();
    Optional<List<AdfType>> listed = ColumnarValues.parseAdfTypes(adfTypes, fields.size());
    List<Field> out = new ArrayList<>();
    for (int i = 0; i < fields.size(); i++) {
      Type t = fields.get(i);
      if (!t.isPrimitive()) {
        LogicalTypeAnnotation a = t.getLogicalTypeAnnotation();
        String kind = a == null ? "group (record)" : a.toString().toLowerCase();
        throw new UnsupportedColumnException(source, t.getName(),
            "the Parquet " + kind + " type is not supported: ADF copies only primitive columns");
      }
      if (t.isRepetition(Type.Repetition.REPEATED)) {
        throw new UnsupportedColumnException(source, t.getName(),
            "a repeated (list) Parquet column is not supported: ADF copies only primitive columns");
      }
      PrimitiveType p = t.asPrimitiveType();
      AdfType type = natural(source, p);
      if (listed.isPresent()) {
        AdfType wanted = listed.get().get(i);
        PrimitiveType carrier = ParquetRowWriter.parquetType(p.getName(), wanted);
        if (carrier.getPrimitiveTypeName() == p.getPrimitiveTypeName()
            && java.util.Objects.equals(
                carrier.getLogicalTypeAnnotation(), p.getLogicalTypeAnnotation())) {
          type = wanted;
        }
      }
      out.add(Field.of(t.getName(), type));
    }
    return new RowSchema(out);
  }

  private static AdfType natural(String source, PrimitiveType p)
      throws UnsupportedColumnException {
    LogicalTypeAnnotation a = p.getLogicalTypeAnnotation();
    switch (p.getPrimitiveTypeName()) {
      case BOOLEAN:
        return AdfType.BOOLEAN;
      case INT32:
        if (a == null) {
          return AdfType.INT32;
        }
        if (a instanceof IntLogicalTypeAnnotation i) {
          if (i.getBitWidth() <= 8 || (i.getBitWidth() == 16 && i.isSigned())) {
            return AdfType.INT16;
          }
          return i.getBitWidth() == 32 && !i.isSigned() ? AdfType.INT64 : AdfType.INT32;
        }
        if (a instanceof DecimalLogicalTypeAnnotation) {
          return AdfType.DECIMAL;
        }
        if (a instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
          return AdfType.DATETIME;
        }
        if (a instanceof TimeLogicalTypeAnnotation) {
          return AdfType.TIMESPAN;
        }
        break;
      case INT64:
        if (a == null) {
          return AdfType.INT64;
        }
        if (a instanceof IntLogicalTypeAnnotation i) {
          return i.isSigned() ? AdfType.INT64 : AdfType.DECIMAL;
        }
        if (a instanceof DecimalLogicalTypeAnnotation) {
          return AdfType.DECIMAL;
        }
        if (a instanceof TimestampLogicalTypeAnnotation) {
          return AdfType.DATETIME;
        }
        if (a instanceof TimeLogicalTypeAnnotation) {
          return AdfType.TIMESPAN;
        }
        break;
      case INT96:
        return AdfType.DATETIME;
      case FLOAT:
        return AdfType.SINGLE;
      case DOUBLE:
        return AdfType.DOUBLE;
      case BINARY:
        if (a instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
            || a instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
            || a instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation) {
          return AdfType.STRING;
        }
        return a instanceof DecimalLogicalTypeAnnotation ? AdfType.DECIMAL : AdfType.BYTE_ARRAY;
      case FIXED_LEN_BYTE_ARRAY:
        if (a instanceof DecimalLogicalTypeAnnotation) {
          return AdfType.DECIMAL;
        }
        if (a instanceof LogicalTypeAnnotation.UUIDLogicalTypeAnnotation) {
          return AdfType.GUID;
        }
        return AdfType.BYTE_ARRAY;
      default:
        break;
    }
    throw new UnsupportedColumnException(source, p.getName(),
        "the Parquet type " + p.getPrimitiveTypeName() + " " + a + " is not supported");
  }

  /** Reads the current value of a column reader as the column's ADF class. */
  @FunctionalInterface
  private interface Decoder {
    Object read(ColumnReader r) throws IOException;
  }

  private Decoder decoder(AdfType type, PrimitiveType p) {
    LogicalTypeAnnotation a = p.getLogicalTypeAnnotation();
    String column = p.getName();
    switch (type) {
      case INT16:
        return r -> (short) r.getInteger();
      case INT32:
        return ColumnReader::getInteger;
      case INT64:
        return p.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.INT32
            ? r -> Integer.toUnsignedLong(r.getInteger())
            : ColumnReader::getLong;
      case SINGLE:
        return ColumnReader::getFloat;
      case DOUBLE:
        return ColumnReader::getDouble;
      case BOOLEAN:
        return ColumnReader::getBoolean;
      case BYTE_ARRAY:
        return r -> bytes(r.getBinary());
      case STRING:
        return r -> r.getBinary().toStringUsingUTF8();
      case GUID:
        return r -> ColumnarValues.uuid(bytes(r.getBinary()), 0);
      case DATETIMEOFFSET:
        return r -> ColumnarValues.parseText(AdfType.DATETIMEOFFSET,
            r.getBinary().toStringUsingUTF8(), source, position(), column);
      case DECIMAL:
        if (a instanceof DecimalLogicalTypeAnnotation d) {
          int scale = d.getScale();
          return switch (p.getPrimitiveTypeName()) {
            case INT32 -> r -> BigDecimal.valueOf(r.getInteger(), scale);
            case INT64 -> r -> BigDecimal.valueOf(r.getLong(), scale);
            default -> r -> new BigDecimal(new BigInteger(bytes(r.getBinary())), scale);
          };
        }
        return r -> new BigDecimal(Long.toUnsignedString(r.getLong()));
      case DATETIME:
        if (p.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.INT96) {
          return r -> fromInt96(r.getBinary());
        }
        if (a instanceof TimestampLogicalTypeAnnotation ts) {
          long perSecond = perSecond(ts.getUnit());
          return r -> {
            long v = r.getLong();
            return ColumnarValues.fromEpochNanos(Math.floorDiv(v, perSecond),
                (int) (Math.floorMod(v, perSecond) * (1_000_000_000L / perSecond)));
          };
        }
        return r -> ColumnarValues.fromDays(r.getInteger());
      case TIMESPAN:
        if (a instanceof TimeLogicalTypeAnnotation tm) {
          long nanos = 1_000_000_000L / perSecond(tm.getUnit());
          return p.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.INT32
              ? r -> Duration.ofNanos(r.getInteger() * nanos)
              : r -> Duration.ofNanos(r.getLong() * nanos);
        }
        return r -> ColumnarValues.fromTicks(r.getLong());
      default:
        throw new IllegalStateException(type.toString());
    }
  }

  private static long perSecond(TimeUnit unit) {
    return switch (unit) {
      case MILLIS -> 1_000L;
      case MICROS -> 1_000_000L;
      case NANOS -> 1_000_000_000L;
    };
  }

  private static byte[] bytes(Binary b) {
    ByteBuffer bb = b.toByteBuffer();
    byte[] out = new byte[bb.remaining()];
    bb.get(out);
    return out;
  }

  static LocalDateTime fromInt96(Binary b) {
    ByteBuffer bb = b.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
    long nanosOfDay = bb.getLong();
    long julianDay = Integer.toUnsignedLong(bb.getInt());
    long epochDay = julianDay - ColumnarValues.JULIAN_EPOCH_DAY;
    return ColumnarValues.fromDays(epochDay).plusNanos(nanosOfDay);
  }

  @Override
  public RowSchema schema() {
    return schema;
  }

  @Override
  public Object[] next() throws IOException {
    while (rowsLeftInGroup == 0) {
      if (nextBlock >= blocks.length) {
        return null;
      }
      PageReadStore pages = reader.readRowGroup(blocks[nextBlock]);
      row = firstRows[nextBlock];
      nextBlock++;
      rowsLeftInGroup = pages.getRowCount();
      ColumnReadStoreImpl store =
          new ColumnReadStoreImpl(pages, new NoConverter(columns.length), fileSchema, createdBy);
      readers = new ColumnReader[columns.length];
      for (int i = 0; i < columns.length; i++) {
        readers[i] = store.getColumnReader(columns[i]);
      }
    }
    row++;
    rowsLeftInGroup--;
    Object[] out = new Object[columns.length];
    IOException bad = null;
    for (int i = 0; i < columns.length; i++) {
      ColumnReader r = readers[i];
      if (r.getCurrentDefinitionLevel() == columns[i].getMaxDefinitionLevel()) {
        try {
          out[i] = decoders[i].read(r);
        } catch (IOException e) {
          bad = bad == null ? e : bad;
        }
      }
      r.consume();
    }
    if (bad != null) {
      throw bad;
    }
    return out;
  }

  /** "row N", counting from 1 at the start of the file. */
  @Override
  public String position() {
    return "row " + row;
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }

  /** The column readers decode values themselves; they only need converters to exist. */
  private static final class NoConverter extends GroupConverter {
    private final PrimitiveConverter[] children;

    NoConverter(int n) {
      children = new PrimitiveConverter[n];
      for (int i = 0; i < n; i++) {
        children[i] = new PrimitiveConverter() {};
      }
    }

    @Override
    public Converter getConverter(int fieldIndex) {
      return children[fieldIndex];
    }

    @Override
    public void start() {}

    @Override
    public void end() {}
  }
}
