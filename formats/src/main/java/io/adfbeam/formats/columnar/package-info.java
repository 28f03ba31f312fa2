/**
 * Avro, ORC and Parquet (ADF {@code AvroFormat}, {@code OrcFormat}, {@code ParquetFormat}) as
 * {@link io.adfbeam.formats.rows.RowReader}s and {@link io.adfbeam.formats.rows.RowWriter}s.
 *
 * <h2>Reading and splitting</h2>
 *
 * <p>Readers take a {@link io.adfbeam.formats.columnar.SeekableInput} (a local path, or any
 * supplier of {@link java.nio.channels.SeekableByteChannel}s such as Beam's {@code
 * FileSystems.open}) and take the schema from the file. {@code splits(input)} on each reader (or
 * {@link io.adfbeam.formats.columnar.ColumnarFormat#splits}) gives one {@link
 * io.adfbeam.formats.columnar.Split} per Parquet row group, ORC stripe or Avro block; a reader
 * given a split reads the units that start in it, so the splits of a file, or any other partition
 * of its bytes, read every row once and in order. {@link
 * io.adfbeam.formats.columnar.Split#coalesce} joins small neighbours. No Hadoop file system is
 * involved: Parquet reads through its {@code InputFile} interface, ORC through a one-file,
 * read-only Hadoop {@code FileSystem} over the input (no temporary copy), Avro through its own
 * {@code SeekableInput}.
 *
 * <h2>Writing</h2>
 *
 * <p>Writers write to an {@link java.io.OutputStream} (no temporary file, for ORC too) with ADF's
 * defaults: Parquet SNAPPY (row groups of 128 MB), ORC ZLIB (stripes of 64 MB), Avro without
 * compression (ADF's {@code avroCompressionCodec} default, "none"; {@link
 * io.adfbeam.formats.columnar.AvroRowWriter} takes {@code deflate} or {@code snappy} too). Every
 * column is nullable. The file's key-value metadata holds {@code adf.types}: the ADF type of each
 * column, in order, comma separated ({@code Int16,Guid,Timespan,...}). A reader uses it when the
 * column's stored type is the one the writer uses for that ADF type, so every ADF type reads back
 * as itself; without it the stored type decides (second table).
 *
 * <h2>ADF type to stored type (writing)</h2>
 *
 * <table>
 *   <caption>What each ADF type is written as</caption>
 *   <tr><th>ADF</th><th>Parquet</th><th>ORC</th><th>Avro (in a {@code ["null", T]} union)</th></tr>
 *   <tr><td>Int16</td><td>INT32, INT(16, signed)</td><td>smallint</td><td>int</td></tr>
 *   <tr><td>Int32</td><td>INT32</td><td>int</td><td>int</td></tr>
 *   <tr><td>Int64</td><td>INT64</td><td>bigint</td><td>long</td></tr>
 *   <tr><td>Single</td><td>FLOAT</td><td>float</td><td>float</td></tr>
 *   <tr><td>Double</td><td>DOUBLE</td><td>double</td><td>double</td></tr>
 *   <tr><td>Decimal</td><td>FIXED_LEN_BYTE_ARRAY(16), DECIMAL(38, 18)</td>
 *       <td>decimal(38,18)</td><td>bytes, decimal(38, 18)</td></tr>
 *   <tr><td>Byte[]</td><td>BINARY</td><td>binary</td><td>bytes</td></tr>
 *   <tr><td>Boolean</td><td>BOOLEAN</td><td>boolean</td><td>boolean</td></tr>
 *   <tr><td>String</td><td>BINARY, STRING</td><td>string</td><td>string</td></tr>
 *   <tr><td>Guid</td><td>FIXED_LEN_BYTE_ARRAY(16), UUID</td><td>string (36 characters)</td>
 *       <td>string, uuid</td></tr>
 *   <tr><td>Datetime</td><td>INT96 (Julian day, nanoseconds of the day)</td>
 *       <td>timestamp (UTC, proleptic Gregorian)</td>
 *       <td>string {@code yyyy-MM-ddTHH:mm:ss.fffffff}</td></tr>
 *   <tr><td>Datetimeoffset</td><td colspan="3">string {@code yyyy-MM-ddTHH:mm:ss.fffffff+hh:mm}
 *       (BINARY, STRING in Parquet)</td></tr>
 *   <tr><td>Timespan</td><td>INT64 (ticks of 100 ns)</td><td>bigint (ticks)</td>
 *       <td>long (ticks)</td></tr>
 * </table>
 *
 * <p>Why:
 *
 * <ul>
 *   <li><b>Decimal</b> columns are DECIMAL(38, 18): 20 integer and 18 fraction digits, which holds
 *       the typical ADF data exactly (SQL Server's {@code decimal(p, s)} with s &le; 18 and p - s
 *       &le; 20). A value with more fraction digits (beyond trailing zeros) or more integer digits
 *       is refused (a skippable {@link io.adfbeam.formats.rows.BadRowException}), never rounded.
 *       Values read back at scale 18: {@code 1.5} reads as {@code 1.500000000000000000}, equal by
 *       {@code compareTo}, not by {@code equals}; a value written at scale 18 reads back equal by
 *       {@code equals}. Files from other writers read at their own scale.
 *   <li><b>Datetime</b> is .NET's {@code DateTime}: years 0001 to 9999 in ticks of 100 ns; values
 *       outside those years are refused. Parquet's INT64 TIMESTAMP(NANOS) covers only 1677 to
 *       2262 (and .NET's 0001-01-01 and 9999-12-31 are common sentinels), TIMESTAMP(MICROS) drops
 *       the seventh fraction digit; INT96 keeps both, and Spark, Hive, Impala and SQL Server read
 *       it. DuckDB 1.3 reads it at microseconds, and an instant before 1970 with a fraction of a
 *       second one second late. Avro 1.11 has no nanosecond timestamp: the value is ISO 8601 text
 *       (seven fraction digits, nine when the nanoseconds need them).
 *   <li><b>Datetimeoffset</b> has no counterpart that keeps the offset in any of the three formats:
 *       ISO 8601 text with an explicit offset ({@code +00:00}, never {@code Z}) keeps it.
 *   <li><b>Timespan</b> is .NET's {@code TimeSpan}: a count of 100 ns ticks, stored as that
 *       count, so the whole .NET range fits; a {@code Duration} that is not a whole number of ticks
 *       is refused.
 *   <li><b>Guid</b> is written in the RFC 4122 byte order (as {@link java.util.UUID} prints it).
 *   <li><b>Avro names</b> allow only {@code [A-Za-z_][A-Za-z0-9_]*}: other characters become
 *       {@code _} and the real name is kept in the field property {@code adf.name}.
 * </ul>
 *
 * <h2>Stored type to ADF type (reading files without {@code adf.types})</h2>
 *
 * <table>
 *   <caption>What each stored type reads as</caption>
 *   <tr><th>ADF</th><th>Parquet</th><th>ORC</th><th>Avro</th></tr>
 *   <tr><td>Int16</td><td>INT32 with INT(8), INT(16), UINT(8)</td><td>tinyint, smallint</td>
 *       <td></td></tr>
 *   <tr><td>Int32</td><td>INT32, INT(32), UINT(16)</td><td>int</td><td>int</td></tr>
 *   <tr><td>Int64</td><td>INT64, INT(64), UINT(32)</td><td>bigint</td><td>long</td></tr>
 *   <tr><td>Single / Double</td><td>FLOAT / DOUBLE</td><td>float / double</td>
 *       <td>float / double</td></tr>
 *   <tr><td>Decimal</td><td>DECIMAL on INT32, INT64, BINARY, FIXED; UINT(64)</td>
 *       <td>decimal(p,s)</td><td>decimal on bytes or fixed</td></tr>
 *   <tr><td>Byte[]</td><td>BINARY, FIXED (no annotation or another)</td><td>binary</td>
 *       <td>bytes, fixed</td></tr>
 *   <tr><td>Boolean</td><td>BOOLEAN</td><td>boolean</td><td>boolean</td></tr>
 *   <tr><td>String</td><td>BINARY with STRING, ENUM, JSON</td><td>string, varchar, char</td>
 *       <td>string, enum</td></tr>
 *   <tr><td>Guid</td><td>FIXED(16) UUID</td><td></td><td>string with uuid</td></tr>
 *   <tr><td>Datetime</td><td>INT96; TIMESTAMP (millis, micros, nanos); DATE</td>
 *       <td>timestamp, timestamp with local time zone, date</td>
 *       <td>timestamp-millis/micros, local-timestamp-millis/micros, date</td></tr>
 *   <tr><td>Timespan</td><td>TIME (millis, micros, nanos)</td><td></td>
 *       <td>time-millis, time-micros</td></tr>
 * </table>
 *
 * <p>Timestamps read as UTC wall-clock time (ORC's without time-zone conversion, on the proleptic
 * Gregorian calendar). Complex columns (Parquet groups, lists, maps and repeated fields; ORC
 * struct, array, map and uniontype; Avro record, array, map and unions other than {@code [null,
 * T]}) are not supported by ADF: opening such a file throws {@link
 * io.adfbeam.formats.columnar.UnsupportedColumnException} naming the column, e.g. {@code
 * data.parquet: column 'tags': the Parquet list type is not supported: ADF copies only primitive
 * columns}.
 *
 * <p>Stored text (Datetime in Avro, Datetimeoffset, Guid in ORC) that does not parse reads as a
 * skippable {@link io.adfbeam.formats.rows.BadRowException}; the reader goes on with the next
 * row.
 */
package io.adfbeam.formats.columnar;
