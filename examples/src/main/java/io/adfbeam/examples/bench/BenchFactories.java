package io.adfbeam.examples.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
  private static final String PARQUET = "{ \"type\": \"ParquetFormat\" }";
  private static final String ORC = "{ \"type\": \"OrcFormat\" }";
  private static final String AVRO = "{ \"type\": \"AvroFormat\" }";
  private static final String JSON_SET_OF_OBJECTS =
      "{ \"type\": \"JsonFormat\", \"filePattern\": \"setOfObjects\" }";
  private static final String GZIP_FASTEST = "{ \"type\": \"GZip\", \"level\": \"Fastest\" }";
  private static final String GZIP = "{ \"type\": \"GZip\" }";

  private BenchFactories() {}

  /** Writes case {@code c}'s factory into {@code folder}; returns the folder. */
  static Path write(Path folder, char c) throws IOException {
    return write(folder, List.of(c), false);
  }

  /**
   * Writes one factory holding the pipelines of all {@code cases} into {@code folder}; returns
   * the folder. With {@code prefixed}, dataset and pipeline names start with the case's letter and
   * each case writes to {@code bench/out/<letter>}, so that several cases fit in one factory (the
   * warm-up run); otherwise a single case writes to {@link #OUTPUT_FOLDER}.
   */
  static Path write(Path folder, List<Character> cases, boolean prefixed) throws IOException {
    BenchData.deleteTree(folder);
    Files.createDirectories(folder.resolve("LinkedServices"));
    Files.createDirectories(folder.resolve("Tables"));
    Files.createDirectories(folder.resolve("Pipelines"));
    linkedService(folder, INPUT_SERVICE, "benchinput");
    linkedService(folder, OUTPUT_SERVICE, "benchoutput");
    for (char c : cases) {
      addCase(folder, c, prefixed ? Character.toUpperCase(c) + "_" : "",
          prefixed ? OUTPUT_FOLDER + "/" + c : OUTPUT_FOLDER);
    }
    return folder;
  }

  private static void addCase(Path folder, char c, String p, String out) throws IOException {
    switch (c) {
      case 'a' -> {
        dataset(folder, p + "LineitemCsv", INPUT_SERVICE, "bench/csv", CSV_COMMA, null, null, true);
        dataset(folder, p + "LineitemCsvGzip", OUTPUT_SERVICE, out, CSV_COMMA, GZIP_FASTEST, null,
            false);
        pipeline(folder, p + "CsvToCsvGzip", "CompressFastest", p + "LineitemCsv",
            p + "LineitemCsvGzip", true);
      }
      case 'b' -> {
        dataset(folder, p + "LineitemCsvGzip", INPUT_SERVICE, "bench/csvgz", CSV_COMMA, GZIP, null,
            true);
        dataset(folder, p + "LineitemCsv", OUTPUT_SERVICE, out, CSV_COMMA, null, null, false);
        pipeline(folder, p + "CsvGzipToCsv", "Decompress", p + "LineitemCsvGzip", p + "LineitemCsv",
            true);
      }
      case 'c' -> {
        dataset(folder, p + "LineitemCsv", INPUT_SERVICE, "bench/csv", CSV_COMMA, null, null, true);
        dataset(folder, p + "LineitemTsv", OUTPUT_SERVICE, out, CSV_TAB_HEADER, null, null, false);
        pipeline(folder, p + "CsvToTsvWithHeader", "Reformat", p + "LineitemCsv", p + "LineitemTsv",
            true);
      }
      case 'd' -> {
        dataset(folder, p + "SmallFiles", INPUT_SERVICE, "bench/small", null, null, null, true);
        dataset(folder, p + "SmallFilesCopy", OUTPUT_SERVICE, out, null, null, null, false);
        pipeline(folder, p + "SmallFilesBinaryCopy", "CopyFiles", p + "SmallFiles",
            p + "SmallFilesCopy", true);
      }
      case 'e' -> {
        // The structure types the CSV's columns; the Parquet sink takes them as they are.
        dataset(folder, p + "LineitemCsvTyped", INPUT_SERVICE, "bench/csv", CSV_COMMA, null,
            Lineitem.structureJson(true), true);
        dataset(folder, p + "LineitemParquet", OUTPUT_SERVICE, out, PARQUET, null, null, false);
        pipeline(folder, p + "CsvToParquet", "ToParquet", p + "LineitemCsvTyped",
            p + "LineitemParquet", true);
      }
      case 'f' -> {
        // Parquet files carry their types: no structure needed.
        dataset(folder, p + "LineitemParquet", INPUT_SERVICE, "bench/parquet", PARQUET, null, null,
            true);
        dataset(folder, p + "LineitemOrc", OUTPUT_SERVICE, out, ORC, null, null, false);
        pipeline(folder, p + "ParquetToOrc", "ToOrc", p + "LineitemParquet", p + "LineitemOrc",
            true);
      }
      case 'g' -> {
        // JSON numbers and strings are typed by the structure (dates are ISO yyyy-MM-dd text).
        dataset(folder, p + "LineitemJson", INPUT_SERVICE, "bench/json", JSON_SET_OF_OBJECTS, null,
            Lineitem.structureJson(false), true);
        dataset(folder, p + "LineitemAvro", OUTPUT_SERVICE, out, AVRO, null, null, false);
        pipeline(folder, p + "JsonToAvro", "ToAvro", p + "LineitemJson", p + "LineitemAvro", true);
      }
      default -> throw new IllegalArgumentException("unknown case '" + c + "'");
    }
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
      String format, String compression, String structure, boolean external) throws IOException {
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
            "linkedServiceName": "%s",%s
            "typeProperties": {
        %s
            },%s
            "availability": { "frequency": "Hour", "interval": 1 }
          }
        }
        """.formatted(name, service,
            structure == null ? "" : "\n    \"structure\": " + structure + ",",
            props, external ? "\n    \"external\": true," : ""));
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
