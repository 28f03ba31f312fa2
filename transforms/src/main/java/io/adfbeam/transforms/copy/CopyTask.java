package io.adfbeam.transforms.copy;

import java.io.Serializable;

/**
 * One activity run of a copy: its id (unique in the job), what it reads and writes, how many
 * files it may copy at once ({@code parallelCopies}; 0 = as many as the runner can), and how it
 * treats rows.
 */
public record CopyTask(
    String runId, FileSource source, FileSink sink, int parallelCopies, CopySettings settings)
    implements Serializable {

  /** A copy with ADF's default row handling: by name, no skipping. */
  public CopyTask(String runId, FileSource source, FileSink sink, int parallelCopies) {
    this(runId, source, sink, parallelCopies, CopySettings.DEFAULT);
  }
}
