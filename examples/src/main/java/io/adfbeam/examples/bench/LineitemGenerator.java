package io.adfbeam.examples.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Deterministic TPC-H lineitem-like CSV: the same seed gives the same bytes on every machine, so
 * benchmark figures compare across runs. About 130 bytes a row, 16 columns of integers, decimals,
 * flags, dates and free text.
 */
public final class LineitemGenerator {
  private static final String[] INSTRUCT = {"DELIVER IN PERSON", "COLLECT COD", "NONE", "TAKE BACK RETURN"};
  private static final String[] MODE = {"REG AIR", "AIR", "RAIL", "SHIP", "TRUCK", "MAIL", "FOB"};
  private static final String[] WORDS = {"furiously", "quickly", "carefully", "blithely", "slyly",
      "ironic", "final", "regular", "express", "special", "pending", "bold", "deposits", "requests",
      "accounts", "packages", "theodolites", "instructions", "foxes", "pinto", "beans", "dolphins"};
  private static final LocalDate EPOCH = LocalDate.of(1992, 1, 1);

  private LineitemGenerator() {}

  /** Writes {@code files} files of about {@code bytesPerFile} bytes each into {@code folder}. */
  public static long generate(Path folder, int files, long bytesPerFile, long seed) throws IOException {
    Files.createDirectories(folder);
    long total = 0;
    for (int f = 0; f < files; f++) {
      total += generateFile(folder, f, bytesPerFile, seed);
    }
    return total;
  }

  /** The name of file number {@code index} of {@link #generate}. */
  public static String fileName(int index) {
    return String.format("lineitem-%03d.csv", index);
  }

  /**
   * Writes file number {@code index} of {@link #generate} on its own (the same bytes), so that
   * callers can write the files in parallel; returns its size.
   */
  public static long generateFile(Path folder, int index, long bytesPerFile, long seed)
      throws IOException {
    Path file = folder.resolve(fileName(index));
    return writeFile(file, bytesPerFile, new SplittableRandom(seed + index), (long) index * 100_000_000L);
  }

  static long writeFile(Path file, long bytes, SplittableRandom random, long firstKey) throws IOException {
    long written = 0;
    StringBuilder row = new StringBuilder(256);
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
      long key = firstKey;
      while (written < bytes) {
        row.setLength(0);
        key++;
        int lines = 1 + random.nextInt(7);
        for (int line = 1; line <= lines && written < bytes; line++) {
          row.setLength(0);
          LocalDate ship = EPOCH.plusDays(random.nextInt(2500));
          row.append(key).append(',')
              .append(1 + random.nextInt(200_000)).append(',')
              .append(1 + random.nextInt(10_000)).append(',')
              .append(line).append(',')
              .append(1 + random.nextInt(50)).append(',')
              .append(random.nextInt(100_000)).append('.').append(two(random.nextInt(100))).append(',')
              .append("0.0").append(random.nextInt(10)).append(',')
              .append("0.0").append(random.nextInt(9)).append(',')
              .append("NRA".charAt(random.nextInt(3))).append(',')
              .append("OF".charAt(random.nextInt(2))).append(',')
              .append(ship).append(',')
              .append(ship.plusDays(random.nextInt(60) - 30)).append(',')
              .append(ship.plusDays(1 + random.nextInt(30))).append(',')
              .append(INSTRUCT[random.nextInt(INSTRUCT.length)]).append(',')
              .append(MODE[random.nextInt(MODE.length)]).append(',');
          int words = 2 + random.nextInt(6);
          for (int w = 0; w < words; w++) {
            row.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
          }
          row.append('\n');
          byte[] b = row.toString().getBytes(StandardCharsets.US_ASCII);
          out.write(b);
          written += b.length;
        }
      }
    }
    return written;
  }

  /** Writes {@code count} small files of a few hundred bytes, 1,000 per folder. */
  public static void smallFiles(Path folder, int count, long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < count; i++) {
      Path dir = folder.resolve(String.format("part-%04d", i / 1000));
      if (i % 1000 == 0) {
        Files.createDirectories(dir);
      }
      StringBuilder sb = new StringBuilder();
      int n = 100 + random.nextInt(400);
      while (sb.length() < n) {
        sb.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
      }
      Files.writeString(dir.resolve(String.format("file-%06d.txt", i)), sb, StandardCharsets.US_ASCII);
    }
  }

  private static String two(int v) {
    return v < 10 ? "0" + v : Integer.toString(v);
  }
}
