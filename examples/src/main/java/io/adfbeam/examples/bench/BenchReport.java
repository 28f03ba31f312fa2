package io.adfbeam.examples.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The benchmark's results: a plain-text table for the console and the same as Markdown. */
final class BenchReport {
  /** One case's figures. Rates are MB/s (10^6 bytes of uncompressed CSV) or files/s. */
  record CaseResult(char id, String title, boolean filesPerSecond, long bytes, long files,
      double seconds, double cpuSeconds, double copyDuration, String baseline,
      double baselineSeconds, double baselineCpuSeconds, double load, boolean verified,
      String verification, String inputFormat, long inputBytes, String comparison,
      Timing comparisonTiming) {

    double rate() {
      return rate(seconds);
    }

    double baselineRate() {
      return baseline == null ? Double.NaN : rate(baselineSeconds);
    }

    private double rate(double s) {
      return filesPerSecond ? files / s : bytes / 1e6 / s;
    }

    String unit() {
      return filesPerSecond ? "files/s" : "MB/s";
    }

    double ratio() {
      return rate() / baselineRate();
    }

    String target() {
      return switch (id) {
        case 'a' -> ">= 1.5 x gzip -1";
        case 'b' -> ">= 1.0 x gzip -d";
        case 'c' -> ">= 40 MB/s";
        case 'd' -> ">= 0.25 x cp -r";
        case 'e' -> ">= 0.5 x duckdb";
        case 'f', 'g' -> "-";
        default -> throw new AssertionError(id);
      };
    }

    boolean met() {
      return switch (id) {
        case 'a' -> ratio() >= 1.5;
        case 'b' -> ratio() >= 1.0;
        case 'c' -> rate() >= 40;
        case 'd' -> ratio() >= 0.25;
        case 'e' -> ratio() >= 0.5;
        default -> throw new AssertionError(id);
      };
    }

    /**
     * PASS or MISS for the target, "verified" for a case without one; FAILED when the output did
     * not verify.
     */
    String result() {
      return !verified ? "FAILED" : id == 'f' || id == 'g' ? "verified" : met() ? "PASS" : "MISS";
    }

    String summary() {
      return String.format(Locale.ROOT, "(%s) %s: adf-beam %.1f s, %s %s; %s%s%s", id, title,
          seconds, fmt(rate()), unit(),
          baseline == null ? "" : String.format(Locale.ROOT, "%s %.1f s, %s %s; ratio %.2f; ",
              baseline, baselineSeconds, fmt(baselineRate()), unit(), ratio()),
          result(), verified ? "" : " (" + verification + ")");
    }

    static final class Builder {
      private final char id;
      private long bytes;
      private long files;
      private double seconds;
      private double cpuSeconds = Double.NaN;
      private double copyDuration = Double.NaN;
      private String baseline;
      private double baselineSeconds = Double.NaN;
      private double baselineCpuSeconds = Double.NaN;
      private double load = Double.NaN;
      private boolean verified;
      private String verification = "not run";
      private String inputFormat;
      private long inputBytes;
      private String comparison;
      private Timing comparisonTiming;

      Builder(char id) {
        this.id = id;
      }

      void size(long totalBytes, long fileCount) {
        this.bytes = totalBytes;
        this.files = fileCount;
      }

      void baseline(String name, Timing t) {
        this.baseline = name;
        this.baselineSeconds = t.seconds();
        this.baselineCpuSeconds = t.cpuSeconds();
      }

      void adfBeam(Timing t, double inJob) {
        this.seconds = t.seconds();
        this.cpuSeconds = t.cpuSeconds();
        this.copyDuration = inJob;
      }

      /** A second baseline, shown under the table (not the target's). */
      void comparison(String name, Timing t) {
        this.comparison = name;
        this.comparisonTiming = t;
      }

      /** The case reads a typed copy of the CSV: its format and total length. */
      void input(String format, long bytes) {
        this.inputFormat = format;
        this.inputBytes = bytes;
      }

      void load(double loadAverage) {
        this.load = loadAverage;
      }

      void verification(boolean ok, String message) {
        this.verified = ok;
        this.verification = message;
      }

      CaseResult build() {
        return new CaseResult(id, BenchReport.title(id), id == 'd', bytes, files, seconds,
            cpuSeconds, copyDuration, baseline, baselineSeconds, baselineCpuSeconds, load, verified,
            verification, inputFormat, inputBytes, comparison, comparisonTiming);
      }
    }
  }

  static String title(char id) {
    return switch (id) {
      case 'a' -> "CSV to CSV GZip Fastest";
      case 'b' -> "CSV GZip to CSV";
      case 'c' -> "CSV comma to tab with header";
      case 'd' -> "binary copy of small files";
      case 'e' -> "CSV to Parquet (typed)";
      case 'f' -> "Parquet to ORC";
      case 'g' -> "JSON to Avro";
      default -> throw new AssertionError(id);
    };
  }

  private static final String[] HEADERS = {"case", "data", "load", "adf-beam s", "cpu s",
    "copy s", "adf-beam rate", "baseline", "baseline s", "cpu s", "baseline rate", "ratio",
    "target", "result"};

  private final CopyBenchmark.Options options;
  private final List<CaseResult> cases;

  BenchReport(CopyBenchmark.Options options, List<CaseResult> cases) {
    this.options = options;
    this.cases = List.copyOf(cases);
  }

  List<CaseResult> cases() {
    return cases;
  }

  boolean allVerified() {
    return cases.stream().allMatch(CaseResult::verified);
  }

  private List<String[]> rows() {
    List<String[]> rows = new ArrayList<>();
    for (CaseResult c : cases) {
      String data = c.filesPerSecond()
          ? String.format(Locale.ROOT, "%,d files, %s MB", c.files(), fmt(c.bytes() / 1e6))
          : String.format(Locale.ROOT, "%s MB in %d files", fmt(c.bytes() / 1e6), c.files())
              + (c.inputFormat() == null ? "" : String.format(Locale.ROOT, " (as %s MB of %s)",
                  fmt(c.inputBytes() / 1e6), c.inputFormat()));
      rows.add(new String[] {
        "(" + c.id() + ") " + c.title(),
        data,
        one(c.load()),
        one(c.seconds()),
        one(c.cpuSeconds()),
        one(c.copyDuration()),
        fmt(c.rate()) + " " + c.unit(),
        c.baseline() == null ? "-" : c.baseline(),
        c.baseline() == null ? "-" : one(c.baselineSeconds()),
        c.baseline() == null ? "-" : one(c.baselineCpuSeconds()),
        c.baseline() == null ? "-" : fmt(c.baselineRate()) + " " + c.unit(),
        c.baseline() == null ? "-" : String.format(Locale.ROOT, "%.2f", c.ratio()),
        c.target(),
        c.result()
      });
    }
    return rows;
  }

  /** A fixed-width table, then any verification failures. */
  String table() {
    List<String[]> rows = rows();
    int[] width = new int[HEADERS.length];
    for (int i = 0; i < HEADERS.length; i++) {
      width[i] = HEADERS[i].length();
      for (String[] r : rows) {
        width[i] = Math.max(width[i], r[i].length());
      }
    }
    StringBuilder sb = new StringBuilder();
    appendRow(sb, HEADERS, width);
    for (String[] r : rows) {
      appendRow(sb, r, width);
    }
    appendFailures(sb, "");
    appendComparisons(sb, "");
    return sb.toString();
  }

  /** Second baselines: their figures and adf-beam's ratio to them. */
  private void appendComparisons(StringBuilder sb, String prefix) {
    for (CaseResult c : cases) {
      if (c.comparison() != null) {
        Timing t = c.comparisonTiming();
        double rate = c.bytes() / 1e6 / t.seconds();
        sb.append(prefix).append(String.format(Locale.ROOT,
            "(%s) for comparison, %s: %.1f s, %s cpu s, %s MB/s; adf-beam's ratio to it %.2f%n",
            c.id(), c.comparison(), t.seconds(), one(t.cpuSeconds()), fmt(rate), c.rate() / rate));
      }
    }
  }

  private static void appendRow(StringBuilder sb, String[] cells, int[] width) {
    for (int i = 0; i < cells.length; i++) {
      sb.append(i == 0 ? "" : "  ").append(String.format("%-" + width[i] + "s", cells[i]));
    }
    sb.setLength(sb.length() - trailingSpaces(sb));
    sb.append('\n');
  }

  private static int trailingSpaces(StringBuilder sb) {
    int n = 0;
    while (n < sb.length() && sb.charAt(sb.length() - 1 - n) == ' ') {
      n++;
    }
    return n;
  }

  private void appendFailures(StringBuilder sb, String prefix) {
    for (CaseResult c : cases) {
      if (!c.verified()) {
        sb.append(prefix).append("(").append(c.id()).append(") output not verified: ")
            .append(c.verification()).append('\n');
      }
    }
  }

  /** The results as Markdown, with the machine and the arguments they were measured with. */
  String markdown() {
    StringBuilder sb = new StringBuilder();
    sb.append("| ").append(String.join(" | ", HEADERS)).append(" |\n");
    sb.append("|").append("---|".repeat(HEADERS.length)).append('\n');
    for (String[] r : rows()) {
      sb.append("| ").append(String.join(" | ", r)).append(" |\n");
    }
    sb.append('\n');
    appendFailures(sb, "- ");
    appendComparisons(sb, "- ");
    sb.append("- machine: ").append(machine()).append('\n');
    sb.append("- arguments: `").append(String.join(" ", options.args())).append("`\n");
    sb.append("- load: the 1-minute load average when the case started (other work on the"
        + " machine); adf-beam s: wall clock of `java -jar adf-beam.jar run ...`, start-up"
        + " included; cpu s: user + system CPU seconds of that process (or of the baseline"
        + " commands); copy s: the run's copyDuration from its report (its slowest slot)\n");
    if (cases.stream().anyMatch(c -> c.id() == 'e')) {
      sb.append("- duckdb: DuckDB ").append(CopyBenchmark.DUCKDB_VERSION).append(" (JDBC) in a"
          + " child JVM, start-up included, `SET threads = ").append(options.threads())
          .append("`, then for each CSV file `COPY (SELECT * FROM read_csv(file, header = false,"
          + " columns = {...})) TO 'file.parquet' (FORMAT parquet, COMPRESSION snappy)`: one"
          + " Parquet file per CSV file, as adf-beam writes; columns typed as the structure"
          + " (BIGINT, INTEGER, DECIMAL(38,18), VARCHAR, TIMESTAMP), or as TPC-H types them"
          + " (DECIMAL(15,2), DATE) for the comparison line\n");
    }
    sb.append("- MB are 10^6 bytes of uncompressed CSV, also for (f) and (g), which read typed"
        + " copies of it; every output was read back and compared with the input (names, lengths,"
        + " CRC-32, rows; for (e) to (g) rows and a CRC-32 of the values)\n");
    return sb.toString();
  }

  /**
   * Each case's adf-beam wall time on every runner, and the slower one's over the faster one's
   * (the target: within 1.3 either way).
   */
  static String compareRunners(List<String> runners, List<BenchReport> reports) {
    StringBuilder sb = new StringBuilder("\nRunners compared (adf-beam wall seconds, start-up included):\n\n");
    sb.append("| case | ").append(String.join(" | ", runners)).append(" | slower / faster |\n");
    sb.append("|---|").append("---|".repeat(runners.size())).append("---|\n");
    for (int i = 0; i < reports.get(0).cases.size(); i++) {
      CaseResult first = reports.get(0).cases.get(i);
      sb.append("| (").append(first.id()).append(") ").append(first.title()).append(" | ");
      double min = Double.MAX_VALUE;
      double max = 0;
      for (BenchReport r : reports) {
        double s = r.cases.get(i).seconds();
        min = Math.min(min, s);
        max = Math.max(max, s);
        sb.append(one(s)).append(" | ");
      }
      sb.append(String.format(Locale.ROOT, "%.2f%s |\n", max / min, max / min <= 1.3 ? "" : " (over 1.3)"));
    }
    return sb.toString();
  }

  /** Cores, memory, CPU model, Java version and OS. */
  static String machine() {
    String memory = "?";
    String cpu = "?";
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
          memory = String.format(Locale.ROOT, "%.1f GiB", kb / 1024.0 / 1024.0);
        }
      }
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          cpu = line.substring(line.indexOf(':') + 1).trim();
          break;
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: leave the unknowns
    }
    return String.format(Locale.ROOT, "%d cores (%s), %s memory, Java %s (%s), %s %s",
        Runtime.getRuntime().availableProcessors(), cpu, memory,
        System.getProperty("java.runtime.version"), System.getProperty("java.vm.name"),
        System.getProperty("os.name"), System.getProperty("os.version"));
  }

  private static String one(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f", v);
  }

  static String fmt(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return "-";
    }
    return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.1f", v);
  }
}
