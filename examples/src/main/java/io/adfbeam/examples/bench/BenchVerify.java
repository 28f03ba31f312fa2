package io.adfbeam.examples.bench;

import io.adfbeam.formats.columnar.ColumnarFormat;
import io.adfbeam.formats.columnar.SeekableInput;
import io.adfbeam.formats.rows.RowReader;
import io.adfbeam.formats.rows.RowSchema;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.GZIPInputStream;

/**
 * Reads a case's output back and compares it with the input's digests. Each method returns null
 * when the output matches, else what is wrong.
 */
final class BenchVerify {
  private static final int BUFFER = 1 << 20;

  private BenchVerify() {}

  /** Case (a): one {@code NAME.gz} per input, decompressing to the input's bytes. */
  static String gzipCsv(Path folder, List<BenchData.CsvFile> inputs) throws IOException {
    String names = names(folder, inputs, ".gz");
    if (names != null) {
      return names;
    }
    for (BenchData.CsvFile f : inputs) {
      try (InputStream in = new GZIPInputStream(Files.newInputStream(folder.resolve(f.name() + ".gz")),
          BUFFER)) {
        String problem = compare(f, BenchData.Digest.of(in));
        if (problem != null) {
          return problem;
        }
      }
    }
    return null;
  }

  /** Case (b): one file per input, with the input's bytes. */
  static String plainCsv(Path folder, List<BenchData.CsvFile> inputs) throws IOException {
    String names = names(folder, inputs, "");
    if (names != null) {
      return names;
    }
    for (BenchData.CsvFile f : inputs) {
      try (InputStream in = Files.newInputStream(folder.resolve(f.name()))) {
        String problem = compare(f, BenchData.Digest.of(in));
        if (problem != null) {
          return problem;
        }
      }
    }
    return null;
  }

  /**
   * Case (c): one file per input, a header row of as many names as the input has columns, then
   * the input's rows with tabs for commas (a CR before each LF tolerated).
   */
  static String tabWithHeader(Path folder, List<BenchData.CsvFile> inputs) throws IOException {
    String names = names(folder, inputs, "");
    if (names != null) {
      return names;
    }
    for (BenchData.CsvFile f : inputs) {
      Path output = folder.resolve(f.name());
      try (InputStream in = new BufferedInputStream(Files.newInputStream(output), BUFFER)) {
        StringBuilder header = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
          if (b < 0) {
            return output + ": no header row";
          }
          header.append((char) b);
        }
        String h = header.toString().replace("\r", "");
        int columns = h.split("\t", -1).length;
        if (columns != 16 || h.contains(",")) {
          return output + ": the header row '" + h + "' does not name the 16 columns";
        }
        String problem = compare(f, untab(in));
        if (problem != null) {
          return problem;
        }
      }
    }
    return null;
  }

  /** Case (d): the same files at the same relative paths with the same bytes. */
  static String tree(Path folder, BenchData.TreeDigest expected) throws IOException {
    if (!Files.isDirectory(folder)) {
      return "no output folder " + folder;
    }
    BenchData.TreeDigest actual = BenchData.treeDigest(folder);
    if (!actual.equals(expected)) {
      return "output tree " + folder + " has " + actual.files() + " files, " + actual.bytes()
          + " bytes (CRC " + Long.toHexString(actual.crc()) + "); the input has "
          + expected.files() + " files, " + expected.bytes() + " bytes (CRC "
          + Long.toHexString(expected.crc()) + ")";
    }
    return null;
  }

  /**
   * Cases (e) to (g): one file per input named {@code names[i]}, in {@code format}, read back with
   * the formats module's reader: the lineitem columns and types, and the input's rows and values
   * in order ({@link Lineitem.ValueDigest}).
   */
  static String typed(Path folder, List<BenchData.TypedFile> inputs, List<String> names,
      ColumnarFormat format) throws IOException {
    if (!Files.isDirectory(folder)) {
      return "no output folder " + folder;
    }
    List<String> actual = BenchData.files(folder).stream()
        .map(p -> folder.relativize(p).toString()).toList();
    List<String> expected = names.stream().sorted().toList();
    if (!actual.equals(expected)) {
      return "output folder " + folder + " holds " + actual + "; expected " + expected;
    }
    RowSchema schema = Lineitem.schema();
    for (int i = 0; i < inputs.size(); i++) {
      BenchData.TypedFile f = inputs.get(i);
      Path output = folder.resolve(names.get(i));
      Lineitem.ValueDigest digest = new Lineitem.ValueDigest();
      try (RowReader reader = format.reader(SeekableInput.of(output))) {
        if (!reader.schema().equals(schema)) {
          return output + ": " + format.adfName() + " columns " + reader.schema().fields()
              + "; expected " + schema.fields();
        }
        for (Object[] row = reader.next(); row != null; row = reader.next()) {
          digest.add(row);
        }
      }
      if (digest.rows != f.rows() || digest.crc() != f.valueCrc()) {
        return output + ": reads back as " + digest.rows + " rows, value CRC "
            + Long.toHexString(digest.crc()) + "; the input " + f.csvName() + " has " + f.rows()
            + " rows, value CRC " + Long.toHexString(f.valueCrc());
      }
    }
    return null;
  }

  /** The digest of a stream with tabs read as commas and CRs dropped. */
  private static BenchData.Digest untab(InputStream in) throws IOException {
    BenchData.Digest d = new BenchData.Digest();
    CRC32 crc = new CRC32();
    byte[] buf = new byte[BUFFER];
    for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
      int w = 0;
      for (int i = 0; i < n; i++) {
        byte b = buf[i];
        if (b == '\r') {
          continue;
        }
        if (b == '\t') {
          b = ',';
        } else if (b == '\n') {
          d.newlines++;
        }
        buf[w++] = b;
      }
      crc.update(buf, 0, w);
      d.length += w;
    }
    d.crc = crc.getValue();
    return d;
  }

  private static String compare(BenchData.CsvFile expected, BenchData.Digest actual) {
    if (actual.length != expected.length() || actual.crc != expected.crc()
        || actual.newlines != expected.rows()) {
      return expected.name() + ": the output reads back as " + actual.length + " bytes, "
          + actual.newlines + " rows, CRC " + Long.toHexString(actual.crc) + "; the input has "
          + expected.length() + " bytes, " + expected.rows() + " rows, CRC "
          + Long.toHexString(expected.crc());
    }
    return null;
  }

  /** Null when {@code folder} holds exactly the inputs' names with {@code suffix}. */
  private static String names(Path folder, List<BenchData.CsvFile> inputs, String suffix)
      throws IOException {
    if (!Files.isDirectory(folder)) {
      return "no output folder " + folder;
    }
    List<String> actual = BenchData.files(folder).stream()
        .map(p -> folder.relativize(p).toString()).toList();
    List<String> expected = inputs.stream().map(f -> f.name() + suffix).sorted().toList();
    if (!actual.equals(expected)) {
      return "output folder " + folder + " holds " + actual + "; expected " + expected;
    }
    return null;
  }
}
