package io.adfbeam.transforms.copy;

import io.adfbeam.formats.CompressionType;
import io.adfbeam.formats.text.TextFormatOptions;
import java.io.Serializable;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Where a copy reads: a folder (a Beam path ending in '/'), optionally one file in it or a
 * {@code *}/{@code ?} filter on file names, whether subfolders count, the files' compression, and
 * their text format (null: bytes as they are).
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
    @Nullable TextFormatOptions text)
    implements Serializable {

  public FileSource {
    if (!folder.endsWith("/")) {
      folder = folder + "/";
    }
  }

  public static FileSource of(String dataset, String folder) {
    return new FileSource(dataset, folder, null, null, true, null, null);
  }

  public FileSource withFileName(@Nullable String name) {
    return new FileSource(dataset, folder, name, fileFilter, recursive, compression, text);
  }

  public FileSource withFileFilter(@Nullable String filter) {
    return new FileSource(dataset, folder, fileName, filter, recursive, compression, text);
  }

  public FileSource withRecursive(boolean value) {
    return new FileSource(dataset, folder, fileName, fileFilter, value, compression, text);
  }

  public FileSource withCompression(@Nullable CompressionType value) {
    return new FileSource(dataset, folder, fileName, fileFilter, recursive, value, text);
  }

  public FileSource withText(@Nullable TextFormatOptions value) {
    return new FileSource(dataset, folder, fileName, fileFilter, recursive, compression, value);
  }
}
