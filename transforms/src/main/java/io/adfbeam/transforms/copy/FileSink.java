package io.adfbeam.transforms.copy;

import io.adfbeam.formats.CompressionLevel;
import io.adfbeam.formats.CompressionType;
import io.adfbeam.formats.text.TextFormatOptions;
import java.io.Serializable;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Where a copy writes: a folder (a Beam path ending in '/'), optionally a file name, the
 * compression and level, the text format (null: bytes as they are) and the copy behavior.
 *
 * @param dataset the dataset's name, for messages
 */
public record FileSink(
    String dataset,
    String folder,
    @Nullable String fileName,
    @Nullable CompressionType compression,
    @Nullable CompressionLevel level,
    @Nullable TextFormatOptions text,
    CopyBehavior behavior)
    implements Serializable {

  public FileSink {
    if (!folder.endsWith("/")) {
      folder = folder + "/";
    }
  }

  public static FileSink of(String dataset, String folder) {
    return new FileSink(dataset, folder, null, null, null, null, CopyBehavior.PRESERVE_HIERARCHY);
  }

  public FileSink withFileName(@Nullable String name) {
    return new FileSink(dataset, folder, name, compression, level, text, behavior);
  }

  public FileSink withCompression(@Nullable CompressionType type, @Nullable CompressionLevel lvl) {
    return new FileSink(dataset, folder, fileName, type, lvl, text, behavior);
  }

  public FileSink withText(@Nullable TextFormatOptions value) {
    return new FileSink(dataset, folder, fileName, compression, level, value, behavior);
  }

  public FileSink withBehavior(CopyBehavior value) {
    return new FileSink(dataset, folder, fileName, compression, level, text, value);
  }
}
