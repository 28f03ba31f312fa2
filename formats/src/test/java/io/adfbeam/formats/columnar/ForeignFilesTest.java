package io.adfbeam.formats.columnar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adfbeam.formats.AdfType;
import io.adfbeam.formats.rows.Field;
import io.adfbeam.formats.rows.RowReader;
import io.adfbeam.formats.rows.RowSchema;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hive.ql.exec.vector.VectorizedRowBatch;
import org.apache.orc.OrcFile;
import org.apache.orc.TypeDescription;
import org.apache.orc.Writer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files written by other tools: their types map to ADF types; complex columns are refused. */
class ForeignFilesTest {
  @TempDir Path dir;

  private void duckdb(String sql) throws Exception {
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = db.createStatement()) {
      st.execute(sql);
    }
  }

  @Test
  void parquetFromDuckDbMapsItsTypes() throws Exception {
    Path file = dir.resolve("duck.parquet");
    duckdb("COPY (SELECT 1::TINYINT AS t, 2::SMALLINT AS s, 3::UINTEGER AS u, 4::BIGINT AS b,"
        + " 12.34::DECIMAL(10,2) AS d, DATE '2024-02-29' AS day,"
        + " TIMESTAMP '1899-12-31 23:59:59.123456' AS ts, TIME '12:34:56.789' AS tm,"
        + " 'a'::VARCHAR AS v, '\\x01'::BLOB AS bl, gen_random_uuid() IS NOT NULL AS ok,"
        + " UUID '123e4567-e89b-12d3-a456-426614174000' AS g, NULL::INTEGER AS n) TO '"
        + file + "' (FORMAT parquet)");
    RowReader r = new ParquetRowReader(SeekableInput.of(file));
    assertThat(r.schema().fields().stream().map(Field::type).toList()).containsExactly(
        AdfType.INT16, AdfType.INT16, AdfType.INT64, AdfType.INT64, AdfType.DECIMAL,
        AdfType.DATETIME, AdfType.DATETIME, AdfType.TIMESPAN, AdfType.STRING,
        AdfType.BYTE_ARRAY, AdfType.BOOLEAN, AdfType.GUID, AdfType.INT32);
    Object[] row = r.next();
    assertThat(row).containsExactly((short) 1, (short) 2, 3L, 4L, new BigDecimal("12.34"),
        LocalDateTime.of(2024, 2, 29, 0, 0), LocalDateTime.of(1899, 12, 31, 23, 59, 59,
            123_456_000), Duration.parse("PT12H34M56.789S"), "a", new byte[] {1}, true,
        UUID.fromString("123e4567-e89b-12d3-a456-426614174000"), null);
    assertThat(r.next()).isNull();
    r.close();
  }

  @Test
  void parquetListAndStructColumnsAreRefused() throws Exception {
    Path list = dir.resolve("list.parquet");
    duckdb("COPY (SELECT 1 AS id, [1, 2] AS tags) TO '" + list + "' (FORMAT parquet)");
    assertThatThrownBy(() -> new ParquetRowReader(SeekableInput.of(list)))
        .isInstanceOf(UnsupportedColumnException.class)
        .hasMessage(list + ": column 'tags': the Parquet list type is not supported: ADF copies"
            + " only primitive columns");
    Path struct = dir.resolve("struct.parquet");
    duckdb("COPY (SELECT 1 AS id, {'a': 1} AS address) TO '" + struct + "' (FORMAT parquet)");
    assertThatThrownBy(() -> new ParquetRowReader(SeekableInput.of(struct)))
        .hasMessage(struct + ": column 'address': the Parquet group (record) type is not"
            + " supported: ADF copies only primitive columns");
    Path map = dir.resolve("map.parquet");
    duckdb("COPY (SELECT MAP {'k': 1} AS m) TO '" + map + "' (FORMAT parquet)");
    assertThatThrownBy(() -> new ParquetRowReader(SeekableInput.of(map)))
        .hasMessage(map + ": column 'm': the Parquet map type is not supported: ADF copies"
            + " only primitive columns");
  }

  @Test
  void avroRecordsArraysAndUnionsAreRefused() throws Exception {
    Schema arrays = SchemaBuilder.record("r").fields().requiredInt("id")
        .name("tags").type().array().items().stringType().noDefault().endRecord();
    Path a = writeAvro("arrays.avro", arrays);
    assertThatThrownBy(() -> new AvroRowReader(SeekableInput.of(a)))
        .isInstanceOf(UnsupportedColumnException.class)
        .hasMessage(a + ": column 'tags': the Avro array type is not supported: ADF copies only"
            + " primitive columns");
    Schema unions = SchemaBuilder.record("r").fields().name("v").type().unionOf().nullType()
        .and().intType().and().stringType().endUnion().noDefault().endRecord();
    Path u = writeAvro("unions.avro", unions);
    assertThatThrownBy(() -> new AvroRowReader(SeekableInput.of(u)))
        .hasMessage(u + ": column 'v': the Avro union [\"null\",\"int\",\"string\"] is not"
            + " supported: ADF copies only primitive columns, optionally nullable");
    Schema nested = SchemaBuilder.record("r").fields().name("inner").type().record("i")
        .fields().requiredInt("x").endRecord().noDefault().endRecord();
    Path n = writeAvro("nested.avro", nested);
    assertThatThrownBy(() -> new AvroRowReader(SeekableInput.of(n)))
        .hasMessage(n + ": column 'inner': the Avro record type is not supported: ADF copies"
            + " only primitive columns");
  }

  @Test
  void avroWithoutAdfTypesMapsItsTypes() throws Exception {
    Schema s = SchemaBuilder.record("r").fields().requiredInt("i").optionalLong("l")
        .name("e").type().enumeration("E").symbols("A", "B").noDefault()
        .name("f").type().fixed("F").size(2).noDefault().endRecord();
    Path file = dir.resolve("plain.avro");
    try (DataFileWriter<GenericRecord> w = new DataFileWriter<>(new GenericDatumWriter<>(s))) {
      w.create(s, file.toFile());
      GenericRecord g = new GenericData.Record(s);
      g.put("i", 7);
      g.put("l", null);
      g.put("e", new GenericData.EnumSymbol(s.getField("e").schema(), "B"));
      g.put("f", new GenericData.Fixed(s.getField("f").schema(), new byte[] {1, 2}));
      w.append(g);
    }
    try (RowReader r = new AvroRowReader(SeekableInput.of(file))) {
      assertThat(r.schema()).isEqualTo(RowSchema.of(Field.of("i", AdfType.INT32),
          Field.of("l", AdfType.INT64), Field.of("e", AdfType.STRING),
          Field.of("f", AdfType.BYTE_ARRAY)));
      assertThat(r.next()).containsExactly(7, null, "B", new byte[] {1, 2});
      assertThat(r.next()).isNull();
    }
  }

  private Path writeAvro(String name, Schema s) throws Exception {
    Path file = dir.resolve(name);
    try (DataFileWriter<GenericRecord> w = new DataFileWriter<>(new GenericDatumWriter<>(s))) {
      w.create(s, file.toFile());
    }
    return file;
  }

  @Test
  void orcListMapAndStructColumnsAreRefused() throws Exception {
    for (String type : List.of("array<int>", "map<string,int>", "struct<a:int>",
        "uniontype<int,string>")) {
      Path file = dir.resolve(type.replaceAll("\\W", "_") + ".orc");
      TypeDescription schema = TypeDescription.fromString("struct<id:int,c:" + type + ">");
      Configuration conf = new Configuration();
      try (Writer w = OrcFile.createWriter(new org.apache.hadoop.fs.Path(file.toUri()),
          OrcFile.writerOptions(conf).setSchema(schema))) {
        VectorizedRowBatch batch = schema.createRowBatch();
        w.addRowBatch(batch);
      }
      assertThatThrownBy(() -> new OrcRowReader(SeekableInput.of(file)))
          .isInstanceOf(UnsupportedColumnException.class)
          .hasMessage(file + ": column 'c': the ORC " + type + " type is not supported: ADF"
              + " copies only primitive columns");
    }
  }
}
