package io.adfbeam.formats;

import java.util.Arrays;
import java.util.Optional;

/** ADF's compression levels: the codec's best ratio, or its fastest setting. */
public enum CompressionLevel {
  OPTIMAL("Optimal"),
  FASTEST("Fastest");

  private final String adfName;

  CompressionLevel(String adfName) {
    this.adfName = adfName;
  }

  public String adfName() {
    return adfName;
  }

  public static Optional<CompressionLevel> fromAdfName(String name) {
    String n = name.trim();
    return Arrays.stream(values()).filter(c -> c.adfName.equalsIgnoreCase(n)).findFirst();
  }
}
