package io.adfbeam.runners.run;

import io.adfbeam.translator.bind.BoundRun;
import io.adfbeam.translator.time.AdfDateTimes;
import io.adfbeam.transforms.copy.CopyFiles;
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

  /**
   * The report of a bound run from its job's counts. A run that did not succeed reports only what
   * it read: what it wrote was removed.
   */
  public static ActivityRunReport of(BoundRun r, String status, CopyJob.Counts c,
      List<String> outputs, List<String> errors) {
    CopyJob.Counts counts = c != null ? c : new CopyJob.Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    if (!status.equals("Succeeded")) {
      // What a failed run wrote was removed: report only what it read.
      counts = new CopyJob.Counts(counts.filesTotal(), counts.bytesTotal(), counts.filesRead(), 0,
          counts.dataRead(), 0, counts.rowsRead(), 0, counts.rowsSkipped(), counts.copyMillis());
    }
    double seconds = counts.copyMillis() / 1000.0;
    double throughput = seconds > 0 ? counts.dataRead() / 1024.0 / seconds : 0;
    return new ActivityRunReport(r.run().pipeline(), r.run().activity(),
        AdfDateTimes.format(r.run().slice().start()), AdfDateTimes.format(r.run().slice().end()),
        status, counts.dataRead(), counts.dataWritten(), counts.filesRead(), counts.filesWritten(),
        counts.rowsRead(), counts.rowsCopied(), counts.rowsSkipped(),
        counts.rowsSkipped() > 0 ? CopyFiles.redirectFolder(r.task()) : null,
        seconds, Math.round(throughput * 10) / 10.0, outputs == null ? List.of() : outputs, errors);
  }}
