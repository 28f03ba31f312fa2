package io.adfbeam.tests.runners;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The factory the runner tests copy: an ADF v1 project with one pipeline of two Copy activities
 * over one hourly slice, reading CSV files from {@code In} ({@code data/csv}): {@code Reformat}
 * writes them as tab-separated text with a header ({@code out/tsv}), {@code Compress} as GZip CSV
 * ({@code out/gz}). And the helpers to run {@code adf-beam run} as a separate JVM, the way users do.
 */
final class CopyFactory {
  static final String WINDOW = "2024-01-01T00:00:00Z/2024-01-01T01:00:00Z";
  static final String CSV = "{ \"type\": \"TextFormat\", \"columnDelimiter\": \",\", \"rowDelimiter\": \"\\n\" }";
  static final String TSV = "{ \"type\": \"TextFormat\", \"columnDelimiter\": \"\\t\","
      + " \"rowDelimiter\": \"\\n\", \"firstRowAsHeader\": true }";

  private CopyFactory() {}

  /** Writes the factory into {@code folder}; {@code activities} is "Reformat", "Compress" or both. */
  static Path write(Path folder, List<String> activities) throws IOException {
    Files.createDirectories(folder.resolve("LinkedServices"));
    Files.createDirectories(folder.resolve("Tables"));
    Files.createDirectories(folder.resolve("Pipelines"));
    for (String service : List.of("In", "Out")) {
      Files.writeString(folder.resolve("LinkedServices/" + service + ".json"), """
          { "name": "%s", "properties": { "type": "AzureStorage", "typeProperties": {
              "connectionString": "DefaultEndpointsProtocol=https;AccountName=x%s;AccountKey=bm90LWEta2V5" } } }
          """.formatted(service, service.toLowerCase()));
    }
    dataset(folder, "Csv", "In", "data/csv", CSV, null, true);
    dataset(folder, "Tsv", "Out", "out/tsv", TSV, null, false);
    dataset(folder, "CsvGz", "Out", "out/gz", CSV, "{ \"type\": \"GZip\" }", false);
    List<String> blocks = new ArrayList<>();
    if (activities.contains("Reformat")) {
      blocks.add(activity("Reformat", "Tsv"));
    }
    if (activities.contains("Compress")) {
      blocks.add(activity("Compress", "CsvGz"));
    }
    Files.writeString(folder.resolve("Pipelines/Copies.json"), """
        { "name": "Copies", "properties": {
            "start": "2024-01-01T00:00:00Z", "end": "2024-01-01T01:00:00Z",
            "activities": [ %s ] } }
        """.formatted(String.join(",\n", blocks)));
    return folder;
  }

  private static String activity(String name, String output) {
    return """
        { "name": "%s", "type": "Copy", "inputs": [ { "name": "Csv" } ], "outputs": [ { "name": "%s" } ],
          "typeProperties": { "source": { "type": "BlobSource", "recursive": true },
                              "sink": { "type": "BlobSink", "copyBehavior": "PreserveHierarchy" } },
          "scheduler": { "frequency": "Hour", "interval": 1 } }
        """.formatted(name, output);
  }

  private static void dataset(Path folder, String name, String service, String path, String format,
      String compression, boolean external) throws IOException {
    Files.writeString(folder.resolve("Tables/" + name + ".json"), """
        { "name": "%s", "properties": { "type": "AzureBlob", "linkedServiceName": "%s",
            "typeProperties": { "folderPath": "%s", "format": %s%s },%s
            "availability": { "frequency": "Hour", "interval": 1 } } }
        """.formatted(name, service, path, format,
        compression == null ? "" : ", \"compression\": " + compression,
        external ? " \"external\": true," : ""));
  }

  /** {@code files} CSV files of {@code rows} rows each (deterministic) in {@code root/data/csv}. */
  static void csv(Path root, int files, int rows) throws IOException {
    Path dir = Files.createDirectories(root.resolve("data/csv"));
    for (int f = 0; f < files; f++) {
      StringBuilder b = new StringBuilder(rows * 96);
      long x = 0x9E3779B97F4A7C15L * (f + 1);
      for (int r = 0; r < rows; r++) {
        x ^= x << 13;
        x ^= x >>> 7;
        x ^= x << 17;
        b.append(f * 1_000_000L + r).append(',').append(Math.floorMod(x, 100_000)).append(',')
            .append(String.format(java.util.Locale.ROOT, "%.2f", Math.floorMod(x >>> 20, 1_000_000) / 100.0))
            .append(",item ").append(Long.toString(Math.floorMod(x >>> 8, 1L << 40), 36))
            .append(",2024-01-").append(String.format("%02d", 1 + r % 28)).append(",N,")
            .append(r % 7 == 0 ? "REG AIR" : "TRUCK").append('\n');
      }
      Files.writeString(dir.resolve(String.format("part-%03d.csv", f)), b);
    }
  }

  /**
   * The visible files of an output folder (not adf-beam's hidden {@code .adf-beam} folder) by path,
   * with their content, decompressed for {@code .gz} files.
   */
  static Map<String, byte[]> visibleFiles(Path folder) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    if (!Files.isDirectory(folder)) {
      return files;
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        String rel = folder.relativize(p).toString().replace('\\', '/');
        if (rel.startsWith(".adf-beam/") || rel.contains("/.adf-beam/")) {
          continue;
        }
        files.put(rel, content(p));
      }
    }
    return files;
  }

  static byte[] content(Path p) throws IOException {
    try (InputStream in = Files.newInputStream(p)) {
      if (!p.toString().endsWith(".gz")) {
        return in.readAllBytes();
      }
      try (InputStream gz = new GZIPInputStream(in, 1 << 16)) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        gz.transferTo(out);
        return out.toByteArray();
      }
    }
  }

  /** A finished {@code adf-beam run}: exit code and what it printed. */
  record Run(int exitCode, String output) {}

  /** Runs {@code java -jar adf-beam.jar ARGS} (what ./adf-beam runs) in {@code dir}. */
  static Run adfBeam(Path dir, List<String> args, long timeoutSeconds)
      throws IOException, InterruptedException {
    return adfBeam(dir, List.of(), args, timeoutSeconds);
  }

  /** The same, with options for the JVM ({@code -Dname=value}). */
  static Run adfBeam(Path dir, List<String> jvmArgs, List<String> args, long timeoutSeconds)
      throws IOException, InterruptedException {
    Path log = Files.createTempFile(dir, "adf-beam-run-", ".log");
    return finish(start(dir, jvmArgs, args, log), log, timeoutSeconds);
  }

  /** Starts {@code java -jar adf-beam.jar ARGS} in {@code dir}, its output to {@code log}. */
  static Process start(Path dir, List<String> args, Path log) throws IOException {
    return start(dir, List.of(), args, log);
  }

  private static Process start(Path dir, List<String> jvmArgs, List<String> args, Path log)
      throws IOException {
    String jar = System.getProperty("adfbeam.jar");
    if (jar == null || !Files.isRegularFile(Path.of(jar))) {
      throw new IllegalStateException("no shaded jar at " + jar + " (mvn package -pl runners -am)");
    }
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g"));
    command.addAll(jvmArgs);
    command.addAll(List.of("-jar", jar));
    command.addAll(args);
    return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
  }

  /** Waits for a started run (killing it after {@code timeoutSeconds}). */
  static Run finish(Process p, Path log, long timeoutSeconds) throws IOException, InterruptedException {
    try {
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        throw new IllegalStateException("adf-beam run did not end in " + timeoutSeconds + " s:\n"
            + Files.readString(log));
      }
    } finally {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
    return new Run(p.waitFor(), Files.readString(log, StandardCharsets.UTF_8));
  }
}
