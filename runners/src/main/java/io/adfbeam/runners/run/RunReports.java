package io.adfbeam.runners.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Renders activity run reports: a table for people, one JSON document for tools. */
public final class RunReports {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private RunReports() {}

  /** {@code {"activityRuns": [...]}} with ADF's copy output names. */
  public static String json(List<ActivityRunReport> runs) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode array = root.putArray("activityRuns");
    for (ActivityRunReport r : runs) {
      ObjectNode o = array.addObject();
      o.put("pipeline", r.pipeline());
      o.put("activity", r.activity());
      o.put("sliceStart", r.sliceStart());
      o.put("sliceEnd", r.sliceEnd());
      o.put("status", r.status());
      o.put("dataRead", r.dataRead());
      o.put("dataWritten", r.dataWritten());
      o.put("filesRead", r.filesRead());
      o.put("filesWritten", r.filesWritten());
      o.put("rowsRead", r.rowsRead());
      o.put("rowsCopied", r.rowsCopied());
      o.put("rowsSkipped", r.rowsSkipped());
      if (r.redirectRowPath() != null) {
        o.put("redirectRowPath", r.redirectRowPath());
      }
      o.put("copyDuration", r.copyDuration());
      o.put("throughput", r.throughput());
      ArrayNode outputs = o.putArray("outputs");
      r.outputs().forEach(outputs::add);
      ArrayNode errors = o.putArray("errors");
      r.errors().forEach(errors::add);
    }
    try {
      return JSON.writeValueAsString(root);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes the JSON document to {@code file} (written aside, then moved into place). */
  public static void write(Path file, String json) throws IOException {
    Path absolute = file.toAbsolutePath();
    if (absolute.getParent() != null) {
      Files.createDirectories(absolute.getParent());
    }
    Path temp = absolute.resolveSibling(absolute.getFileName() + ".tmp");
    Files.writeString(temp, json + "\n");
    Files.move(temp, absolute, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  /** A fixed-width table, one line per activity run, then each failed run's errors. */
  public static String table(List<ActivityRunReport> runs) {
    StringBuilder sb = new StringBuilder();
    String format = "%-44s %-20s %-9s %7s %10s %10s %10s %9s %11s%n";
    sb.append(String.format(Locale.ROOT, format, "activity run", "slice start", "status", "files",
        "read", "written", "rows", "seconds", "KB/s"));
    for (ActivityRunReport r : runs) {
      sb.append(String.format(Locale.ROOT, format, clip(r.pipeline() + "/" + r.activity(), 44),
          r.sliceStart(), r.status(), r.filesRead() + ">" + r.filesWritten(), formatBytes(r.dataRead()),
          formatBytes(r.dataWritten()), r.rowsCopied(), String.format(Locale.ROOT, "%.1f", r.copyDuration()),
          String.format(Locale.ROOT, "%.0f", r.throughput())));
    }
    for (ActivityRunReport r : runs) {
      if (!r.outputs().isEmpty()) {
        sb.append(String.format("%s/%s@%s: %d file%s in %s%n", r.pipeline(), r.activity(),
            r.sliceStart(), r.outputs().size(), r.outputs().size() == 1 ? "" : "s",
            commonFolder(r.outputs())));
      }
    }
    for (ActivityRunReport r : runs) {
      for (String e : r.errors()) {
        sb.append(String.format("%s/%s@%s: %s%n", r.pipeline(), r.activity(), r.sliceStart(), e));
      }
    }
    long ok = runs.stream().filter(ActivityRunReport::succeeded).count();
    sb.append(String.format(Locale.ROOT, "%d of %d activity runs succeeded", ok, runs.size()));
    return sb.toString();
  }

  /** The longest folder prefix the paths share, ending in '/'. */
  static String commonFolder(List<String> paths) {
    String prefix = paths.get(0).substring(0, paths.get(0).lastIndexOf('/') + 1);
    for (String p : paths) {
      while (!p.startsWith(prefix)) {
        prefix = prefix.substring(0, prefix.lastIndexOf('/', prefix.length() - 2) + 1);
      }
    }
    return prefix;
  }

  /** 1.5 MB style. */
  public static String formatBytes(long n) {
    if (n < 1024) {
      return n + " B";
    }
    String[] units = {"KB", "MB", "GB", "TB"};
    double v = n;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }

  private static String clip(String s, int width) {
    return s.length() <= width ? s : s.substring(0, width - 1) + "~";
  }
}
