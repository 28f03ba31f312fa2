package io.adfbeam.runners.run;

import java.util.List;

/**
 * What one activity run did, in ADF's copy-output terms: the run's identity, its status, and the
 * counts from the job's Beam metrics.
 *
 * @param status Succeeded, Failed, or Skipped (an input's producing run failed)
 * @param redirectRowPath the folder the skipped rows were logged in, or null
 * @param copyDuration seconds the run's copy took (its slowest worker)
 * @param throughput KB read per second of copyDuration
 */
public record ActivityRunReport(
    String pipeline,
    String activity,
    String sliceStart,
    String sliceEnd,
    String status,
    long dataRead,
    long dataWritten,
    long filesRead,
    long filesWritten,
    long rowsRead,
    long rowsCopied,
    long rowsSkipped,
    String redirectRowPath,
    double copyDuration,
    double throughput,
    List<String> outputs,
    List<String> errors) {

  public ActivityRunReport {
    outputs = List.copyOf(outputs);
    errors = List.copyOf(errors);
  }

  public boolean succeeded() {
    return status.equals("Succeeded");
  }
}
