package io.adfbeam.examples.bench;

import io.adfbeam.formats.columnar.ColumnarFormat;
import io.adfbeam.formats.rows.RowWriter;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * The benchmark's input data under {@code WORK/data/bench/}: {@code csv/} (the lineitem-like CSV),
 * {@code csvgz/} (the same files GZip-compressed at zlib's default level 6, as {@code gzip} writes
 * them), {@code parquet/} and {@code json/} (typed copies of the CSV for the typed cases) and
 * {@code small/} (the small files). Each set has a marker file beside it holding the
 * parameters it was made with and digests of its content; a set whose marker matches is reused,
 * so repeated runs skip the generation.
 */
final class BenchData {
  private static final int BUFFER = 1 << 20;

  /** One CSV file: its name, length, CRC-32 and number of rows. */
  record CsvFile(String name, long length, long crc, long rows) {}

  /**
   * The typed copies of one CSV file (for the typed cases): its name, its rows, the CRC-32 of its
   * values ({@link Lineitem.ValueDigest}), and the lengths of its Parquet and JSON copies.
   */
  record TypedFile(String csvName, long rows, long valueCrc, long parquetBytes, long jsonBytes) {
    String parquetName() {
      return stem() + ".parquet";
    }

    String jsonName() {
      return stem() + ".json";
    }

    private String stem() {
      return csvName.endsWith(".csv") ? csvName.substring(0, csvName.length() - 4) : csvName;
    }
  }

  /** A tree of files: how many, their total length, and a CRC-32 over paths and contents. */
  record TreeDigest(long files, long bytes, long crc) {}

  private final Path root;

  BenchData(Path work) {
    this.root = work.resolve("data");
  }

  /** The folder the input linked service is mapped to; the datasets' container is "bench". */
  Path storeRoot() {
    return root;
  }

  Path csvFolder() {
    return root.resolve("bench/csv");
  }

  Path gzFolder() {
    return root.resolve("bench/csvgz");
  }

  Path parquetFolder() {
    return root.resolve("bench/parquet");
  }

  Path jsonFolder() {
    return root.resolve("bench/json");
  }

  Path smallFolder() {
    return root.resolve("bench/small");
  }

  /** Makes (or reuses) the CSV files; returns their digests in name order. */
  List<CsvFile> csv(int files, long bytesPerFile, long seed, StatusLog log) throws IOException {
    Path marker = root.resolve("csv.marker");
    String params = "files=" + files + " bytesPerFile=" + bytesPerFile + " seed=" + seed;
    List<CsvFile> known = readCsvMarker(marker, params);
    if (known != null && matches(csvFolder(), known)) {
      log.info("reusing " + files + " CSV files in " + csvFolder());
      return known;
    }
    log.info("generating " + files + " CSV files of " + bytesPerFile + " bytes in " + csvFolder());
    Files.deleteIfExists(marker);
    deleteTree(csvFolder());
    Files.createDirectories(csvFolder());
    parallel(files, i -> LineitemGenerator.generateFile(csvFolder(), i, bytesPerFile, seed));
    List<CsvFile> digests = new ArrayList<>();
    for (int i = 0; i < files; i++) {
      String name = LineitemGenerator.fileName(i);
      try (InputStream in = Files.newInputStream(csvFolder().resolve(name))) {
        Digest d = Digest.of(in);
        digests.add(new CsvFile(name, d.length, d.crc, d.newlines));
      }
    }
    writeCsvMarker(marker, params, digests);
    return digests;
  }

  /** Makes (or reuses) the GZip-compressed copies of the CSV files; returns their names. */
  List<String> gz(List<CsvFile> csv, StatusLog log) throws IOException {
    Path marker = root.resolve("csvgz.marker");
    StringBuilder params = new StringBuilder("level=6");
    csv.forEach(f -> params.append(' ').append(f.name()).append('=').append(Long.toHexString(f.crc())));
    List<String> names = csv.stream().map(f -> f.name() + ".gz").toList();
    if (Files.exists(marker) && Files.readString(marker).strip().equals(params.toString())
        && names.stream().allMatch(n -> Files.isRegularFile(gzFolder().resolve(n)))) {
      log.info("reusing " + names.size() + " GZip files in " + gzFolder());
      return names;
    }
    log.info("compressing " + names.size() + " GZip files into " + gzFolder());
    Files.deleteIfExists(marker);
    deleteTree(gzFolder());
    Files.createDirectories(gzFolder());
    parallel(csv.size(), i -> {
      try (InputStream in = Files.newInputStream(csvFolder().resolve(csv.get(i).name()));
          OutputStream out = new LevelGzip(Files.newOutputStream(gzFolder().resolve(names.get(i))),
              Deflater.DEFAULT_COMPRESSION)) {
        in.transferTo(out);
      }
      return 0;
    });
    Files.writeString(marker, params + "\n");
    return names;
  }

  /**
   * Makes (or reuses) the typed copies of the CSV files: each file read by {@link Lineitem#parse}
   * (plain Java, not adf-beam's text reader), written as Parquet with the formats module's writer
   * (SNAPPY, as adf-beam writes it) and as JSON (setOfObjects, one object per line), and the
   * digest of its values taken. Returns one entry per CSV file, in order.
   */
  List<TypedFile> typed(List<CsvFile> csv, StatusLog log) throws IOException {
    Path marker = root.resolve("typed.marker");
    StringBuilder params = new StringBuilder("version=1");
    csv.forEach(f -> params.append(' ').append(f.name()).append('=').append(Long.toHexString(f.crc())));
    List<TypedFile> known = readTypedMarker(marker, params.toString(), csv.size());
    if (known != null && known.stream().allMatch(t ->
        hasLength(parquetFolder().resolve(t.parquetName()), t.parquetBytes())
            && hasLength(jsonFolder().resolve(t.jsonName()), t.jsonBytes()))) {
      log.info("reusing " + csv.size() + " Parquet and JSON files in " + parquetFolder() + " and "
          + jsonFolder());
      return known;
    }
    log.info("writing " + csv.size() + " Parquet and JSON files (typed copies of the CSV) into "
        + parquetFolder() + " and " + jsonFolder());
    Files.deleteIfExists(marker);
    deleteTree(parquetFolder());
    deleteTree(jsonFolder());
    Files.createDirectories(parquetFolder());
    Files.createDirectories(jsonFolder());
    TypedFile[] made = new TypedFile[csv.size()];
    parallel(csv.size(), i -> {
      made[i] = typedCopies(csv.get(i).name());
      return 0;
    });
    List<TypedFile> result = List.of(made);
    StringBuilder content = new StringBuilder(params).append('\n');
    for (TypedFile t : result) {
      content.append(t.csvName()).append(' ').append(t.rows()).append(' ').append(t.valueCrc())
          .append(' ').append(t.parquetBytes()).append(' ').append(t.jsonBytes()).append('\n');
    }
    Files.writeString(marker, content);
    return result;
  }

  private TypedFile typedCopies(String csvName) throws IOException {
    TypedFile names = new TypedFile(csvName, 0, 0, 0, 0);
    Path parquet = parquetFolder().resolve(names.parquetName());
    Path json = jsonFolder().resolve(names.jsonName());
    Lineitem.ValueDigest digest = new Lineitem.ValueDigest();
    try (BufferedReader in = Files.newBufferedReader(csvFolder().resolve(csvName),
            StandardCharsets.UTF_8);
        RowWriter pq = ColumnarFormat.PARQUET.writer(Files.newOutputStream(parquet),
            Lineitem.schema(), parquet.toString());
        Writer js = new OutputStreamWriter(
            new BufferedOutputStream(Files.newOutputStream(json), BUFFER), StandardCharsets.UTF_8)) {
      StringBuilder sb = new StringBuilder(512);
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        Object[] row = Lineitem.parse(line);
        digest.add(row);
        pq.write(row);
        sb.setLength(0);
        Lineitem.appendJson(sb, row);
        js.append(sb);
      }
    }
    return new TypedFile(csvName, digest.rows, digest.crc(), Files.size(parquet), Files.size(json));
  }

  private static boolean hasLength(Path p, long length) {
    try {
      return Files.isRegularFile(p) && Files.size(p) == length;
    } catch (IOException e) {
      return false;
    }
  }

  private static List<TypedFile> readTypedMarker(Path marker, String params, int n)
      throws IOException {
    if (!Files.exists(marker)) {
      return null;
    }
    List<String> lines = Files.readAllLines(marker);
    if (lines.size() != n + 1 || !lines.get(0).equals(params)) {
      return null;
    }
    List<TypedFile> files = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] v = line.split(" ");
      if (v.length != 5) {
        return null;
      }
      files.add(new TypedFile(v[0], Long.parseLong(v[1]), Long.parseLong(v[2]),
          Long.parseLong(v[3]), Long.parseLong(v[4])));
    }
    return files;
  }

  /** Makes (or reuses) the small files; returns their digest. */
  TreeDigest small(int count, long seed, StatusLog log) throws IOException {
    Path marker = root.resolve("small.marker");
    String params = "count=" + count + " seed=" + seed;
    if (Files.exists(marker)) {
      List<String> lines = Files.readAllLines(marker);
      if (lines.size() == 2 && lines.get(0).equals(params) && Files.isDirectory(smallFolder())) {
        TreeDigest d = parseTree(lines.get(1));
        if (countFiles(smallFolder()) == d.files()) {
          log.info("reusing " + count + " small files in " + smallFolder());
          return d;
        }
      }
    }
    log.info("generating " + count + " small files in " + smallFolder());
    Files.deleteIfExists(marker);
    deleteTree(smallFolder());
    LineitemGenerator.smallFiles(smallFolder(), count, seed);
    TreeDigest d = treeDigest(smallFolder());
    Files.writeString(marker, params + "\n" + d.files() + " " + d.bytes() + " " + d.crc() + "\n");
    return d;
  }

  private static TreeDigest parseTree(String line) {
    String[] p = line.trim().split(" ");
    return new TreeDigest(Long.parseLong(p[0]), Long.parseLong(p[1]), Long.parseLong(p[2]));
  }

  private static List<CsvFile> readCsvMarker(Path marker, String params) throws IOException {
    if (!Files.exists(marker)) {
      return null;
    }
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(marker)) {
      p.load(in);
    }
    if (!params.equals(p.getProperty("params"))) {
      return null;
    }
    List<CsvFile> files = new ArrayList<>();
    int n = Integer.parseInt(p.getProperty("count", "0"));
    for (int i = 0; i < n; i++) {
      String[] v = p.getProperty("file." + i, "").split(" ");
      if (v.length != 4) {
        return null;
      }
      files.add(new CsvFile(v[0], Long.parseLong(v[1]), Long.parseLong(v[2]), Long.parseLong(v[3])));
    }
    return files;
  }

  private static void writeCsvMarker(Path marker, String params, List<CsvFile> files)
      throws IOException {
    Properties p = new Properties();
    p.setProperty("params", params);
    p.setProperty("count", Integer.toString(files.size()));
    for (int i = 0; i < files.size(); i++) {
      CsvFile f = files.get(i);
      p.setProperty("file." + i, f.name() + " " + f.length() + " " + f.crc() + " " + f.rows());
    }
    try (OutputStream out = Files.newOutputStream(marker)) {
      p.store(out, "adf-beam benchmark CSV inputs");
    }
  }

  private static boolean matches(Path folder, List<CsvFile> files) throws IOException {
    for (CsvFile f : files) {
      Path p = folder.resolve(f.name());
      if (!Files.isRegularFile(p) || Files.size(p) != f.length()) {
        return false;
      }
    }
    return true;
  }

  /** Length, CRC-32 and number of newlines of a stream. */
  static final class Digest {
    long length;
    long newlines;
    long crc;

    static Digest of(InputStream in) throws IOException {
      Digest d = new Digest();
      CRC32 crc = new CRC32();
      byte[] buf = new byte[BUFFER];
      for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
        crc.update(buf, 0, n);
        d.length += n;
        for (int i = 0; i < n; i++) {
          if (buf[i] == '\n') {
            d.newlines++;
          }
        }
      }
      d.crc = crc.getValue();
      return d;
    }
  }

  /**
   * A CRC-32 over every file under {@code folder} in path order (its relative path, a zero byte,
   * its content), with the count and total length; adf-beam's own {@code .adf-beam} folder is left
   * out.
   */
  static TreeDigest treeDigest(Path folder) throws IOException {
    List<Path> files = files(folder);
    CRC32 crc = new CRC32();
    long bytes = 0;
    byte[] buf = new byte[1 << 16];
    for (Path f : files) {
      crc.update(folder.relativize(f).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
      crc.update(0);
      try (InputStream in = new BufferedInputStream(Files.newInputStream(f), 1 << 16)) {
        for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
          crc.update(buf, 0, n);
          bytes += n;
        }
      }
    }
    return new TreeDigest(files.size(), bytes, crc.getValue());
  }

  /** The regular files under {@code folder} in path order, without adf-beam's own folder. */
  static List<Path> files(Path folder) throws IOException {
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> !folder.relativize(p).toString().startsWith(".adf-beam"))
          .sorted(Comparator.comparing(p -> folder.relativize(p).toString()))
          .toList();
    }
  }

  private static long countFiles(Path folder) throws IOException {
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(Files::isRegularFile).count();
    }
  }

  static void deleteTree(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  interface IndexTask {
    long run(int index) throws IOException;
  }

  /** Runs {@code task} for 0..n-1 on as many threads as there are cores. */
  private static void parallel(int n, IndexTask task) throws IOException {
    ExecutorService pool = Executors.newFixedThreadPool(
        Math.max(1, Math.min(n, Runtime.getRuntime().availableProcessors())));
    try {
      List<Future<Long>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int index = i;
        futures.add(pool.submit(() -> task.run(index)));
      }
      for (Future<Long> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      if (e.getCause() instanceof UncheckedIOException u) {
        throw u.getCause();
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** GZip at a chosen zlib level. */
  private static final class LevelGzip extends GZIPOutputStream {
    LevelGzip(OutputStream out, int level) throws IOException {
      super(out, BUFFER);
      def.setLevel(level);
    }
  }
}
