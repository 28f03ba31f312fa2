package io.adfbeam.formats;

import java.util.Arrays;
import java.util.Optional;

/** The compression codecs ADF datasets name, with the file extension each one writes. */
public enum CompressionType {
  GZIP("GZip", ".gz"),
  DEFLATE("Deflate", ".deflate"),
  BZIP2("BZip2", ".bz2"),
  ZIP_DEFLATE("ZipDeflate", ".zip");

  private final String adfName;
  private final String extension;

  CompressionType(String adfName, String extension) {
    this.adfName = adfName;
    this.extension = extension;
  }

  /** The name ADF uses in {@code compression.type}. */
  public String adfName() {
    return adfName;
  }

  /** The extension written files carry, with its dot. */
  public String extension() {
    return extension;
  }

  /** Looks a codec up by its ADF name, ignoring letter case and surrounding spaces. */
  public static Optional<CompressionType> fromAdfName(String name) {
    String n = name.trim();
    return Arrays.stream(values()).filter(c -> c.adfName.equalsIgnoreCase(n)).findFirst();
  }
}
