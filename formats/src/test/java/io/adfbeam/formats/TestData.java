package io.adfbeam.formats;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Deterministic, realistic test data: lineitem-like CSV. */
public final class TestData {
  private static final String[] MODES = {"AIR", "MAIL", "SHIP", "TRUCK", "RAIL", "FOB", "REG AIR"};
  private static final String[] WORDS = {
    "furiously", "quickly", "carefully", "regular", "express", "final", "pending", "ironic",
    "deposits", "packages", "accounts", "requests", "instructions", "theodolites", "foxes", "sleep",
    "haggle", "nag", "wake", "among", "above", "blithely", "slyly", "bold"
  };

  private TestData() {}

  /** About {@code bytes} bytes of CSV lines ending in CRLF, the same for the same arguments. */
  public static String csv(int bytes, long seed) {
    Random r = new Random(seed);
    StringBuilder sb = new StringBuilder(bytes + 256);
    for (long row = 1; sb.length() < bytes; row++) {
      appendRow(sb, r, row);
      sb.append("\r\n");
    }
    return sb.toString();
  }

  /** The same CSV as UTF-8 bytes. */
  public static byte[] csvBytes(int bytes, long seed) {
    return csv(bytes, seed).getBytes(StandardCharsets.UTF_8);
  }

  /** Appends one lineitem-like row (no line end): 10 columns. */
  public static void appendRow(StringBuilder sb, Random r, long row) {
    sb.append(row).append(',');
    sb.append(1 + r.nextInt(200_000)).append(',');
    sb.append(1 + r.nextInt(10_000)).append(',');
    sb.append(1 + r.nextInt(50)).append(',');
    sb.append(900 + r.nextInt(100_000)).append('.').append(10 + r.nextInt(90)).append(',');
    sb.append("0.0").append(r.nextInt(10)).append(',');
    sb.append(r.nextBoolean() ? 'N' : 'R').append(',');
    sb.append(1992 + r.nextInt(7)).append('-');
    int m = 1 + r.nextInt(12);
    int d = 1 + r.nextInt(28);
    sb.append(m < 10 ? "0" : "").append(m).append('-').append(d < 10 ? "0" : "").append(d);
    sb.append(',').append(MODES[r.nextInt(MODES.length)]).append(',');
    int words = 2 + r.nextInt(6);
    for (int i = 0; i < words; i++) {
      sb.append(i == 0 ? "" : " ").append(WORDS[r.nextInt(WORDS.length)]);
    }
  }
}
