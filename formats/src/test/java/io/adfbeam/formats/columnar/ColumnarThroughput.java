package io.adfbeam.formats.columnar;

import io.adfbeam.formats.AdfType;
import io.adfbeam.formats.rows.Field;
import io.adfbeam.formats.rows.RowReader;
import io.adfbeam.formats.rows.RowSchema;
import io.adfbeam.formats.rows.RowWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes and reads about 200 MB of TPC-H lineitem-like rows (measured as the CSV the same rows
 * make, about 130 bytes a row) in each columnar format on one thread, and prints MB/s. Not a test:
 * run {@code java -cp ... io.adfbeam.formats.columnar.ColumnarThroughput [MB] [folder]}.
 */
public final class ColumnarThroughput {
  private static final String[] INSTRUCT =
      {"DELIVER IN PERSON", "COLLECT COD", "NONE", "TAKE BACK RETURN"};
  private static final String[] MODE = {"REG AIR", "AIR", "RAIL", "SHIP", "TRUCK", "MAIL", "FOB"};
  private static final String[] WORDS = {"furiously", "quickly", "carefully", "blithely", "slyly",
      "ironic", "final", "regular", "express", "special", "pending", "bold", "deposits",
      "requests", "accounts", "packages", "theodolites", "instructions", "foxes", "pinto", "beans",
      "dolphins"};
  private static final LocalDate EPOCH = LocalDate.of(1992, 1, 1);

  static final RowSchema LINEITEM = RowSchema.of(
      Field.of("l_orderkey", AdfType.INT64), Field.of("l_partkey", AdfType.INT32),
      Field.of("l_suppkey", AdfType.INT32), Field.of("l_linenumber", AdfType.INT32),
      Field.of("l_quantity", AdfType.DECIMAL), Field.of("l_extendedprice", AdfType.DECIMAL),
      Field.of("l_discount", AdfType.DECIMAL), Field.of("l_tax", AdfType.DECIMAL),
      Field.of("l_returnflag", AdfType.STRING), Field.of("l_linestatus", AdfType.STRING),
      Field.of("l_shipdate", AdfType.DATETIME), Field.of("l_commitdate", AdfType.DATETIME),
      Field.of("l_receiptdate", AdfType.DATETIME), Field.of("l_shipinstruct", AdfType.STRING),
      Field.of("l_shipmode", AdfType.STRING), Field.of("l_comment", AdfType.STRING));

  private ColumnarThroughput() {}

  /** Generates rows until their CSV form reaches {@code bytes}; returns the rows. */
  static long generate(long bytes, RowWriter out) throws IOException {
    SplittableRandom random = new SplittableRandom(42);
    long written = 0;
    long rows = 0;
    long key = 0;
    StringBuilder comment = new StringBuilder();
    while (written < bytes) {
      key++;
      int lines = 1 + random.nextInt(7);
      for (int line = 1; line <= lines && written < bytes; line++) {
        LocalDate ship = EPOCH.plusDays(random.nextInt(2500));
        comment.setLength(0);
        int words = 2 + random.nextInt(6);
        for (int w = 0; w < words; w++) {
          comment.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        Object[] row = {key, 1 + random.nextInt(200_000), 1 + random.nextInt(10_000), line,
            BigDecimal.valueOf(1 + random.nextInt(50)),
            BigDecimal.valueOf(random.nextInt(10_000_000), 2),
            BigDecimal.valueOf(random.nextInt(10), 2), BigDecimal.valueOf(random.nextInt(9), 2),
            String.valueOf("NRA".charAt(random.nextInt(3))),
            String.valueOf("OF".charAt(random.nextInt(2))), ship.atStartOfDay(),
            ship.plusDays(random.nextInt(60) - 30).atStartOfDay(),
            ship.plusDays(1 + random.nextInt(30)).atStartOfDay(),
            INSTRUCT[random.nextInt(INSTRUCT.length)], MODE[random.nextInt(MODE.length)],
            comment.toString()};
        written += csvLength(row);
        if (out != null) {
          out.write(row);
        }
        rows++;
      }
    }
    return rows;
  }

  private static long csvLength(Object[] row) {
    long n = row.length; // delimiters and the line end
    for (Object v : row) {
      n += v instanceof LocalDateTime t ? 10 : v instanceof BigDecimal d ? d.toPlainString()
          .length() : v.toString().length();
    }
    return n;
  }

  public static void main(String[] args) throws IOException {
    long mb = args.length > 0 ? Long.parseLong(args[0]) : 200;
    Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("throughput");
    long bytes = mb << 20;
    generate(bytes / 4, null); // warm up
    long t0 = System.nanoTime();
    long rows = generate(bytes, null);
    double genSeconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf("%d rows, %d MB as CSV; generating them alone: %.1f s%n", rows, mb,
        genSeconds);
    for (ColumnarFormat format : List.of(ColumnarFormat.values())) {
      Path file = dir.resolve("lineitem" + format.extension());
      long w0 = System.nanoTime();
      try (RowWriter w = format.writer(
          new BufferedOutputStream(Files.newOutputStream(file), 1 << 16), LINEITEM,
          file.toString())) {
        generate(bytes, w);
      }
      double write = (System.nanoTime() - w0) / 1e9 - genSeconds;
      long r0 = System.nanoTime();
      long count = 0;
      long check = 0;
      try (RowReader r = format.reader(SeekableInput.of(file))) {
        for (Object[] row = r.next(); row != null; row = r.next()) {
          count++;
          check += row[15].hashCode();
        }
      }
      double read = (System.nanoTime() - r0) / 1e9;
      if (count != rows) {
        throw new IllegalStateException(format + ": read " + count + " rows of " + rows);
      }
      System.out.printf("%-8s file %4d MB  write %5.1f s = %5.1f MB/s  read %5.1f s = %5.1f MB/s"
              + "  (%d)%n", format, Files.size(file) >> 20, write, mb / write, read, mb / read,
          check & 1);
      Files.delete(file);
    }
  }
}
