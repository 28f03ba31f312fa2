package io.adfbeam.transforms.copy;

import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Distribution;
import org.apache.beam.sdk.metrics.Metrics;

/**
 * The Beam counters a copy keeps per activity run, named after ADF's copy output. Namespace
 * {@value #NAMESPACE}; name {@code <runId>/<metric>}. Runners aggregate them, so a report reads
 * them from the pipeline result instead of going over the files again.
 */
public final class CopyMetrics {
  public static final String NAMESPACE = "adf-beam.copy";
  public static final String DATA_READ = "dataRead";
  public static final String DATA_WRITTEN = "dataWritten";
  public static final String FILES_READ = "filesRead";
  public static final String FILES_WRITTEN = "filesWritten";
  public static final String ROWS_READ = "rowsRead";
  public static final String ROWS_COPIED = "rowsCopied";
  public static final String ROWS_SKIPPED = "rowsSkipped";
  public static final String FILES_TOTAL = "filesTotal";
  public static final String BYTES_TOTAL = "bytesTotal";
  /** The parts split files were copied as ({@link FileSplits}); 0 when no file was split. */
  public static final String SPLIT_PARTS = "splitParts";
  /** A distribution: how long each worker's share of a run took, in milliseconds. */
  public static final String COPY_MILLIS = "copyMillis";

  private CopyMetrics() {}

  public static String name(String runId, String metric) {
    return runId + "/" + metric;
  }

  public static Counter counter(String runId, String metric) {
    return Metrics.counter(NAMESPACE, name(runId, metric));
  }

  public static Distribution copyMillis(String runId) {
    return Metrics.distribution(NAMESPACE, name(runId, COPY_MILLIS));
  }
}
