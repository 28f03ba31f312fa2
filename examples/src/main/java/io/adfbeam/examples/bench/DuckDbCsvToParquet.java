package io.adfbeam.examples.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The baseline of case (e), run by the harness as a child process with DuckDB's JDBC driver
 * ({@code org.duckdb:duckdb_jdbc}) on its class path: converts each CSV file to one Parquet file
 * (as adf-beam writes one output per input), SNAPPY-compressed, with the columns typed as the
 * case's {@code structure}, on a given number of threads:
 *
 * <pre>
 * SET threads = N;
 * COPY (SELECT * FROM read_csv('IN.csv', header = false, delim = ',', quote = '', auto_detect = false,
 *     columns = {'l_orderkey': 'BIGINT', ...})) TO 'OUT.parquet' (FORMAT parquet, COMPRESSION snappy);
 * </pre>
 *
 * <p>With {@code tpch} as TYPES the columns are typed as TPC-H types them instead (DECIMAL(15,2),
 * DATE): not what adf-beam writes, but DuckDB's fast path (its DECIMAL(38,18) parsing from text
 * is several times slower than the rest of the copy), shown for comparison.
 *
 * <p>Usage: {@code DuckDbCsvToParquet THREADS TYPES OUT_FOLDER CSV...} (TYPES: {@code structure}
 * or {@code tpch}). Prints DuckDB's version, then
 * {@code rows N} (the rows written, all files) and {@code copy S} (the seconds the COPY statements
 * took, without the JVM's start-up).
 */
public final class DuckDbCsvToParquet {
  private DuckDbCsvToParquet() {}

  /** The statements run for each file, in order (after {@code SET threads}). */
  static String copySql(Path csv, Path parquet, boolean tpch) {
    return "COPY (SELECT * FROM read_csv(" + quote(csv.toString()) + ", header = false,"
        + " delim = ',', quote = '', escape = '', auto_detect = false, columns = "
        + Lineitem.duckdbColumns(tpch) + ")) TO " + quote(parquet.toString())
        + " (FORMAT parquet, COMPRESSION snappy)";
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  /** The Parquet file a CSV file becomes. */
  static String outputName(String csvName) {
    return csvName.endsWith(".csv") ? csvName.substring(0, csvName.length() - 4) + ".parquet"
        : csvName + ".parquet";
  }

  public static void main(String[] args) throws SQLException, ClassNotFoundException {
    if (args.length < 4 || !List.of("structure", "tpch").contains(args[1])) {
      System.err.println("usage: DuckDbCsvToParquet THREADS structure|tpch OUT_FOLDER CSV...");
      System.exit(2);
    }
    int threads = Integer.parseInt(args[0]);
    boolean tpch = args[1].equals("tpch");
    Path out = Path.of(args[2]);
    List<Path> inputs = new ArrayList<>();
    for (int i = 3; i < args.length; i++) {
      inputs.add(Path.of(args[i]));
    }
    Class.forName("org.duckdb.DuckDBDriver");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      try (ResultSet v = s.executeQuery("SELECT version()")) {
        v.next();
        System.out.println("duckdb " + v.getString(1));
      }
      s.execute("SET threads = " + threads);
      long started = System.nanoTime();
      long rows = 0;
      for (Path csv : inputs) {
        Path parquet = out.resolve(outputName(csv.getFileName().toString()));
        if (s.execute(copySql(csv, parquet, tpch))) {
          try (ResultSet r = s.getResultSet()) {
            rows += r.next() ? r.getLong(1) : 0;
          }
        } else {
          rows += Math.max(0, s.getUpdateCount());
        }
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      System.out.println("rows " + rows);
      System.out.println(String.format(Locale.ROOT, "copy %.3f", seconds));
    }
  }
}
