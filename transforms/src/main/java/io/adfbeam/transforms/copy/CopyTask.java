package io.adfbeam.transforms.copy;

import java.io.Serializable;

/**
 * One activity run of a copy: its id (unique in the job), what it reads and writes, and how many
 * files it may copy at once ({@code parallelCopies}; 0 = as many as the runner can).
 */
public record CopyTask(String runId, FileSource source, FileSink sink, int parallelCopies)
    implements Serializable {}
