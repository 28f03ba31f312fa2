package io.adfbeam.transforms.copy;

import java.io.Serializable;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * How a copy treats its rows: column mappings (empty: by name, else by position), whether rows
 * that cannot be converted are skipped ({@code enableSkipIncompatibleRow}), where skipped rows
 * are logged (a Beam folder path, or null for no log), and the size above which a file is split
 * into parts that workers copy side by side ({@code splitBytes}; 0: 128 MB, or the run's bytes
 * over its {@code parallelCopies} when larger; see {@link FileSplits}).
 */
public record CopySettings(
    List<ColumnMap> mappings, boolean skipIncompatibleRows, @Nullable String redirectFolder,
    long splitBytes)
    implements Serializable {

  public static final CopySettings DEFAULT = new CopySettings(List.of(), false, null);

  public CopySettings {
    mappings = List.copyOf(mappings);
    if (splitBytes < 0) {
      throw new IllegalArgumentException("splitBytes must not be negative: " + splitBytes);
    }
  }

  /** Settings that split files by the default size. */
  public CopySettings(
      List<ColumnMap> mappings, boolean skipIncompatibleRows, @Nullable String redirectFolder) {
    this(mappings, skipIncompatibleRows, redirectFolder, 0);
  }

  /** These settings with files split into parts of about {@code bytes} (0: the default). */
  public CopySettings withSplitBytes(long bytes) {
    return new CopySettings(mappings, skipIncompatibleRows, redirectFolder, bytes);
  }
}
