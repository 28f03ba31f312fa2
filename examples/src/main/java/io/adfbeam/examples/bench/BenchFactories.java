package io.adfbeam.examples.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the ADF (v1) factory of each benchmark case as a project folder ({@code LinkedServices/},
 * {@code Tables/}, {@code Pipelines/}), the way Visual Studio's Data Factory projects lay them
 * out. Two Azure Storage linked services, {@code BenchInput} and {@code BenchOutput}, are mapped to
 * local folders with {@code --store}; the datasets' container is {@code bench}. Each pipeline has
 * one Copy activity and runs one hourly slice.
 */
final class BenchFactories {
  static final String INPUT_SERVICE = "BenchInput";
  static final String OUTPUT_SERVICE = "BenchOutput";
  /** Where every case writes, under the output store root. */
  static final String OUTPUT_FOLDER = "bench/out";

  private static final String START = "2024-01-01T00:00:00Z";
  private static final String END = "2024-01-01T01:00:00Z";

  private static final String CSV_COMMA =
      "{ \"type\": \"TextFormat\", \"columnDelimiter\": \",\", \"rowDelimiter\": \"\\n\" }";
  private static final String CSV_TAB_HEADER = "{ \"type\": \"TextFormat\", \"columnDelimiter\":"
      + " \"\\t\", \"rowDelimiter\": \"\\n\", \"firstRowAsHeader\": true }";
  private static final String GZIP_FASTEST = "{ \"type\": \"GZip\", \"level\": \"Fastest\" }";
  private static final String GZIP = "{ \"type\": \"GZip\" }";

  private BenchFactories() {}

  /** Writes case {@code c}'s factory into {@code folder}; returns the folder. */
  static Path write(Path folder, char c) throws IOException {
    BenchData.deleteTree(folder);
    Files.createDirectories(folder.resolve("LinkedServices"));
    Files.createDirectories(folder.resolve("Tables"));
    Files.createDirectories(folder.resolve("Pipelines"));
    linkedService(folder, INPUT_SERVICE, "benchinput");
    linkedService(folder, OUTPUT_SERVICE, "benchoutput");
    switch (c) {
      case 'a' -> {
        dataset(folder, "LineitemCsv", INPUT_SERVICE, "bench/csv", CSV_COMMA, null, true);
        dataset(folder, "LineitemCsvGzip", OUTPUT_SERVICE, OUTPUT_FOLDER, CSV_COMMA, GZIP_FASTEST,
            false);
        pipeline(folder, "CsvToCsvGzip", "CompressFastest", "LineitemCsv", "LineitemCsvGzip", true);
      }
      case 'b' -> {
        dataset(folder, "LineitemCsvGzip", INPUT_SERVICE, "bench/csvgz", CSV_COMMA, GZIP, true);
        dataset(folder, "LineitemCsv", OUTPUT_SERVICE, OUTPUT_FOLDER, CSV_COMMA, null, false);
        pipeline(folder, "CsvGzipToCsv", "Decompress", "LineitemCsvGzip", "LineitemCsv", true);
      }
      case 'c' -> {
        dataset(folder, "LineitemCsv", INPUT_SERVICE, "bench/csv", CSV_COMMA, null, true);
        dataset(folder, "LineitemTsv", OUTPUT_SERVICE, OUTPUT_FOLDER, CSV_TAB_HEADER, null, false);
        pipeline(folder, "CsvToTsvWithHeader", "Reformat", "LineitemCsv", "LineitemTsv", true);
      }
      case 'd' -> {
        dataset(folder, "SmallFiles", INPUT_SERVICE, "bench/small", null, null, true);
        dataset(folder, "SmallFilesCopy", OUTPUT_SERVICE, OUTPUT_FOLDER, null, null, false);
        pipeline(folder, "SmallFilesBinaryCopy", "CopyFiles", "SmallFiles", "SmallFilesCopy", true);
      }
      default -> throw new IllegalArgumentException("unknown case '" + c + "'");
    }
    return folder;
  }

  private static void linkedService(Path folder, String name, String account) throws IOException {
    // A well-formed connection string; --store maps the service to a local folder, so the
    // account is never contacted.
    Files.writeString(folder.resolve("LinkedServices/" + name + ".json"), """
        {
          "name": "%s",
          "properties": {
            "type": "AzureStorage",
            "typeProperties": {
              "connectionString": "DefaultEndpointsProtocol=https;AccountName=%s;AccountKey=YmVuY2htYXJrLW5vdC1hLWtleQ=="
            }
          }
        }
        """.formatted(name, account));
  }

  private static void dataset(Path folder, String name, String service, String folderPath,
      String format, String compression, boolean external) throws IOException {
    StringBuilder props = new StringBuilder();
    props.append("      \"folderPath\": \"").append(folderPath).append('"');
    if (format != null) {
      props.append(",\n      \"format\": ").append(format);
    }
    if (compression != null) {
      props.append(",\n      \"compression\": ").append(compression);
    }
    Files.writeString(folder.resolve("Tables/" + name + ".json"), """
        {
          "name": "%s",
          "properties": {
            "type": "AzureBlob",
            "linkedServiceName": "%s",
            "typeProperties": {
        %s
            },%s
            "availability": { "frequency": "Hour", "interval": 1 }
          }
        }
        """.formatted(name, service, props, external ? "\n    \"external\": true," : ""));
  }

  private static void pipeline(Path folder, String name, String activity, String input,
      String output, boolean recursive) throws IOException {
    Files.writeString(folder.resolve("Pipelines/" + name + ".json"), """
        {
          "name": "%s",
          "properties": {
            "description": "adf-beam benchmark: one Copy activity, one hourly slice",
            "start": "%s",
            "end": "%s",
            "activities": [
              {
                "name": "%s",
                "type": "Copy",
                "inputs": [ { "name": "%s" } ],
                "outputs": [ { "name": "%s" } ],
                "typeProperties": {
                  "source": { "type": "BlobSource", "recursive": %s },
                  "sink": { "type": "BlobSink", "copyBehavior": "PreserveHierarchy" }
                },
                "scheduler": { "frequency": "Hour", "interval": 1 },
                "policy": { "concurrency": 1, "retry": 0, "timeout": "02:00:00" }
              }
            ]
          }
        }
        """.formatted(name, START, END, activity, input, output, recursive));
  }
}
