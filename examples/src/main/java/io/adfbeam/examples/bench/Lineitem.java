package io.adfbeam.examples.bench;

import io.adfbeam.formats.AdfType;
import io.adfbeam.formats.rows.Field;
import io.adfbeam.formats.rows.RowSchema;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The 16 columns of the generated lineitem rows with their ADF types (TPC-H's: keys Int64, the
 * line number Int32, quantity and money Decimal, flags and text String, dates Datetime), and the
 * harness's own reading of a CSV row into typed values, independent of adf-beam's text reader, to
 * check what the typed cases write.
 */
final class Lineitem {
  /**
   * A column: its name, its ADF type, its DuckDB type as the structure gives it (what adf-beam
   * writes: DECIMAL(38,18), a timestamp), and TPC-H's own DuckDB type.
   */
  record Column(String name, AdfType type, String duckdb, String tpch) {
    Column(String name, AdfType type, String duckdb) {
      this(name, type, duckdb, duckdb);
    }
  }

  static final List<Column> COLUMNS = List.of(
      new Column("l_orderkey", AdfType.INT64, "BIGINT"),
      new Column("l_partkey", AdfType.INT64, "BIGINT"),
      new Column("l_suppkey", AdfType.INT64, "BIGINT"),
      new Column("l_linenumber", AdfType.INT32, "INTEGER"),
      new Column("l_quantity", AdfType.DECIMAL, "DECIMAL(38,18)", "DECIMAL(15,2)"),
      new Column("l_extendedprice", AdfType.DECIMAL, "DECIMAL(38,18)", "DECIMAL(15,2)"),
      new Column("l_discount", AdfType.DECIMAL, "DECIMAL(38,18)", "DECIMAL(15,2)"),
      new Column("l_tax", AdfType.DECIMAL, "DECIMAL(38,18)", "DECIMAL(15,2)"),
      new Column("l_returnflag", AdfType.STRING, "VARCHAR"),
      new Column("l_linestatus", AdfType.STRING, "VARCHAR"),
      new Column("l_shipdate", AdfType.DATETIME, "TIMESTAMP", "DATE"),
      new Column("l_commitdate", AdfType.DATETIME, "TIMESTAMP", "DATE"),
      new Column("l_receiptdate", AdfType.DATETIME, "TIMESTAMP", "DATE"),
      new Column("l_shipinstruct", AdfType.STRING, "VARCHAR"),
      new Column("l_shipmode", AdfType.STRING, "VARCHAR"),
      new Column("l_comment", AdfType.STRING, "VARCHAR"));

  /** The format of the date columns in the CSV, as the structure gives it. */
  static final String DATE_FORMAT = "yyyy-MM-dd";

  private Lineitem() {}

  /** The columns as a RowSchema (no formats: what the typed outputs read back as). */
  static RowSchema schema() {
    List<Field> fields = new ArrayList<>();
    for (Column c : COLUMNS) {
      fields.add(Field.of(c.name(), c.type()));
    }
    return new RowSchema(fields);
  }

  /**
   * The ADF v1 {@code structure} array; the Datetime columns carry {@code "format": "yyyy-MM-dd"}
   * when {@code dateFormat} is set.
   */
  static String structureJson(boolean dateFormat) {
    StringBuilder sb = new StringBuilder("[\n");
    for (int i = 0; i < COLUMNS.size(); i++) {
      Column c = COLUMNS.get(i);
      sb.append("      { \"name\": \"").append(c.name()).append("\", \"type\": \"")
          .append(c.type().adfName()).append('"');
      if (dateFormat && c.type() == AdfType.DATETIME) {
        sb.append(", \"format\": \"").append(DATE_FORMAT).append('"');
      }
      sb.append(" }").append(i + 1 < COLUMNS.size() ? ",\n" : "\n");
    }
    return sb.append("    ]").toString();
  }

  /**
   * DuckDB's {@code columns={...}} argument of read_csv: every column typed as the structure, or
   * with {@code tpch} as TPC-H types it (DECIMAL(15,2), DATE).
   */
  static String duckdbColumns(boolean tpch) {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < COLUMNS.size(); i++) {
      Column c = COLUMNS.get(i);
      sb.append(i == 0 ? "" : ", ").append('\'').append(c.name()).append("': '")
          .append(tpch ? c.tpch() : c.duckdb()).append('\'');
    }
    return sb.append('}').toString();
  }

  /** One CSV line (no line end) as typed values, by plain Java parsing. */
  static Object[] parse(String line) {
    String[] f = line.split(",", -1);
    if (f.length != COLUMNS.size()) {
      throw new IllegalArgumentException("not a lineitem row: " + line);
    }
    Object[] row = new Object[f.length];
    for (int i = 0; i < f.length; i++) {
      row[i] = switch (COLUMNS.get(i).type()) {
        case INT64 -> Long.parseLong(f[i]);
        case INT32 -> Integer.parseInt(f[i]);
        case DECIMAL -> new BigDecimal(f[i]);
        case DATETIME -> LocalDate.parse(f[i]).atStartOfDay();
        default -> f[i];
      };
    }
    return row;
  }

  /** One typed row as a JSON object on one line (setOfObjects): numbers bare, dates as text. */
  static void appendJson(StringBuilder sb, Object[] row) {
    sb.append('{');
    for (int i = 0; i < row.length; i++) {
      Column c = COLUMNS.get(i);
      sb.append(i == 0 ? "\"" : ",\"").append(c.name()).append("\":");
      Object v = row[i];
      switch (c.type()) {
        case INT64, INT32 -> sb.append(v);
        case DECIMAL -> sb.append(((BigDecimal) v).toPlainString());
        case DATETIME -> sb.append('"').append(((LocalDateTime) v).toLocalDate()).append('"');
        default -> appendJsonString(sb, (String) v);
      }
    }
    sb.append("}\n");
  }

  private static void appendJsonString(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '"' || ch == '\\') {
        sb.append('\\').append(ch);
      } else if (ch < 0x20) {
        sb.append(String.format("\\u%04x", (int) ch));
      } else {
        sb.append(ch);
      }
    }
    sb.append('"');
  }

  /**
   * A digest of typed rows: their count and a CRC-32 over each value's canonical text in order
   * (integers as digits, decimals without trailing zeros, Datetime as ISO 8601, strings as they
   * are, null as a NUL byte), values separated by 0x1F and rows by 0x1E. Two files with the same
   * digest hold the same values in the same order, whatever their format.
   */
  static final class ValueDigest {
    private final CRC32 crc = new CRC32();
    private final StringBuilder text = new StringBuilder(256);
    long rows;

    void add(Object[] row) {
      text.setLength(0);
      for (int i = 0; i < row.length; i++) {
        if (i > 0) {
          text.append('\u001f');
        }
        Object v = row[i];
        if (v == null) {
          text.append('\u0000');
        } else if (v instanceof BigDecimal d) {
          text.append(d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString());
        } else {
          text.append(v); // Long, Integer, String, LocalDateTime (ISO 8601)
        }
      }
      text.append('\u001e');
      crc.update(text.toString().getBytes(StandardCharsets.UTF_8));
      rows++;
    }

    long crc() {
      return crc.getValue();
    }
  }
}
