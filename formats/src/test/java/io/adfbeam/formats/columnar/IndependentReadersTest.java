package io.adfbeam.formats.columnar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hive.ql.exec.vector.BytesColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.DecimalColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.DoubleColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.LongColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.TimestampColumnVector;
import org.apache.hadoop.hive.ql.exec.vector.VectorizedRowBatch;
import org.apache.orc.CompressionKind;
import org.apache.orc.OrcFile;
import org.apache.orc.Reader;
import org.apache.orc.RecordReader;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.io.api.Binary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files written by adf-beam, read by other readers: parquet-java's example Group reader, DuckDB,
 * ORC's vectorized reader, Avro's GenericDatumReader. Values are compared, not counts.
 */
class IndependentReadersTest {
  @TempDir static Path dir;
  static List<Object[]> rows;

  @BeforeAll
  static void data() {
    rows = TestRows.rows(3000, 21);
  }

  private static Path write(ColumnarFormat format) throws IOException {
    Path file = dir.resolve("independent" + format.extension());
    if (!Files.exists(file)) {
      TestRows.writeAll(
          format.writer(Files.newOutputStream(file), TestRows.SCHEMA, file.toString()), rows);
    }
    return file;
  }

  /** The expected value as another reader sees the stored form (see the package mapping). */
  private static Object stored(int column, Object v) {
    if (v == null) {
      return null;
    }
    return switch (column) {
      case 0 -> ((Short) v).intValue();
      case 5 -> ((BigDecimal) v).setScale(18);
      case 12 -> ColumnarValues.ticks((Duration) v);
      default -> v;
    };
  }

  private static void assertColumns(List<Object[]> actual, String reader) {
    List<Object[]> expected = new ArrayList<>();
    for (Object[] r : rows) {
      Object[] e = new Object[r.length];
      for (int c = 0; c < r.length; c++) {
        e[c] = stored(c, r[c]);
      }
      expected.add(e);
    }
    assertThat(actual).as(reader).hasSize(expected.size());
    TestRows.assertSameRows(actual, expected);
  }

  @Test
  void parquetJavaReadsTheValuesAndTheFooter() throws Exception {
    Path file = write(ColumnarFormat.PARQUET);
    Configuration conf = new Configuration();
    org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(file.toUri());
    try (ParquetFileReader r = ParquetFileReader.open(HadoopInputFile.fromPath(path, conf))) {
      ParquetMetadata footer = r.getFooter();
      assertThat(footer.getBlocks()).isNotEmpty();
      for (BlockMetaData b : footer.getBlocks()) {
        for (ColumnChunkMetaData c : b.getColumns()) {
          assertThat(c.getCodec()).isEqualTo(CompressionCodecName.SNAPPY);
        }
      }
      assertThat(footer.getFileMetaData().getSchema().toString().replace("\n", " ")
          .replaceAll(" +", " "))
          .isEqualTo("message adf_row { optional int32 i16 (INTEGER(16,true)); optional int32"
              + " i32; optional int64 i64; optional float single; optional double double;"
              + " optional fixed_len_byte_array(16) dec (DECIMAL(38,18)); optional binary"
              + " bytes; optional boolean flag; optional binary text (STRING); optional"
              + " fixed_len_byte_array(16) guid (UUID); optional int96 when; optional binary"
              + " when offset (STRING); optional int64 span; } ");
      assertThat(footer.getFileMetaData().getKeyValueMetaData()).containsEntry("adf.types",
          "Int16,Int32,Int64,Single,Double,Decimal,Byte[],Boolean,String,Guid,Datetime,"
              + "Datetimeoffset,Timespan");
    }
    List<Object[]> read = new ArrayList<>();
    try (ParquetReader<Group> r =
        ParquetReader.builder(new GroupReadSupport(), path).withConf(conf).build()) {
      for (Group g = r.read(); g != null; g = r.read()) {
        Object[] row = new Object[13];
        for (int c = 0; c < 13; c++) {
          if (g.getFieldRepetitionCount(c) == 0) {
            continue;
          }
          row[c] = switch (c) {
            case 0, 1 -> g.getInteger(c, 0);
            case 2, 12 -> g.getLong(c, 0);
            case 3 -> g.getFloat(c, 0);
            case 4 -> g.getDouble(c, 0);
            case 5 -> new BigDecimal(new BigInteger(g.getBinary(c, 0).getBytes()), 18);
            case 6 -> g.getBinary(c, 0).getBytes();
            case 7 -> g.getBoolean(c, 0);
            case 8 -> g.getString(c, 0);
            case 9 -> {
              ByteBuffer b = g.getBinary(c, 0).toByteBuffer();
              yield new UUID(b.getLong(), b.getLong());
            }
            case 10 -> int96(g.getInt96(c, 0));
            case 11 -> OffsetDateTime.parse(g.getString(c, 0));
            default -> throw new IllegalStateException();
          };
        }
        read.add(row);
      }
    }
    assertColumns(read, "parquet-java");
  }

  /** INT96 as Impala and Spark define it: nanoseconds of the day, then the Julian day. */
  private static LocalDateTime int96(Binary b) {
    ByteBuffer bb = b.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
    long nanos = bb.getLong();
    int julianDay = bb.getInt();
    return LocalDate.MIN.with(java.time.temporal.JulianFields.JULIAN_DAY, julianDay)
        .atStartOfDay().plusNanos(nanos);
  }

  @Test
  void duckDbReadsTheValuesTypesAndCodec() throws Exception {
    Path file = write(ColumnarFormat.PARQUET);
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = db.createStatement()) {
      try (ResultSet rs = st.executeQuery(
          "SELECT DISTINCT compression FROM parquet_metadata('" + file + "')")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("SNAPPY");
        assertThat(rs.next()).isFalse();
      }
      List<Object[]> read = new ArrayList<>();
      try (ResultSet rs = st.executeQuery("SELECT * FROM read_parquet('" + file + "')")) {
        ResultSetMetaData md = rs.getMetaData();
        List<String> types = new ArrayList<>();
        for (int c = 1; c <= md.getColumnCount(); c++) {
          types.add(md.getColumnName(c) + " " + md.getColumnTypeName(c));
        }
        assertThat(types).containsExactly("i16 SMALLINT", "i32 INTEGER", "i64 BIGINT",
            "single FLOAT", "double DOUBLE", "dec DECIMAL(38,18)", "bytes BLOB", "flag BOOLEAN",
            "text VARCHAR", "guid UUID", "when TIMESTAMP", "when offset VARCHAR",
            "span BIGINT");
        while (rs.next()) {
          Object[] row = new Object[13];
          for (int c = 0; c < 13; c++) {
            Object v = rs.getObject(c + 1);
            if (v == null) {
              continue;
            }
            row[c] = switch (c) {
              case 0 -> ((Short) v).intValue();
              case 5 -> rs.getBigDecimal(c + 1);
              case 6 -> rs.getBytes(c + 1);
              case 10 -> rs.getObject(c + 1, LocalDateTime.class);
              case 11 -> OffsetDateTime.parse((String) v);
              default -> v;
            };
          }
          read.add(row);
        }
      }
      // DuckDB reads INT96 as TIMESTAMP, microseconds (duckdb/duckdb#25857), and an instant
      // before 1970 with a fraction of a second comes back one second late (DuckDB 1.3.2).
      int late = 0;
      for (int i = 0; i < rows.size(); i++) {
        LocalDateTime e = (LocalDateTime) rows.get(i)[10];
        LocalDateTime a = (LocalDateTime) read.get(i)[10];
        if (e == null) {
          assertThat(a).isNull();
          continue;
        }
        LocalDateTime micros = e.truncatedTo(ChronoUnit.MICROS);
        if (e.getYear() < 1970 && e.getNano() != 0 && a.equals(micros.plusSeconds(1))) {
          late++;
        } else {
          assertThat(a).as("row %d", i).isEqualTo(micros);
        }
        read.get(i)[10] = e;
      }
      assertThat(late).isPositive();
      assertColumns(read, "DuckDB");
    }
  }

  @Test
  void orcVectorizedReaderReadsTheValues() throws Exception {
    Path file = write(ColumnarFormat.ORC);
    Configuration conf = new Configuration();
    List<Object[]> read = new ArrayList<>();
    try (Reader reader = OrcFile.createReader(new org.apache.hadoop.fs.Path(file.toUri()),
        OrcFile.readerOptions(conf).useUTCTimestamp(true).convertToProlepticGregorian(true))) {
      assertThat(reader.getCompressionKind()).isEqualTo(CompressionKind.ZLIB);
      assertThat(reader.writerUsedProlepticGregorian()).isTrue();
      assertThat(reader.getSchema().toString()).isEqualTo("struct<i16:smallint,i32:int,"
          + "i64:bigint,single:float,double:double,dec:decimal(38,18),bytes:binary,"
          + "flag:boolean,text:string,guid:string,when:timestamp,`when offset`:string,"
          + "span:bigint>");
      assertThat(StandardCharsets.UTF_8.decode(reader.getMetadataValue("adf.types")).toString())
          .startsWith("Int16,Int32,");
      VectorizedRowBatch batch = reader.getSchema().createRowBatch();
      try (RecordReader rr = reader.rows()) {
        while (rr.nextBatch(batch)) {
          for (int r = 0; r < batch.size; r++) {
            Object[] row = new Object[13];
            for (int c = 0; c < 13; c++) {
              var vec = batch.cols[c];
              int i = vec.isRepeating ? 0 : r;
              if (!vec.noNulls && vec.isNull[i]) {
                continue;
              }
              row[c] = switch (c) {
                case 0, 1 -> (int) ((LongColumnVector) vec).vector[i];
                case 2, 12 -> ((LongColumnVector) vec).vector[i];
                case 7 -> ((LongColumnVector) vec).vector[i] == 1;
                case 3 -> (float) ((DoubleColumnVector) vec).vector[i];
                case 4 -> ((DoubleColumnVector) vec).vector[i];
                case 5 -> ((DecimalColumnVector) vec).vector[i].getHiveDecimal()
                    .bigDecimalValue().setScale(18);
                case 6 -> ((BytesColumnVector) vec).toString(i).getBytes(
                    StandardCharsets.ISO_8859_1);
                case 8 -> ((BytesColumnVector) vec).toString(i);
                case 9 -> UUID.fromString(((BytesColumnVector) vec).toString(i));
                case 10 -> {
                  TimestampColumnVector t = (TimestampColumnVector) vec;
                  yield LocalDateTime.ofEpochSecond(Math.floorDiv(t.time[i], 1000), t.nanos[i],
                      ZoneOffset.UTC);
                }
                case 11 -> OffsetDateTime.parse(((BytesColumnVector) vec).toString(i));
                default -> throw new IllegalStateException();
              };
              if (c == 6) {
                BytesColumnVector b = (BytesColumnVector) vec;
                row[c] = java.util.Arrays.copyOfRange(b.vector[i], b.start[i],
                    b.start[i] + b.length[i]);
              }
            }
            read.add(row);
          }
        }
      }
    }
    assertColumns(read, "orc-core");
  }

  @Test
  void avroGenericReaderReadsTheValues() throws Exception {
    Path file = write(ColumnarFormat.AVRO);
    List<Object[]> read = new ArrayList<>();
    try (DataFileReader<GenericRecord> r =
        new DataFileReader<>(file.toFile(), new GenericDatumReader<>())) {
      assertThat(r.getMetaString("avro.codec")).isEqualTo("null");
      assertThat(r.getSchema().getField("when_offset").getProp("adf.name"))
          .isEqualTo("when offset");
      assertThat(r.getSchema().getField("dec").schema().getTypes().get(1).toString())
          .isEqualTo("{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":38,"
              + "\"scale\":18}");
      for (GenericRecord g : r) {
        Object[] row = new Object[13];
        for (int c = 0; c < 13; c++) {
          Object v = g.get(c);
          if (v == null) {
            continue;
          }
          row[c] = switch (c) {
            case 5 -> new BigDecimal(new BigInteger(bytes((ByteBuffer) v)), 18);
            case 6 -> bytes((ByteBuffer) v);
            case 8 -> v.toString();
            case 9 -> UUID.fromString(v.toString());
            case 10 -> LocalDateTime.parse(v.toString());
            case 11 -> OffsetDateTime.parse(v.toString());
            default -> v;
          };
        }
        read.add(row);
      }
    }
    assertColumns(read, "Avro GenericDatumReader");
  }

  private static byte[] bytes(ByteBuffer b) {
    byte[] out = new byte[b.remaining()];
    b.duplicate().get(out);
    return out;
  }
}
