package io.adfbeam.formats.text;

import io.adfbeam.formats.CompressionLevel;
import io.adfbeam.formats.CompressionType;
import io.adfbeam.formats.TestData;
import io.adfbeam.formats.compression.Codecs;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A by-hand throughput check of the text codec and the GZip codec on ~200 MB of generated
 * lineitem-like CSV, single-threaded. Not a test: nothing is timed in the build. Run with
 *
 * <pre>
 * mvn -pl formats test-compile
 * java -cp formats/target/classes:formats/target/test-classes:$(commons-compress jar) \
 *     io.adfbeam.formats.text.TextCodecThroughput [megabytes]
 * </pre>
 */
public final class TextCodecThroughput {
  private TextCodecThroughput() {}

  public static void main(String[] args) throws IOException {
    int mb = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    byte[] csv = TestData.csvBytes(mb << 20, 1);
    double size = csv.length / 1e6;
    System.out.printf("input: %.1f MB of CSV%n", size);
    TextFormatOptions plain = TextFormatOptions.defaults();
    TextFormatOptions quoted = plain.withQuoteChar('"');

    for (int round = 1; round <= 3; round++) {
      System.out.printf("round %d%n", round);
      report("read (defaults)", size, () -> read(csv, plain));
      report("read (quoteChar)", size, () -> read(csv, quoted));
      report("read + write (defaults)", size, () -> copy(csv, plain));
      report("read + write (quoteChar)", size, () -> copy(csv, quoted));
    }
    List<String[]> sample = new ArrayList<>();
    try (TextRowReader r = new TextRowReader(new ByteArrayInputStream(csv), plain, "gen")) {
      for (String[] row = r.next(); row != null && sample.size() < 200_000; row = r.next()) {
        sample.add(row);
      }
    }
    long[] written = new long[1];
    for (int round = 1; round <= 2; round++) {
      report(
          "write only (" + sample.size() + " rows x 10)",
          -1,
          () -> {
            CountingStream out = new CountingStream();
            try (TextRowWriter w = new TextRowWriter(out, plain)) {
              for (int k = 0; k < 10; k++) {
                for (String[] row : sample) {
                  w.write(row);
                }
              }
            }
            written[0] = out.count;
            return out.count;
          });
    }

    byte[][] packed = new byte[1][];
    for (CompressionLevel level : CompressionLevel.values()) {
      report(
          "gzip compress " + level.adfName(),
          size,
          () -> {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(csv.length / 3);
            try (OutputStream out = Codecs.compress(bytes, CompressionType.GZIP, level)) {
              out.write(csv);
            }
            packed[0] = bytes.toByteArray();
            return packed[0].length;
          });
    }
    report(
        "gzip decompress",
        size,
        () -> {
          try (InputStream in =
              Codecs.decompress(new ByteArrayInputStream(packed[0]), CompressionType.GZIP)) {
            return in.transferTo(OutputStream.nullOutputStream());
          }
        });
    report(
        "gunzip + read + write + gzip Fastest",
        size,
        () -> {
          CountingStream sink = new CountingStream();
          try (TextRowReader r =
                  new TextRowReader(
                      Codecs.decompress(new ByteArrayInputStream(packed[0]), CompressionType.GZIP),
                      plain,
                      "gen");
              TextRowWriter w =
                  new TextRowWriter(
                      Codecs.compress(sink, CompressionType.GZIP, CompressionLevel.FASTEST),
                      plain)) {
            for (String[] row = r.next(); row != null; row = r.next()) {
              w.write(row);
            }
          }
          return sink.count;
        });
  }

  interface Job {
    long run() throws IOException;
  }

  static void report(String what, double mb, Job job) throws IOException {
    long t0 = System.nanoTime();
    long result = job.run();
    double s = (System.nanoTime() - t0) / 1e9;
    double volume = mb > 0 ? mb : result / 1e6;
    System.out.printf("  %-40s %7.2f s %8.1f MB/s  (%d)%n", what, s, volume / s, result);
  }

  static long read(byte[] csv, TextFormatOptions options) throws IOException {
    long fields = 0;
    try (TextRowReader r = new TextRowReader(new ByteArrayInputStream(csv), options, "gen")) {
      for (String[] row = r.next(); row != null; row = r.next()) {
        fields += row.length;
      }
    }
    return fields;
  }

  static long copy(byte[] csv, TextFormatOptions options) throws IOException {
    CountingStream out = new CountingStream();
    try (TextRowReader r = new TextRowReader(new ByteArrayInputStream(csv), options, "gen");
        TextRowWriter w = new TextRowWriter(out, options)) {
      for (String[] row = r.next(); row != null; row = r.next()) {
        w.write(row);
      }
    }
    return out.count;
  }

  static final class CountingStream extends OutputStream {
    long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }
}
