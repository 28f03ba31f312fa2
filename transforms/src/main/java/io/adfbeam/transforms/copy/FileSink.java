package io.adfbeam.transforms.copy;

import io.adfbeam.formats.CompressionLevel;
import io.adfbeam.formats.CompressionType;
import io.adfbeam.formats.rows.RowSchema;
import io.adfbeam.formats.text.TextFormatOptions;
import java.io.Serializable;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Where a copy writes: a folder (a Beam path ending in '/'), optionally a file name, the
 * compression and level, the format (null: bytes as they are), the declared structure (null: the
 * source's columns) and the copy behavior.
 *
 * @param dataset the dataset's name, for messages
 */
public record FileSink(
    String dataset,
    String folder,
    @Nullable String fileName,
    @Nullable CompressionType compression,
    @Nullable CompressionLevel level,
    @Nullable DataFormat format,
    @Nullable RowSchema structure,
    CopyBehavior behavior)
    implements Serializable {

  public FileSink {
    if (!folder.endsWith("/")) {
      folder = folder + "/";
    }
  }

  public static FileSink of(String dataset, String folder) {
    return new FileSink(dataset, folder, null, null, null, null, null, CopyBehavior.PRESERVE_HIERARCHY);
  }

  public FileSink withFileName(@Nullable String name) {
    return new FileSink(dataset, folder, name, compression, level, format, structure, behavior);
  }

  public FileSink withCompression(@Nullable CompressionType type, @Nullable CompressionLevel lvl) {
    return new FileSink(dataset, folder, fileName, type, lvl, format, structure, behavior);
  }

  public FileSink withText(@Nullable TextFormatOptions value) {
    return withFormat(value == null ? null : new DataFormat.Text(value));
  }

  public FileSink withFormat(@Nullable DataFormat value) {
    return new FileSink(dataset, folder, fileName, compression, level, value, structure, behavior);
  }

  public FileSink withStructure(@Nullable RowSchema value) {
    return new FileSink(dataset, folder, fileName, compression, level, format, value, behavior);
  }

  /** The text options when the format is TextFormat, else null. */
  public @Nullable TextFormatOptions text() {
    return format instanceof DataFormat.Text t ? t.options() : null;
  }

  public FileSink withBehavior(CopyBehavior value) {
    return new FileSink(dataset, folder, fileName, compression, level, format, structure, value);
  }
}
