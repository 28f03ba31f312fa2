package io.adfbeam.transforms.copy;

import java.io.Serializable;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * How a copy treats its rows: column mappings (empty: by name, else by position), whether rows
 * that cannot be converted are skipped ({@code enableSkipIncompatibleRow}), and where skipped rows
 * are logged (a Beam folder path, or null for no log).
 */
public record CopySettings(
    List<ColumnMap> mappings, boolean skipIncompatibleRows, @Nullable String redirectFolder)
    implements Serializable {

  public static final CopySettings DEFAULT = new CopySettings(List.of(), false, null);

  public CopySettings {
    mappings = List.copyOf(mappings);
  }
}
