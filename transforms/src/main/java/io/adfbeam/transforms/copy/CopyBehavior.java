package io.adfbeam.transforms.copy;

/** How a file sink lays out what it writes (ADF's {@code copyBehavior}). */
public enum CopyBehavior {
  /** Each file keeps its path relative to the source folder. */
  PRESERVE_HIERARCHY,
  /** Every file lands in the sink folder itself, with a generated name. */
  FLATTEN_HIERARCHY,
  /** All files of a run are concatenated into one file. */
  MERGE_FILES
}
