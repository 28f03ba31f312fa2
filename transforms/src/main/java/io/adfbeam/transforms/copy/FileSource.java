package io.adfbeam.transforms.copy;

import io.adfbeam.formats.CompressionType;
import io.adfbeam.formats.rows.RowSchema;
import io.adfbeam.formats.text.TextFormatOptions;
import java.io.Serializable;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Where a copy reads: a folder (a Beam path ending in '/'), optionally one file in it or a
 * {@code *}/{@code ?} filter on file names, whether subfolders count, the files' compression,
 * their format (null: bytes as they are), and the declared structure (null: from the files).
 *
 * @param dataset the dataset's name, for messages
 */
public record FileSource(
    String dataset,
    String folder,
    @Nullable String fileName,
    @Nullable String fileFilter,
    boolean recursive,
    @Nullable CompressionType compression,
    @Nullable DataFormat format,
    @Nullable RowSchema structure)
    implements Serializable {

  public FileSource {
    if (!folder.endsWith("/")) {
      folder = folder + "/";
    }
  }

  public static FileSource of(String dataset, String folder) {
    return new FileSource(dataset, folder, null, null, true, null, null, null);
  }

  public FileSource withFileName(@Nullable String name) {
    return new FileSource(dataset, folder, name, fileFilter, recursive, compression, format, structure);
  }

  public FileSource withFileFilter(@Nullable String filter) {
    return new FileSource(dataset, folder, fileName, filter, recursive, compression, format, structure);
  }

  public FileSource withRecursive(boolean value) {
    return new FileSource(dataset, folder, fileName, fileFilter, value, compression, format, structure);
  }

  public FileSource withCompression(@Nullable CompressionType value) {
    return new FileSource(dataset, folder, fileName, fileFilter, recursive, value, format, structure);
  }

  public FileSource withText(@Nullable TextFormatOptions value) {
    return withFormat(value == null ? null : new DataFormat.Text(value));
  }

  public FileSource withFormat(@Nullable DataFormat value) {
    return new FileSource(dataset, folder, fileName, fileFilter, recursive, compression, value, structure);
  }

  public FileSource withStructure(@Nullable RowSchema value) {
    return new FileSource(dataset, folder, fileName, fileFilter, recursive, compression, format, value);
  }

  /** The text options when the format is TextFormat, else null. */
  public @Nullable TextFormatOptions text() {
    return format instanceof DataFormat.Text t ? t.options() : null;
  }
}
